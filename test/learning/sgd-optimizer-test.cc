// SPDX-License-Identifier: GPL-2.0-only
#include "ns3/sgd-optimizer.h"

#include <boost/test/unit_test.hpp>
#include <cmath>

using namespace ns3::coded;

BOOST_AUTO_TEST_SUITE(learning)

BOOST_AUTO_TEST_CASE(sgd_step_momentum_and_weight_decay)
{
    SgdOptimizer::Config c;
    c.learningRate = 0.5;
    c.momentum = 0.9;
    c.weightDecay = 0.1;
    SgdOptimizer sgd(c);
    DenseVector w(2);
    w << 1.0, -2.0;
    DenseVector gsum(2);
    gsum << 4.0, 8.0; // over 4 samples: mean (1, 2)
    // Step 1: g = (1, 2) + 0.1 (1, -2) = (1.1, 1.8); v = g; w = w - 0.5 v.
    sgd.Step(w, gsum, 4);
    BOOST_TEST(std::abs(w(0) - 0.45) < 1e-12);
    BOOST_TEST(std::abs(w(1) + 2.9) < 1e-12);
    // Step 2: g = (1, 2) + 0.1 (0.45, -2.9) = (1.045, 1.71); v = 0.9 (1.1, 1.8) + g.
    sgd.Step(w, gsum, 4);
    BOOST_TEST(std::abs(w(0) - (0.45 - 0.5 * (0.99 + 1.045))) < 1e-12);
    BOOST_TEST(std::abs(w(1) - (-2.9 - 0.5 * (1.62 + 1.71))) < 1e-12);
    BOOST_TEST(sgd.StepCount() == 2u);
    BOOST_CHECK_THROW(sgd.Step(w, DenseVector::Zero(3), 4), std::invalid_argument);
    BOOST_CHECK_THROW(sgd.Step(w, gsum, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(sgd_schedules)
{
    SgdOptimizer::Config c;
    c.learningRate = 1.0;
    c.schedule = SgdOptimizer::Schedule::STEP;
    c.gamma = 0.5;
    c.stepSize = 2;
    SgdOptimizer step(c);
    DenseVector w = DenseVector::Zero(1);
    const DenseVector g = DenseVector::Zero(1);
    const double expected[] = {1.0, 1.0, 0.5, 0.5, 0.25};
    for (double e : expected)
    {
        BOOST_TEST(std::abs(step.CurrentLearningRate() - e) < 1e-15);
        step.Step(w, g, 1);
    }
    c.schedule = SgdOptimizer::Schedule::INVERSE_TIME;
    c.gamma = 0.25;
    SgdOptimizer inv(c);
    for (int t = 0; t < 5; ++t)
    {
        BOOST_TEST(std::abs(inv.CurrentLearningRate() - 1.0 / (1.0 + 0.25 * t)) < 1e-15);
        inv.Step(w, g, 1);
    }
    BOOST_TEST((SgdOptimizer::ParseSchedule("step") == SgdOptimizer::Schedule::STEP));
}

BOOST_AUTO_TEST_CASE(sgd_rejects_bad_settings_with_clear_messages)
{
    auto message = [](SgdOptimizer::Config c) {
        try
        {
            SgdOptimizer::Validate(c);
        }
        catch (const std::invalid_argument& e)
        {
            return std::string(e.what());
        }
        return std::string();
    };
    SgdOptimizer::Config c;
    c.learningRate = 0.0;
    BOOST_TEST(message(c).find("learningRate = 0") != std::string::npos);
    c = {};
    c.learningRate = std::nan("");
    BOOST_TEST(message(c).find("learningRate") != std::string::npos);
    c = {};
    c.momentum = 1.0;
    BOOST_TEST(message(c).find("momentum = 1.000000: must be in [0, 1)") != std::string::npos);
    c = {};
    c.weightDecay = -1.0;
    BOOST_TEST(message(c).find("weightDecay") != std::string::npos);
    c = {};
    c.schedule = SgdOptimizer::Schedule::STEP;
    c.stepSize = 0;
    BOOST_TEST(message(c).find("stepSize = 0") != std::string::npos);
    c = {};
    BOOST_TEST(message(c).empty());
    try
    {
        SgdOptimizer::ParseSchedule("cosine");
        BOOST_ERROR("no exception");
    }
    catch (const std::invalid_argument& e)
    {
        BOOST_TEST(std::string(e.what()).find("'cosine' is unknown; allowed: constant, step, "
                                              "inverse-time") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
