// SPDX-License-Identifier: GPL-2.0-only
//
// UplinkGrantLedger (the measured uplink's book of chunks) and
// LyapunovAdmissionController::StepMeasured: grants never exceed the budget, only admitted
// data is granted, arrivals are what the backlog loses, an expired chunk is granted again,
// the goodput estimate, and parameter validation.

#include "ns3/lyapunov-admission-controller.h"
#include "ns3/uplink-grant-ledger.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>

using namespace ns3::coded;

namespace
{

/// \return a ledger of two workers with a 1 s timeout
UplinkGrantLedger
MakeLedger()
{
    UplinkGrantLedger::Config c;
    c.numWorkers = 2;
    c.initialRate = 1e6;
    c.minRate = 1e4;
    c.rateGain = 0.5;
    c.timeout = 1.0;
    return UplinkGrantLedger(c);
}

/// \return the chunks of the grants, in order
std::vector<uint32_t>
AllChunks(const std::vector<ChunkGrant>& grants)
{
    std::vector<uint32_t> out;
    for (const ChunkGrant& g : grants)
    {
        out.insert(out.end(), g.fresh.begin(), g.fresh.end());
        out.insert(out.end(), g.again.begin(), g.again.end());
    }
    return out;
}

/// \return total bytes of the grants
uint64_t
Bytes(const std::vector<ChunkGrant>& grants)
{
    uint64_t b = 0;
    for (const ChunkGrant& g : grants)
    {
        b += g.bytes;
    }
    return b;
}

} // namespace

BOOST_AUTO_TEST_SUITE(admission)

BOOST_AUTO_TEST_CASE(ledger_grants_admitted_chunks_within_the_budget)
{
    UplinkGrantLedger l = MakeLedger();
    const UploadId id{3, 1, 1};
    l.AddUpload(0, id, {1000, 1000, 1000, 500});
    BOOST_TEST(l.Outstanding(0) == 3500u);
    // Nothing admitted: nothing granted, whatever the budget.
    BOOST_TEST(l.Grant(0, 1e9, 0.0).empty());
    l.Admit(0, 2500.0); // chunks 0 and 1 complete, chunk 2 half admitted
    BOOST_TEST(l.Grantable(0) == 2000u);
    // Budget 1500: only chunk 0 fits (never more bytes than the budget); 500 B are kept.
    std::vector<ChunkGrant> g = l.Grant(0, 1500.0, 0.0);
    BOOST_TEST(Bytes(g) == 1000u);
    BOOST_TEST(AllChunks(g) == std::vector<uint32_t>({0}));
    BOOST_TEST(l.Credit(0) == 500.0);
    BOOST_TEST((g.front().upload == id));
    // Budget 5000: chunk 1 only, chunk 2 is not fully admitted.
    g = l.Grant(0, 5000.0, 0.1);
    BOOST_TEST(AllChunks(g) == std::vector<uint32_t>({1}));
    BOOST_TEST(l.Credit(0) == 0.0); // stopped by admission, not by size: no credit
    BOOST_TEST(l.InFlight(0) == 2000u);
    l.Admit(0, 1e9); // capped at the stream
    g = l.Grant(0, 1400.0, 0.2);
    BOOST_TEST(AllChunks(g) == std::vector<uint32_t>({2})); // 2 fits, then 3 would not
    g = l.Grant(0, 500.0, 0.3);
    BOOST_TEST(AllChunks(g) == std::vector<uint32_t>({3}));
    BOOST_TEST(l.Grant(0, 1e9, 0.4).empty());
    BOOST_TEST(l.GetCounters().grantedBytes == 3500u);
    // The other worker is untouched.
    BOOST_TEST(l.Outstanding(1) == 0u);
}

