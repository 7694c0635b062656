// SPDX-License-Identifier: GPL-2.0-only
//
// LyapunovAdmissionPolicy and its two holders: each holder creates its own default policy,
// Config defaults of the policy reach both, one policy given to both through their Policy
// attribute reaches both controllers (and the slot both clocks), the holders keep their own
// defaults, and the per-queue overrides still win.

#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/fair-admission-queue-disc.h"
#include "ns3/lyapunov-admission-policy.h"
#include "ns3/lyapunov-slot-scheduler.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <stdexcept>
#include <string>

using namespace ns3;

namespace
{

/**
 * \ingroup coded-learning
 * A queue disc item of flow 0 (Hash() = 0), so that it lands in class 0.
 */
class PolicyTestItem : public QueueDiscItem
{
  public:
    /// \param bytes the packet size
    explicit PolicyTestItem(uint32_t bytes)
        : QueueDiscItem(Create<Packet>(bytes), Address(), 0)
    {
    }

    void AddHeader() override
    {
    }

    bool Mark() override
    {
        return false;
    }

    uint32_t Hash(uint32_t perturbation) const override
    {
        return 0;
    }
};

/// Enqueues one 1000-byte packet (one data unit) of class 0. \param q the queue disc
void
EnqueueOne(Ptr<FairAdmissionQueueDisc> q)
{
    q->Enqueue(Create<PolicyTestItem>(1000));
}

} // namespace

/**
 * \ingroup coded-learning
 * Without a Policy attribute each holder creates its own policy with the TypeId defaults
 * (so Config::SetDefault on ns3::LyapunovAdmissionPolicy reaches it), and keeps its own
 * defaults: the scheduler not work conserving with A_max = 1.5 max_i b_max,i and
 * theta_i = b_max,i; the queue disc work conserving with A_max = 10 and theta_i = 1 data unit.
 * The Policy attribute refuses null.
 */
class AdmissionPolicyDefaultTestCase : public TestCase
{
  public:
    AdmissionPolicyDefaultTestCase()
        : TestCase("default policy per holder; Config defaults reach it; holder defaults kept")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<LyapunovSlotScheduler> s = CreateObject<LyapunovSlotScheduler>();
        Ptr<LyapunovSlotScheduler> s2 = CreateObject<LyapunovSlotScheduler>();
        Ptr<FairAdmissionQueueDisc> q = CreateObject<FairAdmissionQueueDisc>();
        NS_TEST_ASSERT_MSG_NE(s->GetPolicy(), nullptr, "the scheduler made a default policy");
        NS_TEST_ASSERT_MSG_NE(q->GetPolicy(), nullptr, "the queue disc made a default policy");
        NS_TEST_EXPECT_MSG_NE(s->GetPolicy(), s2->GetPolicy(), "one default policy per holder");
        PointerValue attribute;
        s->GetAttribute("Policy", attribute);
        NS_TEST_EXPECT_MSG_EQ(attribute.Get<LyapunovAdmissionPolicy>(),
                              s->GetPolicy(),
                              "GetPolicy() is the Policy attribute");
        s2->Dispose();

        s->SetAttribute("NumQueues", UintegerValue(3));
        s->Start();
        const auto& sc = s->GetController().GetConfig();
        const auto& channel = s->GetChannel();
        double best = 0.0;
        for (uint32_t i = 0; i < 3; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(sc.perturbation[i], channel.MaxService(i), "theta = b_max");
            best = std::max(best, channel.MaxService(i));
        }
        NS_TEST_EXPECT_MSG_EQ(sc.maxArrival, 1.5 * best, "scheduler: A_max = 1.5 max b_max");
        NS_TEST_EXPECT_MSG_EQ(sc.workConserving, false, "scheduler: not work conserving");
        NS_TEST_EXPECT_MSG_EQ(sc.v, 100.0, "V = 100");

