// SPDX-License-Identifier: GPL-2.0-only
//
// LyapunovAdmissionController: the per-slot rules on hand-computed examples, scheduling modes,
// metrics and Jain's index, and parameter validation.

#include "ns3/lyapunov-admission-controller.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3::coded;
using Controller = LyapunovAdmissionController;

namespace
{

/// \return true if fn throws std::invalid_argument whose message contains every word
template <typename F>
bool
ThrowsMentioning(F fn, const std::vector<std::string>& words)
{
    try
    {
        fn();
    }
    catch (const std::invalid_argument& e)
    {
        const std::string what = e.what();
        for (const auto& w : words)
        {
            if (what.find(w) == std::string::npos)
            {
                return false;
            }
        }
        return true;
    }
    return false;
}

/// A two-queue configuration with log(1 + x), V = 10, A_max = 4.
Controller::Config
TwoQueues()
{
    Controller::Config c;
    c.numQueues = 2;
    c.v = 10.0;
    c.maxArrival = 4.0;
    return c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(admission)

BOOST_AUTO_TEST_CASE(controller_aux_slot_by_hand)
{
    Controller ctl(TwoQueues());
    // Slot 0: Q = Z = 0. gamma = A_max (Z = 0); both admit (Q - theta = 0 <= Z = 0);
    // nobody is served (weights (Q - theta) c = 0 are not positive).
    auto out = ctl.Step({3.0, 1.0}, {2.0, 5.0});
    BOOST_TEST(out.auxiliary == std::vector<double>({4.0, 4.0}));
    BOOST_TEST(out.admitted == std::vector<double>({3.0, 1.0}));
    BOOST_TEST(out.scheduled == std::vector<double>({0.0, 0.0}));
    BOOST_TEST(ctl.Backlogs() == std::vector<double>({3.0, 1.0}));
    // Z = max(0 - a + 4, 0) = (1, 3).
    BOOST_TEST(ctl.VirtualBacklogs() == std::vector<double>({1.0, 3.0}));

    // Slot 1: weights 3 * 2 = 6 vs 1 * 5 = 5: queue 0 served with 2 (TDMA).
    // gamma = min(4, 10/Z - 1) = (4, 7/3). Admission: Q - theta <= Z? 3 > 1 no; 1 <= 3 yes.
    out = ctl.Step({2.0, 2.0}, {2.0, 5.0});
    BOOST_TEST(out.scheduled == std::vector<double>({2.0, 0.0}));
    BOOST_TEST(out.delivered == std::vector<double>({2.0, 0.0}));
    BOOST_TEST(out.admitted == std::vector<double>({0.0, 2.0}));
    BOOST_TEST(std::abs(out.auxiliary[1] - 7.0 / 3.0) < 1e-12);
    BOOST_TEST(ctl.Backlog(0) == 1.0);
    BOOST_TEST(ctl.Backlog(1) == 3.0);
    BOOST_TEST(ctl.VirtualBacklog(0) == 5.0); // 1 - 0 + 4
    BOOST_TEST(std::abs(ctl.VirtualBacklog(1) - (3.0 - 2.0 + 7.0 / 3.0)) < 1e-12);

    // Slot 2: weights 1 * 2 = 2 vs 3 * 5 = 15: queue 1 gets 5 but holds 3: 2 wasted.
    out = ctl.Step({0.0, 0.0}, {2.0, 5.0});
    BOOST_TEST(out.scheduled == std::vector<double>({0.0, 5.0}));
    BOOST_TEST(out.delivered == std::vector<double>({0.0, 3.0}));
    BOOST_TEST(out.wasted == std::vector<double>({0.0, 2.0}));
    BOOST_TEST(ctl.Backlog(1) == 0.0);
    BOOST_TEST(ctl.Metrics().Slots() == 3u);
    BOOST_TEST(ctl.Metrics().Largest(AdmissionMetrics::Amount::WASTED) == 2.0);
    BOOST_TEST(std::abs(ctl.Metrics().Throughput() - 5.0 / 3.0) < 1e-12);
    BOOST_TEST(std::abs(ctl.Metrics().Average(AdmissionMetrics::Amount::ADMITTED, 1) - 1.0) <
               1e-12);
}

BOOST_AUTO_TEST_CASE(controller_direct_and_perturbation_by_hand)
{
    Controller::Config c = TwoQueues();
    c.variant = Controller::DIRECT;
    c.perturbation = {5.0, 0.0};
    Controller ctl(c);
    // Direct, log(1 + a): a = A if Q <= theta else min(A, max(0, V/(Q - theta) - 1)).
    BOOST_TEST(ctl.AdmissionLimit(0, 3.0, 0.0, 2.5) == 2.5);                   // below theta
    BOOST_TEST(ctl.AdmissionLimit(0, 7.0, 0.0, 10.0) == 4.0);                  // 10/2 - 1
    BOOST_TEST(ctl.AdmissionLimit(0, 15.0, 0.0, 10.0) == 0.0);                 // 10/10 - 1
    BOOST_TEST(std::abs(ctl.AdmissionLimit(1, 4.0, 0.0, 10.0) - 1.5) < 1e-12); // 10/4 - 1
    BOOST_TEST(ctl.DirectBudget(0, 3.0) == 4.0);                               // A_max
    // The direct variant has no virtual queues.
    ctl.Step({4.0, 4.0}, {1.0, 1.0});
    BOOST_TEST(ctl.VirtualBacklogs() == std::vector<double>({0.0, 0.0}));
    // Only queues above their perturbation are served: Q = (4, 4), theta = (5, 0).
    const auto b = ctl.Schedule({4.0, 4.0}, {10.0, 1.0});
    BOOST_TEST(b == std::vector<double>({0.0, 1.0}));
    BOOST_TEST(ctl.ScheduleWeight(0, 4.0, 10.0) == -10.0);
    // Bounds of property 19: nu = 1 (log(1 + x)).
    BOOST_TEST(ctl.BacklogBound(0) == 5.0 + 10.0 + 4.0);
    BOOST_TEST(ctl.VirtualBacklogBound(0) == 10.0 + 4.0);
    Controller::Config aux = c;
    aux.variant = Controller::AUX;
    BOOST_TEST(Controller(aux).BacklogBound(0) == 5.0 + 10.0 + 8.0);
}

BOOST_AUTO_TEST_CASE(controller_split_scheduling_serves_several_queues)
{
    Controller::Config c;
    c.numQueues = 3;
    c.maxArrival = 1.0;
    c.resourceBlocks = 2;
    c.scheduling = Controller::SPLIT;
    Controller ctl(c);
    // Q = (2, 2, 1); block 0 rates (3, 1, 1), block 1 rates (1, 1, 4).
    // Block 0: weights 6, 2, 1 -> queue 0. Block 1: 2, 2, 4 -> queue 2.
    auto b = ctl.Schedule({2.0, 2.0, 1.0}, {3.0, 1.0, 1.0, 1.0, 1.0, 4.0});
    BOOST_TEST(b == std::vector<double>({3.0, 0.0, 4.0}));
    // Ties split the block: both blocks have equal weights for queues 0 and 1.
    b = ctl.Schedule({2.0, 2.0, 0.0}, {1.0, 2.0, 1.0, 2.0, 1.0, 1.0});
    BOOST_TEST(b == std::vector<double>({1.5, 1.5, 0.0}));
    // TDMA on the same input gives everything to one queue (sum of its blocks).
    c.scheduling = Controller::TDMA;
    Controller tdma(c);
    b = tdma.Schedule({2.0, 2.0, 1.0}, {3.0, 1.0, 1.0, 1.0, 1.0, 4.0});
    BOOST_TEST(b == std::vector<double>({4.0, 0.0, 0.0})); // weights 2*4, 2*2, 1*5
}

BOOST_AUTO_TEST_CASE(controller_work_conserving_fallback)
{
    Controller::Config c = TwoQueues();
    c.perturbation = {5.0, 5.0};
    Controller strict(c);
    // Both queues at or below theta: the perturbed controller leaves the slot idle.
    BOOST_TEST(strict.Schedule({2.0, 3.0}, {4.0, 1.0}) == std::vector<double>({0.0, 0.0}));
    c.workConserving = true;
    Controller conserving(c);
    // Fallback: the largest (Q - theta) c among non-empty queues: -12 vs -2 -> queue 1.
    BOOST_TEST(conserving.Schedule({2.0, 3.0}, {4.0, 1.0}) == std::vector<double>({0.0, 1.0}));
    // An empty queue or one without capacity is never the fallback.
    BOOST_TEST(conserving.Schedule({2.0, 0.0}, {4.0, 1.0}) == std::vector<double>({4.0, 0.0}));
    BOOST_TEST(conserving.Schedule({0.0, 3.0}, {4.0, 0.0}) == std::vector<double>({0.0, 0.0}));
    // A queue above theta still wins over the fallback.
    BOOST_TEST(conserving.Schedule({6.0, 3.0}, {1.0, 9.0}) == std::vector<double>({1.0, 0.0}));
    // Split mode, per block: block 0 -> queue 0 (weight 1 > 0); in block 1 no weight is
    // positive and queue 0 has no capacity, so the fallback is queue 1.
    c.scheduling = Controller::SPLIT;
    c.resourceBlocks = 2;
    Controller split(c);
    BOOST_TEST(split.Schedule({6.0, 3.0}, {1.0, 0.0, 1.0, 2.0}) == std::vector<double>({1.0, 2.0}));
    // Draining a finite upload below theta: everything is delivered, waste is counted.
    Controller::Config d = TwoQueues();
    d.perturbation = {5.0, 5.0};
    d.workConserving = true;
    Controller drain(d);
    drain.Step({3.0, 0.0}, {2.0, 2.0}); // admitted, not yet served
    drain.Step({0.0, 0.0}, {2.0, 2.0}); // 2 of 3 sent
    drain.Step({0.0, 0.0}, {2.0, 2.0}); // the last 1 sent, 1 wasted
    BOOST_TEST(drain.Backlog(0) == 0.0);
    BOOST_TEST(drain.Metrics().Largest(AdmissionMetrics::Amount::WASTED) == 1.0);
    drain.Step({0.0, 0.0}, {2.0, 2.0}); // nothing left: idle, no waste
    BOOST_TEST(drain.Metrics().TotalWasted() * 4 == 1.0);
}

BOOST_AUTO_TEST_CASE(controller_weights_change_the_split)
{
    // A weight w_i multiplies the utility: gamma = argmax V w g(x) - Z x.
    Controller::Config c = TwoQueues();
    c.weights = {1.0, 3.0};
    Controller ctl(c);
    BOOST_TEST(ctl.AuxiliaryTarget(0, 5.0) == 1.0);  // 10/5 - 1
    BOOST_TEST(ctl.AuxiliaryTarget(1, 10.0) == 2.0); // 30/10 - 1
    BOOST_TEST(ctl.SlopeBound(1) == 3.0);
    ctl.SetUtilityWeight(0, 2.0);
    BOOST_TEST(ctl.AuxiliaryTarget(0, 5.0) == 3.0);
    BOOST_TEST(std::abs(ctl.TotalUtility({1.0, 0.0}) - 2.0 * std::log(2.0)) < 1e-15);
}

BOOST_AUTO_TEST_CASE(controller_flush_and_reset_metrics)
{
    Controller ctl(TwoQueues());
    ctl.Step({4.0, 4.0}, {0.0, 0.0});
    BOOST_TEST(ctl.Flush(0) == 4.0);
    BOOST_TEST(ctl.Backlog(0) == 0.0);
    BOOST_TEST(ctl.Backlog(1) == 4.0);
    BOOST_TEST(ctl.Metrics().Slots() == 1u);
    ctl.ResetMetrics();
    BOOST_TEST(ctl.Metrics().Slots() == 0u);
    BOOST_TEST(ctl.Metrics().AverageTotalBacklog() == 0.0);
    BOOST_TEST(ctl.Backlog(1) == 4.0); // the queues survive ResetMetrics()
}

BOOST_AUTO_TEST_CASE(jain_index_basics)
{
    BOOST_TEST(AdmissionMetrics::JainIndex({1.0, 1.0, 1.0, 1.0}) == 1.0);
    BOOST_TEST(AdmissionMetrics::JainIndex({0.0, 0.0, 5.0, 0.0}) == 0.25);
    BOOST_TEST(AdmissionMetrics::JainIndex({0.0, 0.0}) == 1.0);
    BOOST_TEST(std::abs(AdmissionMetrics::JainIndex({1.0, 3.0}) - 16.0 / 20.0) < 1e-15);
    // Scale invariant.
    BOOST_TEST(std::abs(AdmissionMetrics::JainIndex({2.0, 6.0}) - 0.8) < 1e-15);
    BOOST_TEST(ThrowsMentioning([] { AdmissionMetrics::JainIndex({}); }, {"no values"}));
    BOOST_TEST(ThrowsMentioning([] { AdmissionMetrics::JainIndex({1.0, -1.0}); }, {"-1"}));
}

BOOST_AUTO_TEST_CASE(metrics_amounts_by_hand)
{
    // Two queues, two slots: every amount gets its own values so that a mix-up shows.
    using Amount = AdmissionMetrics::Amount;
    AdmissionMetrics m(2);
    AdmissionSlotOutcome s;
    s.arrivals = {1.0, 2.0};
    s.admitted = {3.0, 4.0};
    s.scheduled = {5.0, 6.0};
    s.delivered = {0.0, 8.0};
    s.wasted = {9.0, 10.0};
    s.backlog = {11.0, 12.0};
    s.virtualBacklog = {13.0, 14.0};
    s.slotUtility = 0.5;
    m.Record(s);
    for (auto* v : {&s.arrivals,
                    &s.admitted,
                    &s.scheduled,
                    &s.delivered,
                    &s.wasted,
                    &s.backlog,
                    &s.virtualBacklog})
    {
        (*v)[1] += 100.0; // second slot: queue 1 gets 100 more of everything
    }
    s.slotUtility = 1.5;
    m.Record(s);
    BOOST_TEST(m.Slots() == 2u);
    const std::vector<Amount> amounts = {Amount::ARRIVALS,
                                         Amount::ADMITTED,
                                         Amount::SCHEDULED,
                                         Amount::DELIVERED,
                                         Amount::WASTED,
                                         Amount::BACKLOG,
                                         Amount::VIRTUAL_BACKLOG};
    for (std::size_t a = 0; a < amounts.size(); ++a)
    {
        const double q0 = 2.0 * a + 1.0 - (amounts[a] == Amount::DELIVERED ? 7.0 : 0.0);
        const double q1 = 2.0 * a + 2.0;
        BOOST_TEST_INFO("amount " << a);
        BOOST_TEST(m.Average(amounts[a], 0) == q0);
        BOOST_TEST(m.Average(amounts[a], 1) == q1 + 50.0);
        BOOST_TEST(m.Averages(amounts[a]) == std::vector<double>({q0, q1 + 50.0}),
                   boost::test_tools::per_element());
        BOOST_TEST(m.AverageTotal(amounts[a]) == q0 + q1 + 50.0);
        BOOST_TEST(m.Largest(amounts[a], 0) == q0);
        BOOST_TEST(m.Largest(amounts[a], 1) == q1 + 100.0);
        BOOST_TEST(m.Largest(amounts[a]) == q1 + 100.0);
        BOOST_TEST(m.Jain(amounts[a]) == AdmissionMetrics::JainIndex({q0, q1 + 50.0}));
    }
    BOOST_TEST(m.ServedSlots(0) == 0u);
    BOOST_TEST(m.ServedSlots(1) == 2u);
    BOOST_TEST(m.AverageSlotUtility() == 1.0);
    BOOST_TEST(m.Throughput() == m.AverageTotal(Amount::DELIVERED));
    BOOST_TEST(m.TotalWasted() == m.AverageTotal(Amount::WASTED));
    BOOST_TEST(m.AverageTotalBacklog() == m.AverageTotal(Amount::BACKLOG));
    BOOST_TEST(m.AverageTotalVirtualBacklog() == m.AverageTotal(Amount::VIRTUAL_BACKLOG));
    BOOST_TEST(m.JainAdmitted() == m.Jain(Amount::ADMITTED));
    BOOST_TEST(m.JainDelivered() == m.Jain(Amount::DELIVERED));
    BOOST_CHECK_THROW(m.Largest(Amount::BACKLOG, 2), std::out_of_range);
    s.wasted = {1.0};
    BOOST_TEST(
        ThrowsMentioning([&] { m.Record(s); }, {"a slot outcome has 1 entries, expected 2"}));
    m.Reset();
    BOOST_TEST(m.Slots() == 0u);
    BOOST_TEST(m.Average(Amount::BACKLOG, 1) == 0.0);
    BOOST_TEST(m.Largest(Amount::BACKLOG) == 0.0);
}

BOOST_AUTO_TEST_CASE(controller_rejects_bad_parameters)
{
    auto build = [](auto edit) {
        Controller::Config c = TwoQueues();
        edit(c);
        return [c] { Controller ctl(c); };
    };
    BOOST_TEST(ThrowsMentioning(build([](Controller::Config& c) { c.numQueues = 0; }),
                                {"numQueues", "0", "[1, inf)"}));
    BOOST_TEST(ThrowsMentioning(build([](Controller::Config& c) { c.v = -1.0; }),
                                {"v", "-1", "(0, inf)"}));
    BOOST_TEST(ThrowsMentioning(build([](Controller::Config& c) { c.v = INFINITY; }), {"v"}));
    BOOST_TEST(ThrowsMentioning(build([](Controller::Config& c) { c.maxArrival = 0.0; }),
                                {"maxArrival", "(0, inf)"}));
    BOOST_TEST(ThrowsMentioning(build([](Controller::Config& c) { c.weights = {1.0}; }),
                                {"weights", "1 entries", "expected 2"}));
    BOOST_TEST(ThrowsMentioning(build([](Controller::Config& c) {
                                    c.weights = {1.0, 0.0};
                                }),
                                {"weights[1]", "(0, inf)"}));
    BOOST_TEST(ThrowsMentioning(build([](Controller::Config& c) {
                                    c.perturbation = {-2, 0};
                                }),
                                {"perturbation[0]", "-2", "[0, inf)"}));
    BOOST_TEST(ThrowsMentioning(build([](Controller::Config& c) { c.resourceBlocks = 0; }),
                                {"resourceBlocks"}));

    Controller ctl(TwoQueues());
    BOOST_TEST(ThrowsMentioning([&] { ctl.Step({1.0}, {1.0, 1.0}); }, {"arrivals", "expected 2"}));
    BOOST_TEST(ThrowsMentioning(
        [&] {
            ctl.Step({5.0, 0.0}, {1.0, 1.0});
        },
        {"arrivals[0]", "5", "maxArrival"}));
    BOOST_TEST(ThrowsMentioning([&] { ctl.Step({1.0, 1.0}, {1.0, -1.0}); }, {"capacity[1]", "-1"}));
    BOOST_TEST(ThrowsMentioning([&] { ctl.Step({1.0, 1.0}, {1.0}); }, {"capacity"}));
    BOOST_TEST(ThrowsMentioning([&] { ctl.SetPerturbation(0, -1.0); }, {"perturbation[0]"}));
    BOOST_CHECK_THROW(ctl.Backlog(2), std::out_of_range);
    BOOST_CHECK_THROW(ctl.Metrics().Average(AdmissionMetrics::Amount::ADMITTED, 7),
                      std::out_of_range);
    // A failed step leaves the state untouched.
    BOOST_TEST(ctl.Metrics().Slots() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