BOOST_AUTO_TEST_CASE(ledger_budgets_smaller_than_a_chunk_add_up)
{
    UplinkGrantLedger l = MakeLedger();
    const UploadId id{0, 0, 1};
    l.AddUpload(0, id, {1000, 1000, 1000});
    l.Admit(0, 3000.0);
    double budgets = 0.0;
    uint64_t granted = 0;
    std::vector<uint32_t> order;
    for (int slot = 0; slot < 10; ++slot)
    {
        const std::vector<ChunkGrant> g = l.Grant(0, 400.0, slot * 0.001);
        budgets += 400.0;
        granted += Bytes(g);
        // Per call: at most the budget plus a credit smaller than one chunk.
        BOOST_TEST(Bytes(g) <= 400u + 999u);
        // Over the run: never more than the budgets given.
        BOOST_TEST(static_cast<double>(granted) <= budgets);
        for (uint32_t c : AllChunks(g))
        {
            order.push_back(c);
        }
    }
    BOOST_TEST(order == std::vector<uint32_t>({0, 1, 2})); // 4000 B of budget: all three
    BOOST_TEST(l.Credit(0) == 0.0);                        // nothing left to grant
}

BOOST_AUTO_TEST_CASE(ledger_arrivals_are_what_the_backlog_loses)
{
    UplinkGrantLedger l = MakeLedger();
    const UploadId a{0, 0, 1};
    const UploadId b{0, 4, 2};
    l.AddUpload(1, a, {800, 800});
    l.AddUpload(1, b, {600});
    l.Admit(1, 2200.0);
    const std::vector<ChunkGrant> g = l.Grant(1, 1e6, 0.0);
    BOOST_TEST(g.size() == 2u); // one entry per upload
    BOOST_TEST(Bytes(g) == 2200u);
    BOOST_TEST(l.OnChunkArrived(1, a, 1, 0.01) == 800u);
    BOOST_TEST(l.OnChunkArrived(1, a, 1, 0.02) == 0u);                 // duplicate
    BOOST_TEST(l.OnChunkArrived(1, UploadId{9, 9, 9}, 0, 0.02) == 0u); // unknown
    BOOST_TEST(l.OnChunkArrived(1, a, 7, 0.02) == 0u);                 // no such chunk
    BOOST_TEST(l.Outstanding(1) == 1400u);
    BOOST_TEST(l.OnChunkArrived(1, b, 0, 0.03) == 600u);
    BOOST_TEST(l.OnChunkArrived(1, a, 0, 0.04) == 800u);
    BOOST_TEST(l.Outstanding(1) == 0u);
    BOOST_TEST(l.InFlight(1) == 0u);
    BOOST_TEST(l.GetCounters().arrivedBytes == 2200u);
    BOOST_TEST(l.GetCounters().duplicateChunks == 3u);
}

BOOST_AUTO_TEST_CASE(ledger_an_expired_chunk_is_granted_again)
{
    UplinkGrantLedger l = MakeLedger();
    const UploadId id{5, 2, 1};
    l.AddUpload(0, id, {1000, 1000, 1000});
    l.Admit(0, 3000.0);
    std::vector<ChunkGrant> g = l.Grant(0, 3000.0, 0.0);
    BOOST_TEST(AllChunks(g) == std::vector<uint32_t>({0, 1, 2}));
    l.OnChunkArrived(0, id, 0, 0.1);
    l.OnChunkArrived(0, id, 2, 0.2);
    // Before the timeout nothing is pending.
    BOOST_TEST(l.ExpireGrants(0.5) == 0u);
    BOOST_TEST(l.Grant(0, 3000.0, 0.5).empty());
    // Chunk 1 was lost: after the timeout it is pending again and granted again.
    BOOST_TEST(l.ExpireGrants(1.0) == 1000u);
    BOOST_TEST(l.InFlight(0) == 0u);
    BOOST_TEST(l.Outstanding(0) == 1000u);
    g = l.Grant(0, 3000.0, 1.0);
    BOOST_REQUIRE(g.size() == 1u);
    BOOST_TEST(g.front().fresh.empty());
    BOOST_TEST(g.front().again == std::vector<uint32_t>({1}));
    BOOST_TEST(l.GetCounters().regrantedChunks == 1u);
    BOOST_TEST(l.OnChunkArrived(0, id, 1, 1.1) == 1000u);
    BOOST_TEST(l.Outstanding(0) == 0u);
    // A late copy of the first transmission is a duplicate now.
    BOOST_TEST(l.OnChunkArrived(0, id, 1, 1.2) == 0u);
}

