// SPDX-License-Identifier: GPL-2.0-only
//
// Bad settings of the network scenario helpers: every one raises std::invalid_argument with a
// message naming the setting, the value and what is allowed (common settings, address plans,
// point-to-point, CSMA and Wi-Fi), and calls in the wrong order raise std::logic_error.

#include "network-scenario-test.h"

#include "ns3/csma-scenario-helper.h"
#include "ns3/ideal-scenario-helper.h"
#include "ns3/network-scenario-factory.h"
#include "ns3/nstime.h"
#include "ns3/point-to-point-scenario-helper.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/wifi-scenario-helper.h"

#include <cmath>
#include <stdexcept>
#include <string>

using namespace ns3;
using namespace codedlearningtest;

/**
 * \ingroup coded-learning
 * Every bad setting raises std::invalid_argument with a message naming the setting, the
 * value and what is allowed.
 */
class NetworkScenarioBadSettingsTestCase : public TestCase
{
  public:
    NetworkScenarioBadSettingsTestCase()
        : TestCase("every bad setting raises std::invalid_argument with a clear message")
    {
    }

  private:
    /**
     * \param actual the message thrown
     * \param expected the message expected
     */
    void Expect(const std::string& actual, const std::string& expected)
    {
        NS_TEST_EXPECT_MSG_EQ(actual, expected, "error message");
    }

