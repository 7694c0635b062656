// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_NETWORK_SCENARIO_HELPER_H
#define CODED_LEARNING_NETWORK_SCENARIO_HELPER_H

#include "network-scenario.h"
#include "network-settings.h"

#include "ns3/callback.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address.h"
#include "ns3/network-ready-signal.h"
#include "ns3/nstime.h"
#include "ns3/traffic-control-helper.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class ErrorModel;
class FlowMonitor;
class FlowMonitorHelper;
class NetDevice;
struct StaticArpPair;

/**
 * \ingroup coded-learning
 * \brief The base of the network scenario helpers: builds the network between one parameter
 * server and n workers. One subclass per topology (WifiScenarioHelper, CsmaScenarioHelper,
 * PointToPointScenarioHelper, IdealScenarioHelper), chosen by name through
 * NetworkScenarioFactory.
 *
 * The base holds what every topology shares: the number of workers, the server and worker
 * nodes, the address plan, the loss settings and error models, the server's root queue disc,
 * the random streams, PCAP and the flow monitor, and the ready signal. Build() is a template
 * method: nodes, devices and (Wi-Fi) mobility (InstallDevices), error models (attached by
 * AttachErrorModel), internet stack and addresses (InstallInternet), the ready signal
 * (ScheduleReady). A subclass implements the steps of its topology.
 *
 * Loss: a packet error model (RateErrorModel with a packet unit, or BurstErrorModel) on the
 * receiving side, with separate rates for the uplink (received by the server's devices) and
 * the downlink (received by the workers' devices).
 *
 * Addresses: one IPv4 network (default 10.1.0.0/16), one subnet by default (server .0.1,
 * worker i at the (i+2)-th address); PointToPointScenarioHelper splits it into /30 subnets.
 *
 * Every setter checks its value and throws std::invalid_argument with a message naming the
 * setting, the value and what is allowed; Build() also checks the combination (Validate()).
 * Order of use: setters, Build(), AssignStreams(), EnablePcap() / EnableFlowMonitor(),
 * Simulator::Run(), WriteFlowMonitor(). The helper must outlive the simulation when the flow
 * monitor is enabled.
 */
class NetworkScenarioHelper
{
  public:
    virtual ~NetworkScenarioHelper();
    NetworkScenarioHelper(const NetworkScenarioHelper&) = delete;
    NetworkScenarioHelper& operator=(const NetworkScenarioHelper&) = delete;

    /// \return the topology's name, as NetworkScenarioFactory knows it, e.g. "wifi"
    virtual std::string GetKind() const = 0;

    /**
     * \param n the number of workers, at least 1 (default 4); the upper bound depends on the
     *          topology and the address plan and is checked by Build() (see GetMaxWorkers())
     */
    void SetNumWorkers(uint32_t n);
    /// \return the number of workers
    uint32_t GetNumWorkers() const;

    /**
     * \param rate the long-run fraction of packets lost on the uplink (received by the
     *        server's devices), in [0, 1] (default 0: no error model)
     */
    void SetUplinkLossRate(double rate);
    /**
     * \param rate the long-run fraction of packets lost on the downlink (received by the
     *        workers' devices), in [0, 1] (default 0: no error model)
     */
    void SetDownlinkLossRate(double rate);
    /**
     * \param model "rate" (default: independent losses, RateErrorModel with a packet unit)
     *        or "burst" (BurstErrorModel: a loss starts a burst of BurstLength packets; the
     *        burst-start probability is chosen so that the long-run loss rate is the one set)
     */
    void SetLossModel(const std::string& model);
    /**
     * \param packets the packets lost per burst of the "burst" loss model, >= 1 (default 4)
     */
    void SetLossBurstLength(uint32_t packets);

    /**
     * \param network the IPv4 network of the address plan in CIDR form, e.g. "10.1.0.0/16"
     *        (default); the host bits must be zero; prefix 8..30 (Build() checks the number
     *        of workers against it)
     */
    void SetIpv4Network(const std::string& network);
    /**
     * \param packets the ARP PendingQueueSize of every interface built here: packets kept
     *        while an address is being resolved, >= 1 (default 1024; ns-3's default is 3,
     *        which drops most of a burst sent to a new neighbour)
     */
    void SetArpPendingQueueSize(uint32_t packets);
    /**
     * \param enable whether the server's and the workers' ARP caches are filled with each
     *        other's MAC addresses as permanent entries when the addresses are assigned
     *        (default true), so that no ARP packet is ever sent. ARP is not what the
     *        simulations study: in a large Wi-Fi cell each ARP broadcast reaches every
     *        station (n^2 receptions at start-up, and lost broadcasts cost a 1 s retry), and
     *        ns-3 re-resolves every address after the 120 s ArpCache AliveTimeout, which would
     *        show as delay spikes in iteration times. false: ns-3's dynamic ARP.
     *        (Point-to-point links use no ARP.)
     */
    void SetStaticArp(bool enable);