BOOST_AUTO_TEST_CASE(ledger_a_late_chunk_after_expiry_still_counts_once)
{
    UplinkGrantLedger l = MakeLedger();
    const UploadId id{1, 0, 1};
    l.AddUpload(0, id, {1000, 1000});
    l.Admit(0, 2000.0);
    l.Grant(0, 2000.0, 0.0);
    BOOST_TEST(l.ExpireGrants(2.0) == 2000u);
    BOOST_TEST(l.OnChunkArrived(0, id, 0, 2.1) == 1000u); // late, not granted again yet
    const std::vector<ChunkGrant> g = l.Grant(0, 2000.0, 2.2);
    BOOST_TEST(AllChunks(g) == std::vector<uint32_t>({1}));
}

BOOST_AUTO_TEST_CASE(ledger_goodput_estimate)
{
    UplinkGrantLedger l = MakeLedger(); // initial 1e6 B/s, gain 0.5
    const UploadId id{0, 0, 1};
    l.AddUpload(0, id, {1000, 1000, 1000});
    l.Admit(0, 3000.0);
    l.Grant(0, 3000.0, 0.0);
    // First arrival after the grant latency, then 2000 B in 0.001 s: 2e6 B/s.
    l.OnChunkArrived(0, id, 0, 0.010);
    l.OnChunkArrived(0, id, 1, 0.0105);
    BOOST_TEST(l.Rate(0) == 1e6); // not finished: no sample yet
    l.OnChunkArrived(0, id, 2, 0.011);
    BOOST_TEST(std::abs(l.Rate(0) - 1.5e6) < 1e-3);
    BOOST_TEST(l.GetCounters().rateSamples == 1u);
    // A grant of which nothing arrives pulls the estimate down to the floor at most.
    const UploadId id2{0, 1, 1};
    l.AddUpload(0, id2, {1000, 1000});
    l.Admit(0, 2000.0);
    l.Grant(0, 2000.0, 1.0);
    l.ExpireGrants(3.0);
    BOOST_TEST(std::abs(l.Rate(0) - 1.5e6) < 1e-3); // fewer than two arrivals: no sample
    // A one-chunk grant gives no sample either.
    const UploadId id3{0, 2, 1};
    l.AddUpload(0, id3, {1000});
    l.Admit(0, 1000.0);
    l.Grant(0, 1e6, 3.0);
    l.OnChunkArrived(0, id3, 0, 3.5);
    BOOST_TEST(l.GetCounters().rateSamples == 1u);
}

BOOST_AUTO_TEST_CASE(ledger_flush_forgets_uploads_but_keeps_the_rate)
{
    UplinkGrantLedger l = MakeLedger();
    const UploadId id{0, 0, 1};
    l.AddUpload(0, id, {1000, 1000, 1000});
    l.Admit(0, 3000.0);
    l.Grant(0, 3000.0, 0.0);
    l.OnChunkArrived(0, id, 0, 0.01);
    l.OnChunkArrived(0, id, 1, 0.02);
    l.OnChunkArrived(0, id, 2, 0.03);
    const double rate = l.Rate(0);
    l.AddUpload(0, UploadId{1, 0, 1}, {1000});
    l.Flush(0);
    BOOST_TEST(l.Outstanding(0) == 0u);
    BOOST_TEST(l.Rate(0) == rate);
    BOOST_TEST(l.OnChunkArrived(0, UploadId{1, 0, 1}, 0, 0.1) == 0u);
    l.AddUpload(0, UploadId{1, 0, 1}, {700}); // the stream starts again at 0
    l.Admit(0, 700.0);
    BOOST_TEST(Bytes(l.Grant(0, 700.0, 0.2)) == 700u);
}