    void DoRun() override
    {
        FixSeed();
        Expect(ErrorOf([]() { NetworkScenarioFactory::Create("token-ring", NetworkSettings()); }),
               "network kind 'token-ring' is unknown (allowed: wifi, csma, p2p, ideal)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetNumWorkers(0); }),
               "number of workers 0 is invalid (allowed: at least 1)");
        Expect(ErrorOf([]() {
                   PointToPointScenarioHelper h;
                   h.SetNumWorkers(3);
                   h.SetDataRates("1Mbps,2Mbps");
                   h.Build();
               }),
               "p2p data rate list '1Mbps,2Mbps' has 2 entries for 3 workers (allowed: one "
               "value for all links or exactly 3 comma-separated values)");
        Expect(ErrorOf([]() {
                   PointToPointScenarioHelper h;
                   h.SetNumWorkers(2);
                   h.SetDelays("1ms,2ms,3ms");
                   h.Validate();
               }),
               "p2p delay list '1ms,2ms,3ms' has 3 entries for 2 workers (allowed: one value "
               "for all links or exactly 2 comma-separated values)");
        Expect(ErrorOf([]() { PointToPointScenarioHelper().SetDelays("1ms,-2ms"); }),
               "p2p delay '-2ms' is negative (allowed: a time >= 0 with a unit s, ms, us or "
               "ns, e.g. 1ms, 6560ns)");
        Expect(ErrorOf([]() { CsmaScenarioHelper().SetDelay("-5us"); }),
               "CSMA delay '-5us' is negative (allowed: a time >= 0 with a unit s, ms, us or "
               "ns, e.g. 1ms, 6560ns)");
        Expect(ErrorOf([]() { CsmaScenarioHelper().SetDelay("soon"); }),
               "CSMA delay 'soon' is invalid (allowed: a time >= 0 with a unit s, ms, us or "
               "ns, e.g. 1ms, 6560ns)");
        Expect(ErrorOf([]() { PointToPointScenarioHelper().SetDataRates("10Mbps,0Mbps"); }),
               "p2p data rate '0Mbps' is invalid (allowed: a rate > 0 with a unit, e.g. "
               "100Mbps, 1Gbps, 500kbps)");
        Expect(ErrorOf([]() { CsmaScenarioHelper().SetDataRate("fast"); }),
               "CSMA data rate 'fast' is invalid (allowed: a rate > 0 with a unit, e.g. "
               "100Mbps, 1Gbps, 500kbps)");
        Expect(ErrorOf([]() { CsmaScenarioHelper().SetDataRate("100 Mbps"); }),
               "CSMA data rate '100 Mbps' is invalid (allowed: a rate > 0 with a unit, e.g. "
               "100Mbps, 1Gbps, 500kbps)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetUplinkLossRate(1.5); }),
               "uplink loss rate 1.5 is invalid (allowed: 0 to 1)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetDownlinkLossRate(-0.1); }),
               "downlink loss rate -0.1 is invalid (allowed: 0 to 1)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetUplinkLossRate(std::nan("")); }),
               "uplink loss rate nan is invalid (allowed: 0 to 1)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetLossModel("gilbert"); }),
               "loss model 'gilbert' is unknown (allowed: rate, burst)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetLossBurstLength(0); }),
               "loss burst length 0 is invalid (allowed: at least 1 packet)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetArpPendingQueueSize(0); }),
               "ARP pending queue size 0 is invalid (allowed: at least 1 packet)");

        // The address plan.
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetIpv4Network("10.1.1.0/24");
                   h.SetNumWorkers(253);
                   h.Validate();
                   h.SetNumWorkers(254);
                   h.Validate();
               }),
               "number of workers 254 exceeds the Wi-Fi address plan 10.1.1.0/24 (allowed: at "
               "most 253 workers, one subnet; give a shorter prefix to SetIpv4Network, e.g. "
               "10.1.0.0/16)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetNumWorkers(2008);
                   h.Build();
               }),
               "number of workers 2008 exceeds what one Wi-Fi access point can associate "
               "(allowed: at most 2007 stations, the 802.11 association-ID limit)");
        Expect(ErrorOf([]() {
                   PointToPointScenarioHelper h;
                   h.SetIpv4Network("192.168.0.0/24");
                   h.SetNumWorkers(65);
                   h.Build();
               }),
               "number of workers 65 exceeds the p2p address plan 192.168.0.0/24 (allowed: at "
               "most 64 workers, one /30 subnet per link; give a shorter prefix to "
               "SetIpv4Network, e.g. 10.1.0.0/16)");
        Expect(ErrorOf([]() {
                   CsmaScenarioHelper h;
                   h.SetIpv4Network("10.2.0.0/28");
                   h.SetNumWorkers(14);
                   h.Build();
               }),
               "number of workers 14 exceeds the CSMA address plan 10.2.0.0/28 (allowed: at "
               "most 13 workers, one subnet; give a shorter prefix to SetIpv4Network, e.g. "
               "10.1.0.0/16)");
        const std::string badNetwork = "' is invalid (allowed: a.b.c.d/prefix with a prefix of "
                                       "8 to 30 bits and zero host bits, e.g. 10.1.0.0/16)";
        for (const char* network :
             {"10.1.1.5/24", "10.1.300.0/24", "10.1.0.0/31", "10.1.0.0", "10.1.0/16", "x/16"})
        {
            Expect(ErrorOf([network]() { IdealScenarioHelper().SetIpv4Network(network); }),
                   std::string("IPv4 network '") + network + badNetwork);
        }

        // Wi-Fi.
        Expect(ErrorOf([]() { WifiScenarioHelper().SetStandard("802.11z"); }),
               "Wi-Fi standard '802.11z' is unknown (allowed: 802.11ax, 802.11ac, 802.11n, "
               "802.11g, 802.11a)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetBand("60GHz"); }),
               "Wi-Fi band '60GHz' is unknown (allowed: auto, 2.4GHz, 5GHz, 6GHz)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetChannelWidth(30); }),
               "Wi-Fi channel width 30 MHz is invalid (allowed: 20, 40, 80, 160)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetPlacement("grid"); }),
               "Wi-Fi placement 'grid' is unknown (allowed: circle, disc)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetDistance(0); }),
               "Wi-Fi distance 0 m is invalid (allowed: a finite distance > 0 m)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetDistances("5,x"); }),
               "Wi-Fi station distance 'x' is invalid (allowed: a finite distance > 0 m)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetDistances("5,-1"); }),
               "Wi-Fi station distance '-1' is invalid (allowed: a finite distance > 0 m)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetNumWorkers(3);
                   h.SetDistances("5,40");
                   h.Build();
               }),
               "Wi-Fi station distance list has 2 entries for 3 workers (allowed: one value for "
               "every station or exactly 3 comma-separated values)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetNumWorkers(2);
                   h.SetDistances("5,40");
                   h.SetPlacement("disc");
                   h.Build();
               }),
               "Wi-Fi station distances need the circle placement and static stations "
               "(placement disc, mobility static)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetMobility("teleport"); }),
               "Wi-Fi mobility 'teleport' is unknown (allowed: static, random-walk)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetWalkSpeed(-1); }),
               "Wi-Fi walk speed -1 m/s is invalid (allowed: a finite speed > 0 m/s)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetPathLossExponent(0); }),
               "path-loss exponent 0 is invalid (allowed: 0 < exponent <= 10)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetReferenceLoss(-3); }),
               "reference loss -3 dB is invalid (allowed: 0 to 200 dB)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetMaxMissedBeacons(0); }),
               "Wi-Fi max missed beacons 0 is invalid (allowed: at least 1 beacon)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetMacQueueSize(0); }),
               "Wi-Fi MAC queue size 0 is invalid (allowed: at least 1 packet)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetMacQueueMaxDelay(Seconds(0)); }),
               "Wi-Fi MAC queue max delay 0.000000 s is invalid (allowed: > 0)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetAssociationCw(64, 32); }),
               "Wi-Fi association contention window 64..32 is invalid (allowed: 1 <= min <= max "
               "<= 1023, or 0..0 to keep ns-3's values)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetRateControl("arf"); }),
               "Wi-Fi rate control 'arf' is unknown (allowed: ideal, minstrel-ht, constant)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetStandard("802.11ac");
                   h.SetBand("2.4GHz");
                   h.Build();
               }),
               "Wi-Fi band 2.4GHz is not available for 802.11ac (allowed: 5GHz)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetStandard("n");
                   h.SetChannelWidth(80);
                   h.Build();
               }),
               "Wi-Fi channel width 80 MHz is not available for 802.11n at 5GHz (allowed: "
               "20, 40)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetStandard("802.11a");
                   h.SetRateControl("constant");
                   h.SetConstantMode("HtMcs7");
                   h.Build();
               }),
               "Wi-Fi constant mode 'HtMcs7' is not available for 802.11a at 5GHz, 20 MHz "
               "(allowed: OfdmRate6Mbps, OfdmRate9Mbps, OfdmRate12Mbps, OfdmRate18Mbps, "
               "OfdmRate24Mbps, OfdmRate36Mbps, OfdmRate48Mbps, OfdmRate54Mbps)");

        // Order of calls.
        WifiScenarioHelper unbuilt;
        bool logicError = false;
        try
        {
            unbuilt.AssignStreams(1);
        }
        catch (const std::logic_error& e)
        {
            logicError = std::string(e.what()) ==
                         "NetworkScenarioHelper::AssignStreams() needs the network: call "
                         "Build() first";
        }
        NS_TEST_EXPECT_MSG_EQ(logicError, true, "AssignStreams before Build");
        IdealScenarioHelper twice;
        twice.Build();
        logicError = false;
        try
        {
            twice.Build();
        }
        catch (const std::logic_error& e)
        {
            logicError = true;
        }
        NS_TEST_EXPECT_MSG_EQ(logicError, true, "Build twice");
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * The network scenario helpers' bad settings and call-order errors (label network).
 */
class NetworkBadSettingsTestSuite : public TestSuite
{
  public:
    NetworkBadSettingsTestSuite()
        : TestSuite("coded-learning-network-bad-settings", Type::UNIT)
    {
        AddTestCase(new NetworkScenarioBadSettingsTestCase);
    }
};

/// The suite's static instance.
static NetworkBadSettingsTestSuite g_networkBadSettingsTestSuite;