        q->SetAttribute("NumClasses", UintegerValue(2));
        q->Initialize();
        const auto& qc = q->GetController().GetConfig();
        NS_TEST_EXPECT_MSG_EQ(qc.perturbation[0], 1.0, "queue disc: theta = 1 data unit");
        NS_TEST_EXPECT_MSG_EQ(qc.perturbation[1], 1.0, "queue disc: theta = 1 data unit");
        NS_TEST_EXPECT_MSG_EQ(qc.maxArrival, 10.0, "queue disc: A_max = 10");
        NS_TEST_EXPECT_MSG_EQ(qc.workConserving, true, "queue disc: work conserving");
        NS_TEST_EXPECT_MSG_EQ(qc.v, 100.0, "V = 100");
        s->Dispose();
        q->Dispose();

        Config::SetDefault("ns3::LyapunovAdmissionPolicy::V", DoubleValue(42.0));
        Config::SetDefault("ns3::LyapunovAdmissionPolicy::Variant", StringValue("Direct"));
        s = CreateObject<LyapunovSlotScheduler>();
        q = CreateObject<FairAdmissionQueueDisc>();
        Config::SetDefault("ns3::LyapunovAdmissionPolicy::V", DoubleValue(100.0));
        Config::SetDefault("ns3::LyapunovAdmissionPolicy::Variant", StringValue("Aux"));
        s->Start();
        q->Initialize();
        NS_TEST_EXPECT_MSG_EQ(s->GetController().GetConfig().v, 42.0, "default V, scheduler");
        NS_TEST_EXPECT_MSG_EQ(q->GetController().GetConfig().v, 42.0, "default V, queue disc");
        NS_TEST_EXPECT_MSG_EQ(s->GetController().GetConfig().variant,
                              coded::LyapunovAdmissionController::DIRECT,
                              "default variant, scheduler");
        NS_TEST_EXPECT_MSG_EQ(q->GetController().GetConfig().variant,
                              coded::LyapunovAdmissionController::DIRECT,
                              "default variant, queue disc");
        s->Dispose();
        q->Dispose();

