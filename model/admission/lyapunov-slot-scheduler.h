// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_LYAPUNOV_SLOT_SCHEDULER_H
#define CODED_LEARNING_LYAPUNOV_SLOT_SCHEDULER_H

#include "lyapunov-admission-controller.h"
#include "lyapunov-admission-policy.h"
#include "rayleigh-slot-channel.h"

#include "ns3/event-id.h"
#include "ns3/ns3-random-source.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <map>
#include <memory>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * Runs the perturbed-Lyapunov admission controller (coded::LyapunovAdmissionController) on a
 * slot timer, over the abstract slotted uplink of algorithms.md c.2 (coded::RayleighSlotChannel):
 * N workers' uplink queues share one channel; every slot the controller admits data, picks
 * who transmits (max-weight on (Q_i - theta_i) r_i(t)) and updates the queues.
 *
 * Units: one data unit is PacketSize bytes (default 1500 B, algorithms.md c.2); backlogs,
 * arrivals, service, theta and A_max in the traces and getters are in data units (per slot
 * where they are rates); Offer() takes bytes.
 *
 * Settings: the rules' settings shared with FairAdmissionQueueDisc (Slot, V, the utility, the
 * variant, PerturbationFactor) are the attributes of the LyapunovAdmissionPolicy in the
 * "Policy" attribute (a default one is created when none is given; GetPolicy() returns it).
 * The scheduler's own attributes are the number of queues, the data unit (PacketSize), what
 * follows from its channel (A_max = MaxArrivalFactor max_i b_max,i, Scheduling,
 * ResourceBlocks, the channel's parameters), ArrivalMode and WorkConserving.
 *
 * Time: after Start() at time t0, slot k (k = 0, 1, ...) covers [t0 + k Slot, t0 + (k+1) Slot)
 * and is processed at its end, t0 + (k+1) Slot: the data offered during the slot are its
 * arrivals A_i(k), the data it delivered are reported then (they have been received). Data
 * admitted in slot k is served from slot k + 1 on.
 *
 * Arrivals: RANDOM_ARRIVALS draws A_i(k) ~ U[0, A_max] (the canonical flow-control mode of
 * c.4; data not admitted is dropped); RESERVOIR takes the data given to Offer() (gradient
 * upload mode of c.4): A_i(k) = min(R_i, A_max), data not admitted stays in the reservoir R_i.
 *
 * Defaults (algorithms.md c.2 unless marked "ours"; the policy's in LyapunovAdmissionPolicy):
 * N = 10, TDMA, A_max = 1.5 max_i b_max,i, W = 1 MHz, Rayleigh fading capped at its 99th
 * percentile, mean SNR 10 dB for every worker (ours; c.2 only gives the 0-20 dB range; see
 * SetMeanSnrDb()), one resource block, WorkConserving false (ours: the canonical controller of
 * c.4 leaves a slot idle that no queue above its perturbation wants).
 *
 * With Reservoir arrivals and a positive perturbation, the last theta_i of worker i's data
 * is only sent when more data arrives (the perturbed controller serves queues above theta):
 * set WorkConserving to true when every upload must complete.
 *
 * The attributes, the policy and the per-queue settings are read by the first Start(); later
 * changes have no effect.
 */
class LyapunovSlotScheduler : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LyapunovSlotScheduler();
    ~LyapunovSlotScheduler() override;

    /// Where the arrivals come from.
    enum ArrivalMode
    {
        RANDOM_ARRIVALS, ///< A_i ~ U[0, A_max] each slot; data not admitted is dropped
        RESERVOIR        ///< A_i = min(R_i, A_max) from Offer(); data not admitted waits
    };

    /**
     * TracedCallback signature of the end of a slot.
     * \param slot the slot index k (from 0)
     * \param admitted total data admitted in the slot (data units)
     * \param delivered total data delivered in the slot (data units)
     * \param wasted total service scheduled on empty queues (data units)
     */
    typedef void (*SlotCallback)(uint64_t slot, double admitted, double delivered, double wasted);

    /**
     * TracedCallback signature of an admission decision (fired for queues with offered > 0).
     * \param queue the queue (worker) index
     * \param offered A_i (data units)
     * \param admitted a_i (data units)
     */
    typedef void (*AdmittedCallback)(uint32_t queue, double offered, double admitted);

    /**
     * TracedCallback signature of a service decision (fired for queues with scheduled > 0).
     * \param queue the queue (worker) index
     * \param scheduled b_i (data units)
     * \param delivered min(Q_i, b_i) (data units)
     */
    typedef void (*ServedCallback)(uint32_t queue, double scheduled, double delivered);

    /**
     * TracedCallback signature of a queue's state after a slot.
     * \param queue the queue (worker) index
     * \param backlog Q_i (data units)
     * \param virtualBacklog Z_i (data units)
     */
    typedef void (*BacklogCallback)(uint32_t queue, double backlog, double virtualBacklog);

    /**
     * Sets the mean SNR of one worker (default: the MeanSnrDb attribute). Call before Start().
     * \param queue the worker index (< NumQueues)
     * \param db the mean SNR in dB
     * \throws std::invalid_argument if already started, or std::out_of_range for a bad index
     */
    void SetMeanSnrDb(uint32_t queue, double db);

    /**
     * Sets the utility weight w_i of one worker (default 1). Call before Start().
     * \param queue the worker index (< NumQueues)
     * \param weight w_i > 0
     * \throws std::invalid_argument if already started or weight <= 0, or std::out_of_range
     */
    void SetUtilityWeight(uint32_t queue, double weight);

    /// \return the admission policy (the default one unless the Policy attribute was set)
    Ptr<LyapunovAdmissionPolicy> GetPolicy() const;

    /**
     * Builds the controller and the channel from the attributes (first call only) and starts
     * the slot timer: the first slot ends one Slot from now.
     * \throws std::invalid_argument if the configuration is inconsistent
     */
    void Start();

    /// Stops the slot timer (the slot in progress is not processed); Start() resumes.
    void Stop();

    /// \return whether the slot timer runs
    bool IsRunning() const;

    /**
     * Adds data to worker i's reservoir (RESERVOIR mode).
     * \param queue the worker index
     * \param bytes the amount of data in bytes
     */
    void Offer(uint32_t queue, uint64_t bytes);

    /**
     * Drops worker i's reservoir and queue (e.g. when its gradient is no longer needed).
     * \param queue the worker index
     * \return the data dropped (data units)
     */
    double Flush(uint32_t queue);

    /// \param queue the worker index \return its reservoir R_i (data units)
    double GetReservoir(uint32_t queue) const;

    /// \param queue the worker index \return the data delivered so far (data units)
    double GetDelivered(uint32_t queue) const;

    /// \return the number of slots processed
    uint64_t GetSlotCount() const;

    /// Restarts the controller's time averages (e.g. at the end of a warm-up); no-op before
    /// Start().
    void ResetMetrics();

    /// \return the controller (valid after Start())
    const coded::LyapunovAdmissionController& GetController() const;

    /// \return the channel (valid after Start())
    const coded::RayleighSlotChannel& GetChannel() const;

    /// \return the number of bytes of one data unit
    uint32_t GetPacketSize() const;

    /**
     * Fixes the random streams of the arrivals and the fading.
     * \param stream the first stream index to use
     * \return the number of streams used (2)
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;
    /// Creates the default policy if the Policy attribute was not given
    /// (ns3::ObjectBase::NotifyConstructionCompleted).
    void NotifyConstructionCompleted() override;

  private:
    /// Builds m_controller and m_channel from the attributes.
    void Build();
    /// Processes one slot and schedules the next.
    void RunSlot();
    /// \param queue an index \throws std::out_of_range if queue >= NumQueues
    void CheckQueue(uint32_t queue) const;
    /// \param what the operation, for the message \throws std::invalid_argument if already built
    void CheckNotBuilt(const char* what) const;

    // Attributes
    Ptr<LyapunovAdmissionPolicy> m_policy;                 //!< the rules' shared settings
    uint32_t m_numQueues;                                  //!< N
    coded::LyapunovAdmissionController::Scheduling m_mode; //!< scheduling mode
    uint32_t m_resourceBlocks;                             //!< M
    double m_maxArrivalFactor;                             //!< A_max / max_i b_max,i
    bool m_workConserving;                                 //!< serve below theta if idle
    ArrivalMode m_arrivalMode;                             //!< where arrivals come from
    uint32_t m_packetSize;                                 //!< bytes per data unit
    double m_bandwidth;                                    //!< W (Hz)
    double m_meanSnrDb;                                    //!< default mean SNR (dB)
    bool m_fading;                                         //!< Rayleigh fading on/off
    double m_fadingCapQuantile;                            //!< cap quantile of h

    std::map<uint32_t, double> m_snrOverrides;    //!< per-worker mean SNR (dB)
    std::map<uint32_t, double> m_weightOverrides; //!< per-worker utility weight

    std::unique_ptr<coded::LyapunovAdmissionController> m_controller; //!< the controller
    std::unique_ptr<coded::RayleighSlotChannel> m_channel;            //!< the channel
    Ptr<Ns3RandomSource> m_arrivalRng;                                //!< arrivals stream
    Ptr<Ns3RandomSource> m_fadingRng;                                 //!< fading stream
    std::vector<double> m_reservoir;                                  //!< R_i
    std::vector<double> m_delivered;                                  //!< delivered so far
    Time m_slot;                                                      //!< the policy's slot
    EventId m_event;                                                  //!< next slot end
    uint64_t m_slotCount{0};                                          //!< slots processed

    TracedValue<double> m_totalBacklog;        //!< sum_i Q_i after the last slot
    TracedValue<double> m_totalVirtualBacklog; //!< sum_i Z_i after the last slot
    TracedValue<double> m_utility;             //!< sum_i w_i g(average admitted_i)
    TracedCallback<uint64_t, double, double, double> m_slotTrace; //!< end of a slot
    TracedCallback<uint32_t, double, double> m_admittedTrace;     //!< admission decisions
    TracedCallback<uint32_t, double, double> m_servedTrace;       //!< service decisions
    TracedCallback<uint32_t, double, double> m_backlogTrace;      //!< per-queue state
};

} // namespace ns3

#endif // CODED_LEARNING_LYAPUNOV_SLOT_SCHEDULER_H