    /**
     * Installs the root queue disc(s) of this helper on the server's device(s) (the AP on
     * Wi-Fi, every link on the point-to-point star) before the addresses are assigned.
     * Without it the server's devices get ns-3's default (FqCoDel, or mq with FqCoDel on
     * Wi-Fi with QoS).
     * \param tch the traffic-control helper to install (copied)
     */
    void SetServerQueueDisc(const TrafficControlHelper& tch);

    /**
     * \return the largest number of workers the topology and the current address plan allow
     */
    virtual uint32_t GetMaxWorkers() const = 0;

    /**
     * Checks the combination of the settings: the worker count against the address plan,
     * then the topology's own checks (e.g. per-worker list lengths, the Wi-Fi standard
     * against band, width and constant mode).
     * \throws std::invalid_argument naming the setting, the value and what is allowed
     */
    void Validate() const;

    /**
     * Creates the nodes and the topology's devices, error models, internet stack (IPv4
     * only), server queue disc, addresses and mobility. Call once.
     * \return the scenario
     * \throws std::invalid_argument as Validate(); std::logic_error if called twice
     */
    NetworkScenario Build();

    /**
     * Sets what is called, once, when the network can carry traffic between the server and
     * every worker: on Wi-Fi when every station is associated, otherwise at time 0. Call
     * before Simulator::Run(). With loss on Wi-Fi the association may take long or never
     * complete (loss rate 1): keep a fallback timer.
     * \param callback the callback
     */
    void SetReadyCallback(Callback<void> callback);
    /// \return whether the network became ready (see SetReadyCallback)
    bool IsReady() const;
    /// \return when the network became ready (meaningful once IsReady())
    Time GetReadyTime() const;
    /**
     * \return the workers connected to the server now: on Wi-Fi the stations associated with
     *         the access point, otherwise every worker (a link down is a fault, not a missing
     *         connection)
     */
    virtual uint32_t GetConnectedWorkers() const;

    /**
     * Fixes the random streams of everything random this helper installed: the internet
     * stack, then the topology's devices and placement (DoAssignStreams), then the error
     * models. Call after Build() and before the simulation starts.
     * \param stream the first stream number to use
     * \return the number of streams used
     * \throws std::logic_error before Build()
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * Writes one PCAP file per device, "<prefix>-<node>-<device>.pcap" (radiotap headers,
     * DLT_IEEE802_11_RADIO, on Wi-Fi). Nothing without devices ("ideal"). Call after Build().
     * \param prefix the file name prefix (may include a folder)
     * \throws std::logic_error before Build()
     */
    void EnablePcap(const std::string& prefix);

    /**
     * Installs a FlowMonitor on every node (nothing for "ideal"). Call after Build().
     * \throws std::logic_error before Build()
     */
    void EnableFlowMonitor();

    /// \return the flow monitor, or nullptr if not enabled (or "ideal")
    Ptr<FlowMonitor> GetFlowMonitor() const;

    /**
     * Writes the flow monitor's statistics with the IPv4 flow classifier as XML (for "ideal",
     * an empty FlowMonitor document). Call after the simulation ran.
     * \param path the output file
     * \param histograms whether to include the delay, jitter and size histograms
     * \throws std::logic_error if EnableFlowMonitor() was not called; std::runtime_error if
     *         the file cannot be written
     */
    void WriteFlowMonitor(const std::string& path, bool histograms = false);

  protected:
    /**
     * Applies the common fields of the settings through the setters.
     * \param settings the settings
     * \throws std::invalid_argument for a bad value
     */
    explicit NetworkScenarioHelper(const NetworkSettings& settings);

    /// \return the topology's name in messages, e.g. "Wi-Fi"
    virtual std::string GetDisplayName() const = 0;

    /**
     * \param maxWorkers GetMaxWorkers()
     * \return the message for more workers than GetMaxWorkers(); by default the address
     *         plan's, with AddressPlanUnit()
     */
    virtual std::string TooManyWorkersMessage(uint32_t maxWorkers) const;

    /// \return what the address plan gives each worker, in messages (default "one subnet")
    virtual std::string AddressPlanUnit() const;

    /// The topology's checks (after the common ones). \throws std::invalid_argument
    virtual void DoValidate() const;

