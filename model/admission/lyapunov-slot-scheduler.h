// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_LYAPUNOV_SLOT_SCHEDULER_H
#define CODED_LEARNING_LYAPUNOV_SLOT_SCHEDULER_H

#include "lyapunov-admission-controller.h"
#include "lyapunov-admission-policy.h"
#include "rayleigh-slot-channel.h"
#include "uplink-grant-ledger.h"

#include "ns3/callback.h"
#include "ns3/data-rate.h"
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
 * Channel (attribute Channel):
 * - Rayleigh (the abstract uplink above): the scheduler serves its virtual queues at the
 *   rates of coded::RayleighSlotChannel; a user of Offer() learns from GetDelivered() how much
 *   of its data the virtual channel has carried (the parameter server then lets the worker
 *   send the whole result: the data crosses the network after the virtual channel).
 * - Measured (the real uplink, ours): the scheduler is the uplink. Uploads are registered
 *   with AddUpload() as their chunks; every slot the controller admits data into Q_i and
 *   grants byte budgets b_i(t) = (scheduled data units) x PacketSize, which a
 *   coded::UplinkGrantLedger turns into chunks; the GrantCallback sends them to the worker,
 *   which sends exactly those chunks. Q_i falls by the bytes that arrive
 *   (NotifyChunkArrived(), coded::LyapunovAdmissionController::StepMeasured), not by the
 *   bytes granted; a chunk that has not arrived GrantTimeout after its grant returns to the
 *   pending data of Q_i and is granted again. The capacity r_i(t) Delta of worker i is its
 *   measured goodput (coded::UplinkGrantLedger's estimate, starting at InitialRate, never
 *   below MinRateFactor x InitialRate, and not above InitialRate with CapRate) times the
 *   slot; b_max,i (theta_i and A_max) is InitialRate x Slot: only with CapRate is it the
 *   largest service of a slot, as property 19 and the zero-wasted-service property assume. On Wi-Fi
 * the estimate includes the contention of the other stations and the rate the station manager
 * chose; the station manager's rate itself is not read.
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

    /// Which uplink the scheduler serves.
    enum ChannelKind
    {
        RAYLEIGH, ///< the abstract slotted Rayleigh channel (virtual service)
        MEASURED  ///< the real uplink: chunk grants, service measured by arrivals
    };

    /// Called with (queue, grant) for every grant of the measured channel.
    typedef Callback<void, uint32_t, const coded::ChunkGrant&> GrantCallback;

    /**
     * TracedCallback signature of a grant decision of the measured channel (fired for queues
     * with a positive budget).
     * \param queue the queue (worker) index
     * \param budget b_i(t) in bytes
     * \param granted bytes of the chunks granted (<= budget)
     * \param rate r_i(t) in bytes per second
     */
    typedef void (*GrantedCallback)(uint32_t queue, double budget, double granted, double rate);

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

    /// \return the channel kind (the Channel attribute)
    ChannelKind GetChannelKind() const;

    /**
     * Measured channel: registers an upload of a worker (its bytes join the reservoir R_i).
     * \param queue the worker index
     * \param id the upload
     * \param chunkBytes payload bytes of each of its chunks
     * \throws std::invalid_argument before Start(), with the Rayleigh channel or for a
     *         duplicate upload
     */
    void AddUpload(uint32_t queue,
                   const coded::UploadId& id,
                   const std::vector<uint32_t>& chunkBytes);

    /**
     * Measured channel: a chunk of an upload arrived (Q_i falls by its bytes at the end of
     * the slot). Unknown uploads and chunks that arrived before are ignored.
     * \param queue the worker index \param id the upload \param chunk its index
     * \return the bytes counted (0 if ignored)
     */
    uint64_t NotifyChunkArrived(uint32_t queue, const coded::UploadId& id, uint32_t chunk);

    /// \param cb called for every grant of the measured channel
    void SetGrantCallback(GrantCallback cb);

    /// \return the measured channel's ledger (valid after Start() with the Measured channel)
    const coded::UplinkGrantLedger& GetLedger() const;

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
    /**
     * Adds the trace sources to the TypeId (GetTypeId(): the attributes, then these).
     * \param tid the TypeId with the attributes
     * \return it with the trace sources
     */
    static TypeId AddTraceSources(TypeId tid);
    /// Builds m_controller and m_channel from the attributes.
    void Build();
    /// Processes one slot and schedules the next.
    void RunSlot();
    /// \return the measured channel's data in flight per queue (data units)
    std::vector<double> InFlightUnits() const;
    /// \return the capacity vector of this slot (drawn or measured)
    std::vector<double> Capacities();
    /// Measured channel: turns the scheduled service into chunk grants. \param out the slot
    void GrantChunks(const coded::AdmissionSlotOutcome& out);
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
    ChannelKind m_channelKind;                             //!< Rayleigh or measured
    DataRate m_initialRate;                                //!< measured: initial r_i
    bool m_capRate;                                        //!< measured: r_i <= initial rate
    double m_minRateFactor;                                //!< measured: r_i floor / initial
    double m_rateGain;                                     //!< measured: EWMA weight
    Time m_grantTimeout;                                   //!< measured: grant expiry

    std::map<uint32_t, double> m_snrOverrides;    //!< per-worker mean SNR (dB)
    std::map<uint32_t, double> m_weightOverrides; //!< per-worker utility weight

    std::unique_ptr<coded::LyapunovAdmissionController> m_controller; //!< the controller
    std::unique_ptr<coded::RayleighSlotChannel> m_channel;            //!< the channel
    std::unique_ptr<coded::UplinkGrantLedger> m_ledger;               //!< measured channel
    std::vector<double> m_arrivedInSlot; //!< measured: data units arrived in this slot
    GrantCallback m_grantCallback;       //!< measured: sends the grants
    Ptr<Ns3RandomSource> m_arrivalRng;   //!< arrivals stream
    Ptr<Ns3RandomSource> m_fadingRng;    //!< fading stream
    std::vector<double> m_reservoir;     //!< R_i
    std::vector<double> m_delivered;     //!< delivered so far
    Time m_slot;                         //!< the policy's slot
    EventId m_event;                     //!< next slot end
    uint64_t m_slotCount{0};             //!< slots processed

    TracedValue<double> m_totalBacklog;        //!< sum_i Q_i after the last slot
    TracedValue<double> m_totalVirtualBacklog; //!< sum_i Z_i after the last slot
    TracedValue<double> m_utility;             //!< sum_i w_i g(average admitted_i)
    TracedCallback<uint64_t, double, double, double> m_slotTrace;    //!< end of a slot
    TracedCallback<uint32_t, double, double> m_admittedTrace;        //!< admission decisions
    TracedCallback<uint32_t, double, double> m_servedTrace;          //!< service decisions
    TracedCallback<uint32_t, double, double> m_backlogTrace;         //!< per-queue state
    TracedCallback<uint32_t, double, double, double> m_grantedTrace; //!< grant decisions
};

} // namespace ns3

#endif // CODED_LEARNING_LYAPUNOV_SLOT_SCHEDULER_H