        // The Policy attribute refuses null, so GetPolicy() is never null.
        s = CreateObject<LyapunovSlotScheduler>();
        q = CreateObject<FairAdmissionQueueDisc>();
        const Ptr<LyapunovAdmissionPolicy> before = s->GetPolicy();
        NS_TEST_EXPECT_MSG_EQ(s->SetAttributeFailSafe("Policy", PointerValue()),
                              false,
                              "scheduler: null refused");
        NS_TEST_EXPECT_MSG_EQ(q->SetAttributeFailSafe("Policy", PointerValue()),
                              false,
                              "queue disc: null refused");
        NS_TEST_EXPECT_MSG_EQ(s->GetPolicy(), before, "the policy stays");
        NS_TEST_EXPECT_MSG_NE(q->GetPolicy(), nullptr, "the policy stays");
        s->Dispose();
        q->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * One policy given to a slot scheduler and a queue disc: its V, utility, variant and
 * perturbation factor reach both controllers, its slot both clocks (the scheduler's slot ends
 * and the queue disc's Direct budget period), and the per-queue overrides of each holder win.
 */
class AdmissionPolicySharedTestCase : public TestCase
{
  public:
    AdmissionPolicySharedTestCase()
        : TestCase("one policy shared by the scheduler and the queue disc reaches both")
    {
    }

  private:
    /// Slot trace sink. \param slot index \param a admitted \param d delivered \param w wasted
    void OnSlot(uint64_t slot, double a, double d, double w)
    {
        m_slotEnds.push_back(Simulator::Now());
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Ptr<LyapunovAdmissionPolicy> policy =
            CreateObjectWithAttributes<LyapunovAdmissionPolicy>("Slot",
                                                                TimeValue(MilliSeconds(2)),
                                                                "V",
                                                                DoubleValue(7.0),
                                                                "Utility",
                                                                StringValue("Linear"),
                                                                "Variant",
                                                                StringValue("Direct"),
                                                                "PerturbationFactor",
                                                                DoubleValue(0.5));
        Ptr<LyapunovSlotScheduler> s =
            CreateObjectWithAttributes<LyapunovSlotScheduler>("Policy",
                                                              PointerValue(policy),
                                                              "NumQueues",
                                                              UintegerValue(3));
        Ptr<FairAdmissionQueueDisc> q =
            CreateObjectWithAttributes<FairAdmissionQueueDisc>("Policy",
                                                               PointerValue(policy),
                                                               "NumClasses",
                                                               UintegerValue(2),
                                                               "DataUnit",
                                                               UintegerValue(1000),
                                                               "MaxArrival",
                                                               DoubleValue(1.0));
        NS_TEST_EXPECT_MSG_EQ(s->GetPolicy(), policy, "the scheduler holds the given policy");
        NS_TEST_EXPECT_MSG_EQ(q->GetPolicy(), policy, "the queue disc holds the given policy");
        s->SetUtilityWeight(1, 3.0);
        q->SetUtilityWeight(0, 4.0);
        q->SetPerturbation(1, 2.5);
        s->TraceConnectWithoutContext("Slot",
                                      MakeCallback(&AdmissionPolicySharedTestCase::OnSlot, this));
        s->Start();
        q->Initialize();

        const auto& sctl = s->GetController();
        const auto& qctl = q->GetController();
        for (const auto* ctl : {&sctl, &qctl})
        {
            const auto& c = ctl->GetConfig();
            NS_TEST_EXPECT_MSG_EQ(c.v, 7.0, "V from the policy");
            NS_TEST_EXPECT_MSG_EQ(c.utility.GetKind(),
                                  coded::UtilityFunction::LINEAR,
                                  "utility from the policy");
            NS_TEST_EXPECT_MSG_EQ(c.variant,
                                  coded::LyapunovAdmissionController::DIRECT,
                                  "variant from the policy");
        }
        for (uint32_t i = 0; i < 3; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(sctl.Perturbation(i),
                                  0.5 * s->GetChannel().MaxService(i),
                                  "scheduler: theta = factor * b_max");
            NS_TEST_EXPECT_MSG_EQ(sctl.UtilityWeight(i), (i == 1 ? 3.0 : 1.0), "scheduler: w_i");
        }
        NS_TEST_EXPECT_MSG_EQ(qctl.Perturbation(0), 0.5, "queue disc: theta = factor data units");
        NS_TEST_EXPECT_MSG_EQ(qctl.Perturbation(1), 2.5, "queue disc: SetPerturbation wins");
        NS_TEST_EXPECT_MSG_EQ(qctl.UtilityWeight(0), 4.0, "queue disc: SetUtilityWeight wins");
        NS_TEST_EXPECT_MSG_EQ(qctl.UtilityWeight(1), 1.0, "queue disc: w_1 = 1");

        // Direct, linear, A_max = 1: one data unit per class and slot is admitted. With 2-ms
        // slots the packet at 1.5 ms shares the first packet's slot and is rejected; the one at
        // 2.5 ms opens the next slot and is admitted.
        for (const int64_t us : {0, 1500, 2500})
        {
            Simulator::Schedule(MicroSeconds(us), &EnqueueOne, q);
        }
        Simulator::Stop(MicroSeconds(4500));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(q->GetAdmittedBytes(0), 2000, "two slots, two packets admitted");
        NS_TEST_EXPECT_MSG_EQ(q->GetRejectedBytes(0), 1000, "the second packet of slot 0");
        NS_TEST_ASSERT_MSG_EQ(m_slotEnds.size(), 2, "two 2-ms slots end by 4.5 ms");
        NS_TEST_EXPECT_MSG_EQ(m_slotEnds[0], MilliSeconds(2), "first slot end");
        NS_TEST_EXPECT_MSG_EQ(m_slotEnds[1], MilliSeconds(4), "second slot end");
        s->Dispose();
        q->Dispose();
        Simulator::Destroy();
    }

    std::vector<Time> m_slotEnds; //!< when the scheduler's slots ended
};

/**
 * \ingroup coded-learning
 * The LyapunovAdmissionPolicy test suite.
 */
class LyapunovAdmissionPolicyTestSuite : public TestSuite
{
  public:
    LyapunovAdmissionPolicyTestSuite()
        : TestSuite("coded-learning-admission-policy", Type::UNIT)
    {
        AddTestCase(new AdmissionPolicyDefaultTestCase);
        AddTestCase(new AdmissionPolicySharedTestCase);
    }
};

static LyapunovAdmissionPolicyTestSuite g_lyapunovAdmissionPolicyTestSuite; //!< registration
