// SPDX-License-Identifier: GPL-2.0-only
//
// RunDiagnosis: the outcome counts, the cause it names for each kind of silent failure
// (stations not associated, nothing reached the workers, every task cancelled, results late,
// results lost, too few results), none when every iteration decoded or training diverged, and
// the divergence message.

#include "ns3/run-diagnosis.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

using namespace ns3::coded;

namespace
{

/// 10 iterations of 10 workers on a wired network, every one at its deadline, nothing sent.
RunFacts
Silent()
{
    RunFacts f;
    f.iterationsAsked = 10;
    f.outcomes["deadline"] = 10;
    f.deadline = 0.5;
    f.workers = 10;
    f.connected = 10;
    f.tasksDispatched = 100;
    return f;
}

/// \return the one cause of f (fails the test if there is not exactly one)
std::string
OneCause(const RunFacts& f)
{
    const std::vector<std::string> causes = RunDiagnosis::Causes(f);
    BOOST_REQUIRE_EQUAL(causes.size(), 1u);
    return causes[0];
}

/// \return whether text contains part
bool
Has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(apps)

BOOST_AUTO_TEST_CASE(run_diagnosis_outcome_counts_in_fixed_order)
{
    RunFacts f;
    f.outcomes["deadline"] = 3;
    f.outcomes["decoded"] = 6;
    f.outcomes["diverged"] = 1;
    BOOST_TEST(RunDiagnosis::OutcomeCounts(f) == "6 decoded, 3 deadline, 1 diverged");
    BOOST_TEST(RunDiagnosis::Iterations(f) == 10u);
    BOOST_TEST(RunDiagnosis::Decoded(f) == 6u);
    f.outcomes["other"] = 2;
    BOOST_TEST(RunDiagnosis::OutcomeCounts(f) == "6 decoded, 3 deadline, 1 diverged, 2 other");
    BOOST_TEST(RunDiagnosis::OutcomeCounts(RunFacts()) == "0 decoded, 0 deadline, 0 diverged");
}

BOOST_AUTO_TEST_CASE(run_diagnosis_no_cause_when_decoded_or_diverged)
{
    RunFacts f = Silent();
    f.outcomes.clear();
    f.outcomes["decoded"] = 10;
    BOOST_TEST(RunDiagnosis::Causes(f).empty());
    f.outcomes["decoded"] = 4;
    f.outcomes["diverged"] = 1; // training ended there: Divergence() says why
    BOOST_TEST(RunDiagnosis::Causes(f).empty());
}

BOOST_AUTO_TEST_CASE(run_diagnosis_no_station_associated)
{
    RunFacts f = Silent();
    f.wireless = true;
    f.connected = 0;
    const std::string cause = OneCause(f);
    BOOST_TEST(Has(cause, "no Wi-Fi station is associated"));
    BOOST_TEST(Has(cause, "--distance"));
    f.connected = 7;
    const std::vector<std::string> causes = RunDiagnosis::Causes(f);
    BOOST_REQUIRE_EQUAL(causes.size(), 2u);
    BOOST_TEST(Has(causes[0], "only 7 of 10 Wi-Fi stations are associated"));
    BOOST_TEST(Has(causes[1], "no worker finished or cancelled a task"));
}

BOOST_AUTO_TEST_CASE(run_diagnosis_nothing_reached_the_workers)
{
    RunFacts f = Silent();
    f.lossRate = 1;
    const std::string cause = OneCause(f);
    BOOST_TEST(Has(cause, "did not reach the workers before the iteration deadline (0.5 s)"));
    BOOST_TEST(Has(cause, "lost on the downlink at packet loss rate 1,"));
    f.lossRate = 0;
    BOOST_TEST(!Has(OneCause(f), "packet loss rate"));
}

BOOST_AUTO_TEST_CASE(run_diagnosis_every_task_cancelled)
{
    RunFacts f = Silent();
    f.tasksCancelled = 100;
    const std::string cause = OneCause(f);
    BOOST_TEST(Has(cause, "the 100 tasks started were cancelled"));
    BOOST_TEST(Has(cause, "deadline (0.5 s) is shorter than a model transfer plus the compute"));
}

BOOST_AUTO_TEST_CASE(run_diagnosis_results_late_or_lost)
{
    RunFacts f = Silent();
    f.resultsSent = 90;
    f.lateResults = 90;
    BOOST_TEST(Has(OneCause(f), "the workers sent 90 results, 90 arrived after their iteration"));
    f.lateResults = 0;
    f.lossRate = 0.9;
    const std::string lost = OneCause(f);
    BOOST_TEST(Has(lost, "the workers sent 90 results and none arrived: lost on the uplink"));
    BOOST_TEST(Has(lost, "lost on the uplink at packet loss rate 0.9"));
}

BOOST_AUTO_TEST_CASE(run_diagnosis_too_few_results)
{
    RunFacts f = Silent();
    f.outcomes["deadline"] = 4;
    f.outcomes["decoded"] = 6;
    f.resultsSent = 90;
    f.resultsReceived = 70;
    f.lateResults = 5;
    const std::string cause = OneCause(f);
    BOOST_TEST(Has(cause, "70 of 100 tasks' results arrived in time, but in 4 iterations"));
    BOOST_TEST(Has(cause, "5 results arrived after their iteration had ended"));
}

BOOST_AUTO_TEST_CASE(run_diagnosis_divergence_message)
{
    const std::string m = RunDiagnosis::Divergence(7, "the decoded gradient", 1e300);
    BOOST_TEST(Has(m, "training diverged in iteration 7: the decoded gradient is not finite"));
    BOOST_TEST(Has(m, "--learningRate=1e+300"));
    BOOST_TEST(Has(m, "complete up to iteration 7"));
}

BOOST_AUTO_TEST_SUITE_END()
