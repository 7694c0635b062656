// SPDX-License-Identifier: GPL-2.0-only
//
// FairAdmissionQueueDisc, tested as ns-3 tests its queue discs (fifo-queue-disc-test-suite.cc):
// stub QueueDiscItems, direct Enqueue/Dequeue calls at chosen simulation times, no network;
// plus one installation check with TrafficControlHelper on a simple device.

#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/fair-admission-queue-disc.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simple-net-device-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/traffic-control-layer.h"
#include "ns3/uinteger.h"

#include <vector>

using namespace ns3;

/**
 * \ingroup coded-learning
 * A queue disc item of a given flow: Hash() returns the flow id, so that the queue disc's
 * flow-to-class mapping puts flow k into class k when flows arrive in the order 0, 1, ...
 */
class AdmissionTestItem : public QueueDiscItem
{
  public:
    /**
     * \param p the packet \param addr the destination \param flow the flow id
     */
    AdmissionTestItem(Ptr<Packet> p, const Address& addr, uint32_t flow)
        : QueueDiscItem(p, addr, 0),
          m_flow(flow)
    {
    }

    AdmissionTestItem() = delete;
    AdmissionTestItem(const AdmissionTestItem&) = delete;
    AdmissionTestItem& operator=(const AdmissionTestItem&) = delete;

    void AddHeader() override
    {
    }

    bool Mark() override
    {
        return false;
    }

    uint32_t Hash(uint32_t perturbation) const override
    {
        return m_flow;
    }

    /// \return the flow id
    uint32_t GetFlow() const
    {
        return m_flow;
    }

  private:
    uint32_t m_flow; //!< flow id
};

namespace
{

/// \return a queue disc with the given attributes (those of LyapunovAdmissionPolicy set on
/// its default policy, the others on the queue disc)
Ptr<FairAdmissionQueueDisc>
MakeQueueDisc(const std::vector<std::pair<std::string, std::string>>& attributes)
{
    Ptr<FairAdmissionQueueDisc> q = CreateObject<FairAdmissionQueueDisc>();
    q->SetAttribute("DataUnit", UintegerValue(1000));
    const TypeId policy = LyapunovAdmissionPolicy::GetTypeId();
    TypeId::AttributeInformation info;
    for (const auto& [name, value] : attributes)
    {
        if (policy.LookupAttributeByName(name, &info))
        {
            q->GetPolicy()->SetAttribute(name, StringValue(value));
        }
        else
        {
            q->SetAttribute(name, StringValue(value));
        }
    }
    return q;
}

/// \return a 1000-byte item of flow f
Ptr<AdmissionTestItem>
Item(uint32_t flow, uint32_t bytes = 1000)
{
    return Create<AdmissionTestItem>(Create<Packet>(bytes), Address(), flow);
}

/// \return the flow of a dequeued item, or -1 for none
int
FlowOf(Ptr<QueueDiscItem> item)
{
    if (!item)
    {
        return -1;
    }
    return static_cast<int>(DynamicCast<AdmissionTestItem>(item)->GetFlow());
}

} // namespace

/**
 * \ingroup coded-learning
 * Aux admission on a hand-computed example: Q - theta <= Z, Z <- max(Z - a + gamma, 0) per
 * slot, rejected packets dropped with the named reason.
 */
class FairAdmissionAuxTestCase : public TestCase
{
  public:
    FairAdmissionAuxTestCase()
        : TestCase("aux admission, virtual queue per slot, drop reason")
    {
    }

