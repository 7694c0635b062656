// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_FAULT_INJECTION_HELPER_H
#define CODED_LEARNING_FAULT_INJECTION_HELPER_H

#include "ns3/network-scenario.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/vector.h"
#include "ns3/worker-application.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Schedules faults of the workers of a coded-learning run: crashes, link outages and
 * (on Wi-Fi) moves, so that a researcher can study how a scheme copes with them.
 *
 * What each fault models:
 *  - CrashWorker(i, t, APPLICATION): worker i's application stops at t, for good (a process
 *    crash): its queued and running tasks are dropped and its transport closes its socket;
 *    the node and its network interface stay up (UDP datagrams to it are dropped by its
 *    stack, TCP connections are closed).
 *  - CrashWorker(i, t, INTERFACE): worker i's IPv4 interface goes down at t, for good (a
 *    dead network card, or a node that lost power as far as the others can tell): nothing
 *    leaves or enters the worker's IP stack, while its application keeps computing and its
 *    results fail to send. On Wi-Fi the station stays associated and its MAC still
 *    acknowledges frames, which IP then drops.
 *  - CrashWorker(i, t, BOTH): both at t.
 *  - LinkDown(i, from, to): worker i's IPv4 interface is down in [from, to) and up again at
 *    `to` (Ipv4::SetDown / Ipv4::SetUp; the static routes of the interface go and come back,
 *    permanent ARP entries stay): an outage of the worker's link that it recovers from, on
 *    p2p, csma and Wi-Fi alike. Messages sent in the outage are lost (UDP) or retransmitted
 *    after it (TCP).
 *  - MoveWorker(i, t, position): Wi-Fi only; worker i's station is placed at `position` at t
 *    (MobilityModel::SetPosition; the access point is at the origin). Far away (e.g. 1000 m
 *    with the default path loss), no frame gets through: out of range.
 *
 * Use: after CodedLearningHelper::Install() and before Simulator::Run(); the times are
 * absolute simulation times, and a crash must come after the applications' start (an
 * application stopped before it starts would still start). Every method checks its
 * arguments and throws std::invalid_argument naming the method, the argument, its value and
 * what is allowed.
 */
class FaultInjectionHelper
{
  public:
    /// What CrashWorker takes down.
    enum CrashMode
    {
        APPLICATION, //!< stop the worker application
        INTERFACE,   //!< bring the worker's IPv4 interface down
        BOTH,        //!< both
    };

    /**
     * \param scenario the network the workers run on
     * \param workers the worker applications, index i = worker i (CodedLearningHelper::
     *        GetWorkers())
     * \throws std::invalid_argument if the number of workers differs from the scenario's
     */
    FaultInjectionHelper(const NetworkScenario& scenario,
                         const std::vector<Ptr<WorkerApplication>>& workers);

    /**
     * \param name "app", "device" or "both"
     * \return the crash mode
     * \throws std::invalid_argument for another name
     */
    static CrashMode ParseCrashMode(const std::string& name);

    /**
     * Crashes a worker for good.
     * \param index the worker, < n
     * \param at when (absolute simulation time, > now)
     * \param mode what goes down
     * \throws std::invalid_argument for a bad index or time, or INTERFACE/BOTH on "ideal";
     *         std::logic_error for APPLICATION/BOTH once the application was initialised
     *         (the stop is its StopTime, which the simulation reads when it initialises the
     *         node, i.e. at the start of Simulator::Run())
     */
    void CrashWorker(uint32_t index, Time at, CrashMode mode = APPLICATION);

    /**
     * Takes a worker's link down and, unless `to` is zero, up again.
     * \param index the worker, < n
     * \param from start of the outage (absolute simulation time, > now)
     * \param to end of the outage (> from), or zero for an outage that never ends
     * \throws std::invalid_argument for a bad index or times, or on "ideal" (no interfaces)
     */
    void LinkDown(uint32_t index, Time from, Time to);

    /**
     * Moves a Wi-Fi station.
     * \param index the worker, < n
     * \param at when (absolute simulation time, > now)
     * \param position where to (m; the access point is at the origin); finite coordinates
     * \throws std::invalid_argument for a bad index, time or position, or on a network that
     *         is not "wifi"
     */
    void MoveWorker(uint32_t index, Time at, const Vector& position);

    /**
     * \param index the worker, < n
     * \return its current position (Wi-Fi only)
     * \throws std::invalid_argument as MoveWorker
     */
    Vector GetWorkerPosition(uint32_t index) const;

    /// \return the number of faults scheduled so far (each crash, outage and move counts 1)
    uint32_t GetFaultsScheduled() const
    {
        return m_scheduled;
    }

  private:
    /// Throws unless index < n. \param method the caller \param index the worker
    void CheckIndex(const char* method, uint32_t index) const;
    /// Throws unless at > now. \param method the caller \param what the argument \param at it
    static void CheckTime(const char* method, const char* what, Time at);
    /// Throws on "ideal". \param method the caller
    void RequireInterfaces(const char* method) const;
    /// Schedules a change of worker i's interface. \param index worker \param at when \param up
    void ScheduleInterface(uint32_t index, Time at, bool up);

    NetworkScenario m_scenario;                    //!< the network
    std::vector<Ptr<WorkerApplication>> m_workers; //!< the workers
    uint32_t m_scheduled{0};                       //!< faults scheduled
};

} // namespace ns3

#endif // CODED_LEARNING_FAULT_INJECTION_HELPER_H
