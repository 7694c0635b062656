// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CODED_LEARNING_HELPER_H
#define CODED_LEARNING_CODED_LEARNING_HELPER_H

#include "ns3/application-container.h"
#include "ns3/gradient-code.h"
#include "ns3/learning-setup.h"
#include "ns3/network-scenario.h"
#include "ns3/object-factory.h"
#include "ns3/parameter-server-application.h"
#include "ns3/worker-application.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Installs a parameter server and its workers on the nodes of a NetworkScenario, with
 * their message transports (UDP on a real network, direct delivery on the ideal one).
 *
 * \code
 *   CodedLearningHelper learning;
 *   learning.SetLearningSetup(setup);
 *   learning.SetServerAttribute("Scheme", StringValue("cyclic-repetition"));
 *   learning.SetComputeTimeAttribute("Rate", DoubleValue(2.0));
 *   learning.SetSlowWorkers({3, 7}, 4.0);
 *   ApplicationContainer apps = learning.Install(scenario); // server first, then workers
 *   learning.AssignStreams(100);
 * \endcode
 */
class CodedLearningHelper
{
  public:
    CodedLearningHelper();

    /// \param setup the learning task shared by all applications
    void SetLearningSetup(Ptr<LearningSetup> setup);

    /// \param params coding parameters (numWorkers is set by Install)
    void SetCodingParameters(const coded::CodingParameters& params);

    /**
     * \param name an attribute of ns3::ParameterServerApplication
     * \param value its value
     */
    void SetServerAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param name an attribute of ns3::WorkerApplication
     * \param value its value
     */
    void SetWorkerAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param name an attribute of ns3::ComputeTimeModel, set on every worker's model
     * \param value its value
     */
    void SetComputeTimeAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param kind the transport on real networks: "udp" (default) or "tcp" (the ideal
     *        network always passes messages directly)
     */
    void SetTransport(const std::string& kind);

    /**
     * \param name an attribute of ns3::UdpMessageTransport or ns3::TcpMessageTransport (set on
     *        whichever of the two has it)
     * \param value its value
     */
    void SetTransportAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param kind how the model reaches the workers: "unicast" (default) or "broadcast" (one
     *        copy per iteration to the subnet's broadcast address, lost chunks NACKed and sent
     *        again; only UDP on one subnet with link-layer broadcast: "wifi" or "csma";
     *        Install() refuses the rest)
     * \throws std::invalid_argument for another kind
     */
    void SetModelDelivery(const std::string& kind);
    /**
     * \param workers indices of persistently slow workers
     * \param slowdown their ComputeTimeModel SlowdownFactor (>= 1)
     */
    void SetSlowWorkers(const std::vector<uint32_t>& workers, double slowdown);

    /// \param port the UDP port of server and workers
    void SetPort(uint16_t port);

    /**
     * Govern the workers' uplink with a perturbed-Lyapunov slot scheduler at the server
     * (ParameterServerApplication::SetAdmission; workers get UplinkAdmission on).
     * \param scheduler a configured scheduler in Reservoir arrival mode, or nullptr for none
     */
    void SetAdmission(Ptr<LyapunovSlotScheduler> scheduler);

    /**
     * \param scenario the network (ideal or real)
     * \return the applications: the server first, then worker 0..n-1
     */
    ApplicationContainer Install(const NetworkScenario& scenario);

    /// \return the server installed by the last Install()
    Ptr<ParameterServerApplication> GetServer() const;

    /// \return the workers installed by the last Install()
    const std::vector<Ptr<WorkerApplication>>& GetWorkers() const;

    /// \return the server's message transport installed by the last Install()
    Ptr<MessageTransport> GetServerTransport() const;

    /**
     * \param i a worker index
     * \return worker i's message transport installed by the last Install()
     */
    Ptr<MessageTransport> GetWorkerTransport(uint32_t i) const;

    /**
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    Ptr<LearningSetup> m_setup;                            //!< learning task
    coded::CodingParameters m_coding;                      //!< coding parameters
    ObjectFactory m_serverFactory;                         //!< server
    ObjectFactory m_workerFactory;                         //!< workers
    ObjectFactory m_computeFactory;                        //!< compute-time models
    ObjectFactory m_udpFactory;                            //!< UDP transports
    ObjectFactory m_tcpFactory;                            //!< TCP transports
    std::string m_transport{"udp"};                        //!< transport on real networks
    std::string m_modelDelivery{"unicast"};                //!< unicast or broadcast
    std::vector<uint32_t> m_slowWorkers;                   //!< slow set
    double m_slowdown{1.0};                                //!< their slow-down
    uint16_t m_port{9000};                                 //!< UDP port
    Ptr<LyapunovSlotScheduler> m_admission;                //!< uplink scheduler (optional)
    Ptr<ParameterServerApplication> m_server;              //!< last server
    std::vector<Ptr<WorkerApplication>> m_workers;         //!< last workers
    Ptr<MessageTransport> m_serverTransport;               //!< last server transport
    std::vector<Ptr<MessageTransport>> m_workerTransports; //!< last worker transports
};

} // namespace ns3

#endif // CODED_LEARNING_CODED_LEARNING_HELPER_H