  private:
    /// Enqueues n packets of flow f. \param q queue disc \param f flow \param n packets
    /// \param expected how many of them must be admitted
    void EnqueueAndCheck(Ptr<FairAdmissionQueueDisc> q, uint32_t f, uint32_t n, uint32_t expected)
    {
        uint32_t accepted = 0;
        for (uint32_t k = 0; k < n; ++k)
        {
            accepted += q->Enqueue(Item(f)) ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(accepted,
                              expected,
                              "admitted packets of flow " << f << " at " << Simulator::Now());
    }

    /// Checks Z of class c. \param q queue disc \param c class \param z expected Z
    void CheckVirtual(Ptr<FairAdmissionQueueDisc> q, uint32_t c, double z)
    {
        NS_TEST_EXPECT_MSG_EQ_TOL(q->GetVirtualBacklog(c), z, 1e-12, "Z of class " << c);
    }

    void DoRun() override
    {
        // Linear utility, V = 1, A_max = 4: gamma = 4 while Z < 1, else 0. Unperturbed.
        Ptr<FairAdmissionQueueDisc> q = MakeQueueDisc({{"NumClasses", "2"},
                                                       {"V", "1"},
                                                       {"Utility", "Linear"},
                                                       {"MaxArrival", "4"},
                                                       {"PerturbationFactor", "0"}});
        q->Initialize();
        // Slot 0 (t = 0): Z = 0, so only a packet arriving at Q = 0 is admitted.
        EnqueueAndCheck(q, 0, 3, 1);
        NS_TEST_EXPECT_MSG_EQ(
            q->GetStats().GetNDroppedPackets(FairAdmissionQueueDisc::REJECTED_DROP),
            2,
            "two rejections with the named reason");
        NS_TEST_EXPECT_MSG_EQ(q->GetBacklog(0), 1.0, "Q_0 = 1 data unit");
        // Slot 1 (t = 1 ms): Z_0 = 0 - 1 + 4 = 3 and Z_1 = 0 - 0 + 4 = 4 (flow 1 never came).
        // Class 0 admits at Q = 1, 2, 3 (<= 3) and rejects at Q = 4.
        Simulator::Schedule(MicroSeconds(1500),
                            &FairAdmissionAuxTestCase::EnqueueAndCheck,
                            this,
                            q,
                            0,
                            5,
                            3);
        Simulator::Schedule(MicroSeconds(1600),
                            &FairAdmissionAuxTestCase::CheckVirtual,
                            this,
                            q,
                            0,
                            3.0);
        // Flow 1 arrives first in slot 1, takes class 1 and sees Z_1 = 4: admits 5 of 6.
        Simulator::Schedule(MicroSeconds(1700),
                            &FairAdmissionAuxTestCase::EnqueueAndCheck,
                            this,
                            q,
                            1,
                            6,
                            5);
        // Slot 5 (t = 5.2 ms; the virtual queues advance on the next enqueue or dequeue): in
        // slot 1 gamma = 0 since Z >= V = 1, so Z_0 = max(3 - 3 + 0, 0) = 0; the idle slots 2,
        // 3, 4 have gamma = 4 while Z < 1: 0 -> 4, then stay. Class 1: max(4 - 5, 0) = 0 -> 4.
        // A packet of flow 1 at Q_1 = 5 > Z_1 = 4 is rejected.
        Simulator::Schedule(MicroSeconds(5200),
                            &FairAdmissionAuxTestCase::EnqueueAndCheck,
                            this,
                            q,
                            1,
                            1,
                            0);
        Simulator::Schedule(MicroSeconds(5300),
                            &FairAdmissionAuxTestCase::CheckVirtual,
                            this,
                            q,
                            0,
                            4.0);
        Simulator::Schedule(MicroSeconds(5300),
                            &FairAdmissionAuxTestCase::CheckVirtual,
                            this,
                            q,
                            1,
                            4.0);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(q->GetAdmittedBytes(0), 4000, "class 0 admitted 4 packets");
        NS_TEST_EXPECT_MSG_EQ(q->GetRejectedBytes(0), 4000, "class 0 rejected 4 packets");
        NS_TEST_EXPECT_MSG_EQ(q->GetAdmittedBytes(1), 5000, "class 1 admitted 5 packets");
        NS_TEST_EXPECT_MSG_EQ(q->GetReceivedPackets(0), 8, "class 0 received 8 packets");
        NS_TEST_EXPECT_MSG_EQ(q->GetReceivedBytes(0), 8000, "admitted + rejected");
        NS_TEST_EXPECT_MSG_EQ(q->GetDroppedBytes(0), 0, "rejections are not limit drops");
        NS_TEST_EXPECT_MSG_EQ(q->GetNPackets(), 9, "9 packets queued");
        NS_TEST_EXPECT_MSG_EQ(q->GetStats().nTotalDroppedPackets, 6, "6 drops in all");
        // Jain of admitted bytes (4000, 5000) = 81 / (2 * 41).
        NS_TEST_EXPECT_MSG_EQ_TOL(q->GetJainAdmitted(), 81.0 / 82.0, 1e-12, "Jain admitted");
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * Dequeue is the perturbed max-weight pick: longest (Q - theta) r first, ties to the lowest
 * class; a class at or below its perturbation is not served unless WorkConserving.
 */
class FairAdmissionMaxWeightTestCase : public TestCase
{
  public:
    FairAdmissionMaxWeightTestCase()
        : TestCase("dequeue order is max-weight on (Q - theta) * rate")
    {
    }

  private:
    /// \param q queue disc \param n0 packets of flow 0 \param n1 packets of flow 1
    void Fill(Ptr<FairAdmissionQueueDisc> q, uint32_t n0, uint32_t n1)
    {
        for (uint32_t k = 0; k < n0; ++k)
        {
            NS_TEST_ASSERT_MSG_EQ(q->Enqueue(Item(0)), true, "flow 0 admitted");
        }
        for (uint32_t k = 0; k < n1; ++k)
        {
            NS_TEST_ASSERT_MSG_EQ(q->Enqueue(Item(1)), true, "flow 1 admitted");
        }
    }

    /// \param q queue disc \return the flows of all dequeued packets, in order
    std::vector<int> Drain(Ptr<FairAdmissionQueueDisc> q)
    {
        std::vector<int> order;
        while (Ptr<QueueDiscItem> item = q->Dequeue())
        {
            order.push_back(FlowOf(item));
        }
        return order;
    }

    void DoRun() override
    {
        // Direct variant: at Q = 0 the budget is A_max = 100, so every packet is admitted.
        const std::vector<std::pair<std::string, std::string>> attributes = {
            {"NumClasses", "2"},
            {"Variant", "Direct"},
            {"MaxArrival", "100"},
            {"PerturbationFactor", "0"}};
        Ptr<FairAdmissionQueueDisc> q = MakeQueueDisc(attributes);
        q->Initialize();
        Fill(q, 3, 5);
        // Q = (3, 5): 1, 1, then (3, 3) tie -> 0, 1, 0, 1, 0, 1.
        std::vector<int> expected = {1, 1, 0, 1, 0, 1, 0, 1};
        NS_TEST_EXPECT_MSG_EQ((Drain(q) == expected), true, "longest queue first");

        // Rate 2 for class 0: weights 2 Q_0 vs Q_1.
        q = MakeQueueDisc(attributes);
        q->SetServiceRate(0, 2.0);
        q->Initialize();
        Fill(q, 3, 5);
        expected = {0, 1, 0, 1, 1, 0, 1, 1};
        NS_TEST_EXPECT_MSG_EQ((Drain(q) == expected), true, "max-weight with rates");
        NS_TEST_EXPECT_MSG_EQ(q->GetDequeuedBytes(0), 3000, "class 0 sent 3 packets");
        NS_TEST_EXPECT_MSG_EQ(q->GetNPackets(), 0, "empty");

        // theta_0 = 4, strict: class 0 (Q = 3 <= 4) is never served; class 1 drains.
        std::vector<std::pair<std::string, std::string>> strict = attributes;
        strict.emplace_back("WorkConserving", "false");
        q = MakeQueueDisc(strict);
        q->SetPerturbation(0, 4.0);
        q->Initialize();
        Fill(q, 3, 5);
        expected = {1, 1, 1, 1, 1};
        NS_TEST_EXPECT_MSG_EQ((Drain(q) == expected), true, "below theta: not served");
        NS_TEST_EXPECT_MSG_EQ(q->GetNPackets(), 3, "class 0 keeps its 3 packets");
        // Two more packets lift Q_0 to 5 > 4: class 0 is served down to Q_0 = 4.
        Simulator::Schedule(MilliSeconds(1), &FairAdmissionMaxWeightTestCase::Fill, this, q, 2, 0);
        Simulator::Run();
        expected = {0};
        NS_TEST_EXPECT_MSG_EQ((Drain(q) == expected), true, "served above theta only");

        // The same, work conserving: class 0 is drained after class 1.
        q = MakeQueueDisc(attributes);
        q->SetPerturbation(0, 4.0);
        q->Initialize();
        Fill(q, 3, 5);
        expected = {1, 1, 1, 1, 1, 0, 0, 0};
        NS_TEST_EXPECT_MSG_EQ((Drain(q) == expected), true, "work conserving");
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * RejectMode Hold: rejected packets wait behind the admitted ones (FIFO per class) and are
 * admitted when the rule allows (here: the Direct budget of one packet per slot).
 */
class FairAdmissionHoldTestCase : public TestCase
{
  public:
    FairAdmissionHoldTestCase()
        : TestCase("hold mode: rejected packets wait and are admitted in later slots")
    {
    }

  private:
    /// \param q queue disc \param uid expected packet uid, or 0 for none
    void DequeueAndCheck(Ptr<FairAdmissionQueueDisc> q, uint64_t uid)
    {
        Ptr<QueueDiscItem> item = q->Dequeue();
        if (uid == 0)
        {
            NS_TEST_EXPECT_MSG_EQ(item, nullptr, "nothing admitted at " << Simulator::Now());
            return;
        }
        NS_TEST_ASSERT_MSG_NE(item, nullptr, "a packet at " << Simulator::Now());
        NS_TEST_EXPECT_MSG_EQ(item->GetPacket()->GetUid(), uid, "FIFO order");
    }

    void DoRun() override
    {
        Ptr<FairAdmissionQueueDisc> q = MakeQueueDisc({{"NumClasses", "2"},
                                                       {"Variant", "Direct"},
                                                       {"MaxArrival", "1"},
                                                       {"PerturbationFactor", "0"},
                                                       {"RejectMode", "Hold"}});
        q->Initialize();
        std::vector<uint64_t> uids;
        for (int k = 0; k < 3; ++k)
        {
            Ptr<AdmissionTestItem> item = Item(0);
            uids.push_back(item->GetPacket()->GetUid());
            NS_TEST_ASSERT_MSG_EQ(q->Enqueue(item), true, "held packets are accepted");
        }
        NS_TEST_EXPECT_MSG_EQ(q->GetBacklog(0), 1.0, "one packet admitted (budget 1 per slot)");
        NS_TEST_EXPECT_MSG_EQ(q->GetHeld(0), 2.0, "two held back");
        NS_TEST_EXPECT_MSG_EQ(q->GetNPackets(), 3, "held packets count in the queue disc");
        NS_TEST_EXPECT_MSG_EQ(q->GetStats().nTotalDroppedPackets, 0, "nothing dropped");
        DequeueAndCheck(q, uids[0]);
        DequeueAndCheck(q, 0); // slot 0's budget is spent
        // One packet per slot afterwards.
        Simulator::Schedule(MicroSeconds(1100),
                            &FairAdmissionHoldTestCase::DequeueAndCheck,
                            this,
                            q,
                            uids[1]);
        Simulator::Schedule(MicroSeconds(1200),
                            &FairAdmissionHoldTestCase::DequeueAndCheck,
                            this,
                            q,
                            0);
        Simulator::Schedule(MicroSeconds(2100),
                            &FairAdmissionHoldTestCase::DequeueAndCheck,
                            this,
                            q,
                            uids[2]);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(q->GetNPackets(), 0, "all sent");
        NS_TEST_EXPECT_MSG_EQ(q->GetAdmittedBytes(0), 3000, "all admitted in the end");
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * The queue disc limit (MaxSize) and the classification by packet filter failures.
 */
class FairAdmissionLimitTestCase : public TestCase
{
  public:
    FairAdmissionLimitTestCase()
        : TestCase("MaxSize counts admitted and held packets; limit drops are named")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<FairAdmissionQueueDisc> q = MakeQueueDisc({{"NumClasses", "3"},
                                                       {"MaxSize", "4p"},
                                                       {"PerturbationFactor", "100"},
                                                       {"RejectMode", "Hold"}});
        q->Initialize();
        NS_TEST_EXPECT_MSG_EQ(q->GetNInternalQueues(), 3, "one internal queue per class");
        for (uint32_t k = 0; k < 6; ++k)
        {
            q->Enqueue(Item(k % 3));
        }
        NS_TEST_EXPECT_MSG_EQ(q->GetNPackets(), 4, "limit of 4 packets");
        NS_TEST_EXPECT_MSG_EQ(
            q->GetStats().GetNDroppedPackets(FairAdmissionQueueDisc::LIMIT_EXCEEDED_DROP),
            2,
            "two limit drops");
        // The drops were k = 4 (class 1) and k = 5 (class 2); every packet counts as received.
        NS_TEST_EXPECT_MSG_EQ(q->GetDroppedBytes(0), 0, "class 0 lost nothing");
        NS_TEST_EXPECT_MSG_EQ(q->GetDroppedBytes(1), 1000, "class 1 lost one packet");
        NS_TEST_EXPECT_MSG_EQ(q->GetDroppedBytes(2), 1000, "class 2 lost one packet");
        NS_TEST_EXPECT_MSG_EQ(q->GetReceivedPackets(1), 2, "class 1 received both");
        NS_TEST_EXPECT_MSG_EQ(q->GetPeakBytes(0), 2000, "class 0 held 2 packets at once");
        NS_TEST_EXPECT_MSG_EQ(q->GetPeakBytes(1), 1000, "class 1 held 1 packet");
        // Four flows for three classes: the fourth flow shares a class (hash modulo 3).
        q = MakeQueueDisc({{"NumClasses", "3"}, {"PerturbationFactor", "100"}});
        q->Initialize();
        for (uint32_t f = 0; f < 4; ++f)
        {
            NS_TEST_EXPECT_MSG_EQ(q->Enqueue(Item(f)), true, "admitted below theta");
        }
        NS_TEST_EXPECT_MSG_EQ(q->GetBacklog(0), 2.0, "flow 3 -> class 3 mod 3 = 0");
        NS_TEST_EXPECT_MSG_EQ(q->GetBacklog(2), 1.0, "flow 2 -> class 2");
        // Bad per-class settings are refused.
        bool threw = false;
        try
        {
            q->SetServiceRate(3, 1.0);
        }
        catch (const std::out_of_range&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "class 3 does not exist");
        threw = false;
        try
        {
            q->SetPerturbation(0, -1.0);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "negative theta");
        // Attribute checkers refuse out-of-range values.
        NS_TEST_EXPECT_MSG_EQ(q->GetPolicy()->SetAttributeFailSafe("V", DoubleValue(-1.0)),
                              false,
                              "V > 0");
        NS_TEST_EXPECT_MSG_EQ(q->SetAttributeFailSafe("NumClasses", UintegerValue(0)),
                              false,
                              "N >= 1");
        NS_TEST_EXPECT_MSG_EQ(q->GetPolicy()->SetAttributeFailSafe("Utility", EnumValue(99)),
                              false,
                              "unknown utility");
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * The deterministic bounds hold packet by packet: Z_i <= V g'(0) + A_max and
 * Q_i <= theta_i + V g'(0) + A_max + one packet, for both variants, under random traffic.
 */
class FairAdmissionBoundsTestCase : public TestCase
{
  public:
    FairAdmissionBoundsTestCase()
        : TestCase("backlog and virtual backlog bounds under random packet arrivals")
    {
    }

  private:
    /// One random event: enqueue a packet of a random flow, or dequeue.
    void Step()
    {
        if (m_uniform->GetValue() < 0.7)
        {
            m_q->Enqueue(Item(m_uniform->GetInteger(0, 2), m_uniform->GetInteger(100, 1500)));
        }
        else
        {
            m_q->Dequeue();
        }
        for (uint32_t c = 0; c < 3; ++c)
        {
            m_maxQ = std::max(m_maxQ, m_q->GetBacklog(c));
            m_maxZ = std::max(m_maxZ, m_q->GetVirtualBacklog(c));
        }
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(3);
        RngSeedManager::SetRun(1);
        for (const std::string variant : {"Aux", "Direct"})
        {
            m_q = MakeQueueDisc({{"NumClasses", "3"},
                                 {"Variant", variant},
                                 {"V", "20"},
                                 {"MaxArrival", "2"},
                                 {"PerturbationFactor", "1.5"},
                                 {"MaxSize", "100000p"}});
            m_q->Initialize();
            m_uniform = CreateObject<UniformRandomVariable>();
            m_uniform->SetStream(7);
            m_maxQ = 0.0;
            m_maxZ = 0.0;
            // 20000 events, 10 per 1-ms slot.
            for (int k = 0; k < 20000; ++k)
            {
                Simulator::Schedule(MicroSeconds(100 * k),
                                    &FairAdmissionBoundsTestCase::Step,
                                    this);
            }
            Simulator::Run();
            // log(1 + x): g'(0) = 1. One packet is at most 1.5 data units.
            NS_TEST_EXPECT_MSG_LT_OR_EQ(m_maxZ, 20.0 + 2.0, variant << ": Z bound");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(m_maxQ, 1.5 + 20.0 + 2.0 + 1.5, variant << ": Q bound");
            NS_TEST_EXPECT_MSG_GT(m_maxQ, 10.0, variant << ": the bound is approached");
            NS_TEST_EXPECT_MSG_GT(m_q->GetJainDequeued(), 0.9, variant << ": fair service");
            Simulator::Destroy();
        }
        m_q = nullptr;
        m_uniform = nullptr;
    }

    Ptr<FairAdmissionQueueDisc> m_q;      //!< queue disc under test
    Ptr<UniformRandomVariable> m_uniform; //!< traffic
    double m_maxQ{0.0};                   //!< largest Q_i
    double m_maxZ{0.0};                   //!< largest Z_i
};

/**
 * \ingroup coded-learning
 * Installed with TrafficControlHelper before Ipv4AddressHelper::Assign, the queue disc stays
 * the root (Assign installs FqCoDel only on devices without one); held packets are released
 * by the queue disc's own wake-up at slot boundaries when the device is idle.
 */
class FairAdmissionInstallTestCase : public TestCase
{
  public:
    FairAdmissionInstallTestCase()
        : TestCase("install with TrafficControlHelper; wake-up releases held packets")
    {
    }

  private:
    /// \param tc traffic control layer \param dev device \param n packets of flow 0
    void Send(Ptr<TrafficControlLayer> tc, Ptr<NetDevice> dev, uint32_t n)
    {
        for (uint32_t k = 0; k < n; ++k)
        {
            tc->Send(dev, Create<AdmissionTestItem>(Create<Packet>(1000), dev->GetBroadcast(), 0));
        }
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        NodeContainer nodes;
        nodes.Create(2);
        SimpleNetDeviceHelper simple;
        simple.SetDeviceAttribute("DataRate", DataRateValue(DataRate("100Mbps")));
        NetDeviceContainer devices = simple.Install(nodes);
        InternetStackHelper internet;
        internet.Install(nodes);

        TrafficControlHelper tch;
        tch.SetRootQueueDisc(
            "ns3::FairAdmissionQueueDisc",
            "NumClasses",
            UintegerValue(2),
            "DataUnit",
            UintegerValue(1000),
            "Policy",
            PointerValue(CreateObjectWithAttributes<LyapunovAdmissionPolicy>("Variant",
                                                                             StringValue("Direct"),
                                                                             "PerturbationFactor",
                                                                             DoubleValue(0.0))),
            "MaxArrival",
            DoubleValue(1.0),
            "RejectMode",
            StringValue("Hold"));
        tch.Install(devices.Get(0));
        Ipv4AddressHelper ipv4("10.1.1.0", "255.255.255.0");
        ipv4.Assign(devices);

        Ptr<TrafficControlLayer> tc = nodes.Get(0)->GetObject<TrafficControlLayer>();
        Ptr<FairAdmissionQueueDisc> q =
            DynamicCast<FairAdmissionQueueDisc>(tc->GetRootQueueDiscOnDevice(devices.Get(0)));
        NS_TEST_ASSERT_MSG_NE(q, nullptr, "our queue disc is the root after Assign");
        Ptr<QueueDisc> other =
            nodes.Get(1)->GetObject<TrafficControlLayer>()->GetRootQueueDiscOnDevice(
                devices.Get(1));
        NS_TEST_EXPECT_MSG_EQ(other->GetInstanceTypeId().GetName(),
                              "ns3::FqCoDelQueueDisc",
                              "Assign installed FqCoDel where nothing was installed");

        // 5 packets at once, one admitted per 1-ms slot: the last leaves in slot 4.
        Simulator::Schedule(MicroSeconds(100),
                            &FairAdmissionInstallTestCase::Send,
                            this,
                            tc,
                            devices.Get(0),
                            5);
        Simulator::Stop(MicroSeconds(3900));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(q->GetDequeuedBytes(0), 4000, "4 slots, 4 packets by 3.9 ms");
        Simulator::Stop(MilliSeconds(10));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(q->GetDequeuedBytes(0), 5000, "all 5 sent by the wake-ups");
        NS_TEST_EXPECT_MSG_EQ(q->GetStats().nTotalDroppedPackets, 0, "nothing dropped");
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * The FairAdmissionQueueDisc test suite.
 */
class FairAdmissionQueueDiscTestSuite : public TestSuite
{
  public:
    FairAdmissionQueueDiscTestSuite()
        : TestSuite("coded-learning-admission-queue-disc", Type::UNIT)
    {
        AddTestCase(new FairAdmissionAuxTestCase);
        AddTestCase(new FairAdmissionMaxWeightTestCase);
        AddTestCase(new FairAdmissionHoldTestCase);
        AddTestCase(new FairAdmissionLimitTestCase);
        AddTestCase(new FairAdmissionBoundsTestCase);
        AddTestCase(new FairAdmissionInstallTestCase);
    }
};

static FairAdmissionQueueDiscTestSuite g_fairAdmissionQueueDiscTestSuite; //!< registration
