// SPDX-License-Identifier: GPL-2.0-only
//
// What the network scenarios record: EnablePcap writes one PCAP per device with the link type
// of the network kind, and the flow monitor's XML lists one flow per worker and direction.

#include "network-scenario-test.h"

#include "ns3/flow-monitor.h"
#include "ns3/network-scenario-factory.h"
#include "ns3/point-to-point-scenario-helper.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;
using namespace codedlearningtest;

/**
 * \ingroup coded-learning
 * EnablePcap writes one file per device with the link type of the kind (radiotap on Wi-Fi).
 */
class NetworkScenarioPcapTestCase : public TestCase
{
  public:
    /// \param kind the network kind
    NetworkScenarioPcapTestCase(const std::string& kind)
        : TestCase(kind + ": EnablePcap writes one PCAP per device with the right link type"),
          m_kind(kind)
    {
    }

  private:
    void DoRun() override
    {
        FixSeed();
        const std::string prefix = CreateTempDirFilename(m_kind);
        std::vector<std::string> names;
        {
            std::unique_ptr<NetworkScenarioHelper> helper = MakeHelper(m_kind);
            helper->SetNumWorkers(3);
            NetworkScenario s = helper->Build();
            helper->AssignStreams(10);
            helper->EnablePcap(prefix);
            for (uint32_t i = 0; i < s.devices.GetN(); ++i)
            {
                std::ostringstream name;
                name << prefix << "-" << s.devices.Get(i)->GetNode()->GetId() << "-"
                     << s.devices.Get(i)->GetIfIndex() << ".pcap";
                names.push_back(name.str());
            }
            EchoRun echo;
            echo.Run(s, 1, Seconds(1), Seconds(2));
            Simulator::Destroy();
        }
        // The files are complete once the devices are freed: after Simulator::Destroy(), when
        // the helper and the scenario (which hold the devices) are gone.

        // DLT_EN10MB 1, DLT_PPP 9, DLT_IEEE802_11_RADIO 127
        const uint32_t linkType = m_kind == "wifi" ? 127 : m_kind == "csma" ? 1 : 9;
        NS_TEST_ASSERT_MSG_EQ(names.size(), (m_kind == "p2p" ? 6u : 4u), "devices");
        for (const auto& name : names)
        {
            std::ifstream in(name.c_str(), std::ios::binary);
            NS_TEST_EXPECT_MSG_EQ(in.good(), true, "missing " << name);
            uint32_t header[6] = {0, 0, 0, 0, 0, 0};
            in.read(reinterpret_cast<char*>(header), sizeof(header));
            NS_TEST_EXPECT_MSG_EQ(header[0], 0xa1b2c3d4, "pcap magic of " << name);
            NS_TEST_EXPECT_MSG_EQ(header[5], linkType, "link type of " << name);
            in.seekg(0, std::ios::end);
            NS_TEST_EXPECT_MSG_GT(static_cast<uint64_t>(in.tellg()), 24, "packets in " << name);
            in.close();
            RemoveTempFile(name);
        }
    }

    std::string m_kind; //!< network kind
};

/**
 * \ingroup coded-learning
 * EnableFlowMonitor and WriteFlowMonitor: one flow per direction and worker, written as XML
 * with the IPv4 classifier.
 */
class NetworkScenarioFlowMonitorTestCase : public TestCase
{
  public:
    NetworkScenarioFlowMonitorTestCase()
        : TestCase("p2p: the flow monitor XML lists one flow per worker and direction")
    {
    }

  private:
    void DoRun() override
    {
        FixSeed();
        PointToPointScenarioHelper helper;
        helper.SetNumWorkers(3);
        NetworkScenario s = helper.Build();
        helper.AssignStreams(10);
        helper.EnableFlowMonitor();
        NS_TEST_ASSERT_MSG_EQ((helper.GetFlowMonitor() != nullptr), true, "monitor");
        EchoRun echo;
        echo.Run(s, 2, Seconds(1), Seconds(2));
        const std::string path = CreateTempDirFilename("flowmon.xml");
        helper.WriteFlowMonitor(path);
        Simulator::Destroy();

        std::ifstream in(path.c_str());
        std::stringstream text;
        text << in.rdbuf();
        const std::string xml = text.str();
        uint32_t flows = 0;
        for (auto at = xml.find("sourceAddress="); at != std::string::npos;
             at = xml.find("sourceAddress=", at + 1))
        {
            ++flows;
        }
        NS_TEST_EXPECT_MSG_EQ(flows, 6, "3 workers x 2 directions");
        NS_TEST_EXPECT_MSG_NE(xml.find("txPackets=\"2\""), std::string::npos, "counts");
        RemoveTempFile(path);

        bool runtimeError = false;
        try
        {
            helper.WriteFlowMonitor("/nonexistent-folder/flowmon.xml");
        }
        catch (const std::runtime_error& e)
        {
            runtimeError = std::string(e.what()) ==
                           "cannot write the flow monitor file '/nonexistent-folder/flowmon.xml'";
        }
        NS_TEST_EXPECT_MSG_EQ(runtimeError, true, "unwritable path");
    }
};

/**
 * \ingroup coded-learning
 * The network scenarios' PCAP files and flow monitor (label network).
 */
class NetworkCaptureTestSuite : public TestSuite
{
  public:
    NetworkCaptureTestSuite()
        : TestSuite("coded-learning-network-capture", Type::UNIT)
    {
        for (const char* kind : {"wifi", "csma", "p2p"})
        {
            AddTestCase(new NetworkScenarioPcapTestCase(kind));
        }
        AddTestCase(new NetworkScenarioFlowMonitorTestCase);
    }
};

/// The suite's static instance.
static NetworkCaptureTestSuite g_networkCaptureTestSuite;