BOOST_AUTO_TEST_CASE(ledger_validation)
{
    UplinkGrantLedger::Config c;
    c.rateGain = 0.0;
    BOOST_CHECK_THROW(UplinkGrantLedger{c}, std::invalid_argument);
    c = UplinkGrantLedger::Config();
    c.minRate = 2.0 * c.initialRate;
    BOOST_CHECK_THROW(UplinkGrantLedger{c}, std::invalid_argument);
    c = UplinkGrantLedger::Config();
    c.timeout = 0.0;
    BOOST_CHECK_THROW(UplinkGrantLedger{c}, std::invalid_argument);
    UplinkGrantLedger l = MakeLedger();
    BOOST_CHECK_THROW(l.AddUpload(2, UploadId{}, {1}), std::out_of_range);
    BOOST_CHECK_THROW(l.AddUpload(0, UploadId{}, {}), std::invalid_argument);
    l.AddUpload(0, UploadId{}, {1});
    BOOST_CHECK_THROW(l.AddUpload(0, UploadId{}, {1}), std::invalid_argument);
    BOOST_CHECK_THROW(l.Admit(0, -1.0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(step_measured_backlog_falls_by_arrivals)
{
    LyapunovAdmissionController::Config c;
    c.numQueues = 2;
    c.v = 10.0;
    c.maxArrival = 5.0;
    c.variant = LyapunovAdmissionController::DIRECT;
    LyapunovAdmissionController ctl(c);
    // Slot 1: both admit their offer (empty queues), nothing arrived.
    const AdmissionSlotOutcome& o1 =
        ctl.StepMeasured({4.0, 2.0}, {3.0, 3.0}, {0.0, 0.0}, {0.0, 0.0});
    const double q0 = o1.backlog[0];
    const double q1 = o1.backlog[1];
    BOOST_TEST(q0 > 0.0);
    BOOST_TEST(q1 > 0.0);
    // Slot 2: service is scheduled on Q, but Q falls only by what arrived (1.5 and 0).
    const AdmissionSlotOutcome& o2 =
        ctl.StepMeasured({0.0, 0.0}, {3.0, 3.0}, {1.5, 0.0}, {0.0, 0.0});
    BOOST_TEST(o2.delivered[0] == 1.5);
    BOOST_TEST(o2.delivered[1] == 0.0);
    BOOST_TEST(std::abs(o2.backlog[0] - (q0 - 1.5)) < 1e-12);
    BOOST_TEST(o2.backlog[1] == q1);
    BOOST_TEST(o2.scheduled[0] + o2.scheduled[1] > 0.0);
    // More arrived than the backlog: delivered is capped at Q.
    const AdmissionSlotOutcome& o3 =
        ctl.StepMeasured({0.0, 0.0}, {3.0, 3.0}, {100.0, 0.0}, {0.0, 0.0});
    BOOST_TEST(std::abs(o3.delivered[0] - (q0 - 1.5)) < 1e-12);
    BOOST_TEST(o3.backlog[0] == 0.0);
    BOOST_CHECK_THROW(ctl.StepMeasured({0.0, 0.0}, {3.0, 3.0}, {-1.0, 0.0}, {0.0, 0.0}),
                      std::invalid_argument);
    BOOST_CHECK_THROW(ctl.StepMeasured({0.0, 0.0}, {3.0, 3.0}, {1.0}, {0.0, 0.0}),
                      std::invalid_argument);
    // Data in flight is not scheduled again: with everything in flight nothing is scheduled.
    LyapunovAdmissionController ctl2(c);
    const double q = ctl2.StepMeasured({4.0, 0.0}, {3.0, 3.0}, {0.0, 0.0}, {0.0, 0.0}).backlog[0];
    const AdmissionSlotOutcome& o4 =
        ctl2.StepMeasured({0.0, 0.0}, {3.0, 3.0}, {0.0, 0.0}, {q, 0.0});
    BOOST_TEST(o4.scheduled[0] == 0.0);
    BOOST_TEST(o4.backlog[0] == q);
}

BOOST_AUTO_TEST_SUITE_END()