    /**
     * Installs the topology's devices (the server's first in serverDevices, worker i's at
     * index i of workerDevices) and anything that goes with them (Wi-Fi: the MAC settings,
     * the association tracking and the mobility).
     * \param scenario the scenario with its nodes, to fill
     */
    virtual void InstallDevices(NetworkScenario& scenario) = 0;

    /**
     * Attaches a receive error model to a device (by default its "ReceiveErrorModel").
     * \param device the receiving device
     * \param model the error model
     */
    virtual void AttachErrorModel(Ptr<NetDevice> device, Ptr<ErrorModel> model);

    /**
     * Installs IPv4, the server's queue disc, the addresses (AssignAddresses), the ARP
     * pending queue size and the static ARP entries (AddStaticArpPair).
     * \param scenario the result to fill
     */
    virtual void InstallInternet(NetworkScenario& scenario);

    /**
     * Assigns the addresses of the single-subnet plan: the server the first host address,
     * worker i the (i+2)-th.
     * \param scenario the result to fill (serverAddresses, workerAddresses)
     */
    virtual void AssignAddresses(NetworkScenario& scenario);

    /**
     * Makes the static ARP entries of one worker (called for every worker, in order, with
     * SetStaticArp(true)); by default at once.
     * \param pair the worker's and the server's device and address
     */
    virtual void AddStaticArpPair(const StaticArpPair& pair);

    /// Arranges for the ready signal to fire: by default at time 0.
    virtual void ScheduleReady();

    /**
     * Fixes the random streams of the topology's devices and placement; called by
     * AssignStreams() after the internet stack's streams and before the error models'.
     * \param stream the first stream number to use
     * \return the number of streams used (default: 0)
     */
    virtual int64_t DoAssignStreams(int64_t stream);

    /**
     * Writes one PCAP file per device.
     * \param prefix the file name prefix
     */
    virtual void DoEnablePcap(const std::string& prefix) = 0;

    /// \return the network address of the plan
    Ipv4Address GetNetworkAddress() const;
    /// \return the network mask of the plan
    Ipv4Mask GetNetworkMask() const;
    /// \return the prefix length of the plan
    uint32_t GetPrefixLength() const;
    /// \return the number of workers one subnet of the plan holds: 2^(32-prefix) - 3
    uint32_t GetSubnetCapacity() const;
    /// \return the scenario built (valid after Build())
    const NetworkScenario& GetScenario() const;
    /// \return the ready signal
    Ptr<NetworkReadySignal> GetReadySignal() const;

  private:
    /// Throws std::logic_error unless Build() ran. \param method the caller's name
    void RequireBuilt(const std::string& method) const;
    /// Installs the error models. \param scenario the scenario built so far
    void InstallErrorModels(const NetworkScenario& scenario);
    /// \return a new error model for the given loss rate. \param rate the loss rate in (0, 1]
    Ptr<ErrorModel> CreateErrorModel(double rate) const;

    // Settings
    uint32_t m_numWorkers;                  //!< number of workers
    double m_uplinkLoss;                    //!< uplink loss rate
    double m_downlinkLoss;                  //!< downlink loss rate
    std::string m_lossModel;                //!< "rate" or "burst"
    uint32_t m_burstLength;                 //!< packets per burst
    Ipv4Address m_network;                  //!< network address of the plan
    Ipv4Mask m_mask;                        //!< network mask of the plan
    uint32_t m_prefixLength;                //!< prefix length of the plan
    uint32_t m_arpPendingQueueSize;         //!< ARP PendingQueueSize
    bool m_staticArp;                       //!< whether the ARP caches are filled statically
    bool m_hasServerQueueDisc;              //!< whether SetServerQueueDisc was called
    TrafficControlHelper m_serverQueueDisc; //!< the server's root queue disc helper

    // Built state
    bool m_built;                               //!< whether Build() ran
    NetworkScenario m_scenario;                 //!< the scenario built
    InternetStackHelper m_internet;             //!< internet stack helper (for AssignStreams)
    std::vector<Ptr<ErrorModel>> m_errorModels; //!< every error model installed
    std::unique_ptr<FlowMonitorHelper> m_flowMonitorHelper; //!< kept alive for the monitor
    Ptr<FlowMonitor> m_flowMonitor;                         //!< the flow monitor, if enabled
    bool m_flowMonitorEnabled;                              //!< whether EnableFlowMonitor ran
    Ptr<NetworkReadySignal> m_readySignal;                  //!< fired when the network is ready
};

} // namespace ns3

#endif // CODED_LEARNING_NETWORK_SCENARIO_HELPER_H
