// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_FAIR_ADMISSION_QUEUE_DISC_H
#define CODED_LEARNING_FAIR_ADMISSION_QUEUE_DISC_H

#include "lyapunov-admission-controller.h"
#include "lyapunov-admission-policy.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/queue-disc.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * A queue disc with one FIFO class per worker (flow) that applies the perturbed-Lyapunov
 * fair admission rules (coded::LyapunovAdmissionController) to real packets:
 *
 *  - Enqueue is the admission decision, per packet, with Q_i the admitted data of class i
 *    (in data units of DataUnit bytes): Aux admits iff Q_i - theta_i <= Z_i; Direct admits
 *    while the data admitted in the current slot is below
 *    argmax_{[0, A_max]} V w_i g(a) - (Q_i - theta_i) a, computed at the slot start.
 *    A rejected packet is dropped with DropBeforeEnqueue(item, REJECTED_DROP)
 *    (RejectMode Drop) or held back behind the admitted data of its class until the rule
 *    admits it (RejectMode Hold; held packets count in the queue disc size).
 *  - The virtual queues advance once per Slot (lazily, from the simulation time):
 *    Z_i <- max(Z_i - a_i + gamma_i, 0).
 *  - Dequeue is the perturbed max-weight pick over classes with admitted packets:
 *    argmax (Q_i - theta_i) r_i (ties: lowest class), with the relative service rate r_i of
 *    SetServiceRate() (default 1, as on one wired link). If no weight is positive,
 *    WorkConserving (default) serves the best non-empty class anyway; otherwise nothing is
 *    sent until a class exceeds its perturbation.
 *
 * Settings: the rules' settings shared with LyapunovSlotScheduler (Slot, V, the utility, the
 * variant, PerturbationFactor) are the attributes of the LyapunovAdmissionPolicy in the
 * "Policy" attribute (a default one is created when none is given; GetPolicy() returns it),
 * read once at initialisation. A dequeue serves one packet of at most DataUnit bytes, so
 * b_max,i = 1 data unit and theta_i = PerturbationFactor data units (SetPerturbation() sets
 * one class's theta_i). The queue disc's own attributes are NumClasses, DataUnit, MaxSize,
 * MaxArrival (absolute: the queue disc does not know its link's rate), RejectMode and
 * WorkConserving.
 *
 * The getters report the state as of the last Enqueue() or Dequeue(): slots that ended
 * since then are accounted for at the next call.
 *
 * Classes: with packet filters, their result (0..NumClasses-1) is the class; otherwise each
 * new flow (QueueDiscItem::Hash()) takes the next unused class, and once all are used, flow
 * hash modulo NumClasses. So without a filter the class numbers follow the order in which the
 * flows' first packets arrive, not the workers' indices, and a worker with several flows (or
 * more flows than classes) spreads over several classes or shares one:
 * WifiBackhaulScenarioHelper adds a SourceAddressPacketFilter that makes class i worker i.
 *
 * Where it sits: as root queue disc of the device that carries every worker's upload, i.e.
 * the bottleneck egress towards the parameter server (e.g. the access point's or router's
 * device on the server link). Install it with TrafficControlHelper BEFORE
 * Ipv4AddressHelper::Assign, which otherwise installs FqCoDel on devices without a root
 * queue disc.
 *
 * Defaults (ours unless marked; the policy's in LyapunovAdmissionPolicy): NumClasses 10 (c.2
 * workers), DataUnit 1500 B (c.2), MaxArrival 10 data units per slot (120 Mb/s with 1500-B
 * units and 1-ms slots), MaxSize 1000 packets, RejectMode Drop, WorkConserving true (a queue
 * disc that keeps packets while its link is idle would stall the flows through it).
 */
class FairAdmissionQueueDisc : public QueueDisc
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    FairAdmissionQueueDisc();
    ~FairAdmissionQueueDisc() override;

    /// What happens to a packet the admission rule rejects.
    enum RejectMode
    {
        REJECT_DROP, ///< DropBeforeEnqueue(item, REJECTED_DROP)
        REJECT_HOLD  ///< keep it behind the admitted data of its class
    };

    // Reasons for dropping packets
    static constexpr const char* REJECTED_DROP = "Rejected by admission control";   //!< rejected
    static constexpr const char* LIMIT_EXCEEDED_DROP = "Queue disc limit exceeded"; //!< full
    static constexpr const char* UNCLASSIFIED_DROP = "Could not classify packet";   //!< no class

    /**
     * TracedCallback signature of an admission.
     * \param flowClass the class
     * \param bytes the size of the admitted packet
     */
    typedef void (*AdmittedCallback)(uint32_t flowClass, uint32_t bytes);

    /**
     * TracedCallback signature of a rejected (dropped or held) packet.
     * \param flowClass the class
     * \param item the packet
     */
    typedef void (*RejectedCallback)(uint32_t flowClass, Ptr<const QueueDiscItem> item);

    /// \return NumClasses
    uint32_t GetNumClasses() const;

    /**
     * \param flowClass the class \param rate r_i > 0, its relative service rate in the
     * max-weight pick (default 1)
     * \throws std::invalid_argument for rate <= 0, std::out_of_range for a bad class
     */
    void SetServiceRate(uint32_t flowClass, double rate);

    /**
     * \param flowClass the class \param theta theta_i >= 0 (data units); default: the policy's
     * PerturbationFactor (times b_max = 1 data unit)
     * \throws std::invalid_argument for theta < 0, std::out_of_range for a bad class
     */
    void SetPerturbation(uint32_t flowClass, double theta);

    /**
     * \param flowClass the class \param weight w_i > 0 (default 1)
     * \throws std::invalid_argument for weight <= 0, std::out_of_range for a bad class
     */
    void SetUtilityWeight(uint32_t flowClass, double weight);

    /// \param flowClass the class \return Q_i, its admitted data (data units)
    double GetBacklog(uint32_t flowClass) const;
    /// \param flowClass the class \return its held-back data (data units)
    double GetHeld(uint32_t flowClass) const;
    /// \param flowClass the class \return Z_i (data units)
    double GetVirtualBacklog(uint32_t flowClass) const;
    /// \param flowClass the class \return the bytes admitted so far
    uint64_t GetAdmittedBytes(uint32_t flowClass) const;
    /// \param flowClass the class \return the bytes dequeued so far
    uint64_t GetDequeuedBytes(uint32_t flowClass) const;
    /// \param flowClass the class \return the bytes rejected and dropped so far
    uint64_t GetRejectedBytes(uint32_t flowClass) const;
    /// \param flowClass the class \return the packets classified into it so far (every
    /// enqueue attempt: admitted, held back, rejected or dropped)
    uint64_t GetReceivedPackets(uint32_t flowClass) const;
    /// \param flowClass the class \return the bytes of GetReceivedPackets()
    uint64_t GetReceivedBytes(uint32_t flowClass) const;
    /// \param flowClass the class \return the bytes dropped because the queue disc (MaxSize)
    /// or the class's queue was full (rejections not counted)
    uint64_t GetDroppedBytes(uint32_t flowClass) const;
    /// \param flowClass the class \return the packets dequeued so far
    uint64_t GetDequeuedPackets(uint32_t flowClass) const;
    /// \param flowClass the class \return the most bytes the class held at once (admitted and
    /// held back, after an enqueue): the largest queue it had
    uint64_t GetPeakBytes(uint32_t flowClass) const;
    /// \return Jain's index of the admitted bytes of the classes
    double GetJainAdmitted() const;
    /// \return Jain's index of the dequeued bytes of the classes
    double GetJainDequeued() const;

    /// \return the admission policy (the default one unless the Policy attribute was set)
    Ptr<LyapunovAdmissionPolicy> GetPolicy() const;

    /// \return the controller whose rules the queue disc applies (valid after initialisation)
    const coded::LyapunovAdmissionController& GetController() const;

  private:
    /// Admission: enqueues, holds back or drops a packet.
    /// \param item the packet \return true if enqueued or held back
    bool DoEnqueue(Ptr<QueueDiscItem> item) override;
    /// Perturbed max-weight service. \return the next packet, or null
    Ptr<QueueDiscItem> DoDequeue() override;
    /// Checks the configuration (ns3::QueueDisc::CheckConfig). \return true if usable
    bool CheckConfig() override;
    /// Builds the controller from the attributes (ns3::QueueDisc::InitializeParams).
    void InitializeParams() override;
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;
    /// Creates the default policy if the Policy attribute was not given
    /// (ns3::ObjectBase::NotifyConstructionCompleted).
    void NotifyConstructionCompleted() override;

    /// Per-class state.
    struct FlowClass
    {
        uint32_t admittedPackets{0}; //!< admitted packets at the head of the queue
        uint64_t admittedBytes{0};   //!< their bytes
        std::deque<uint32_t> held;   //!< sizes of the held packets behind them, FIFO
        uint64_t heldBytes{0};       //!< bytes held
        double z{0.0};               //!< virtual queue Z_i
        double gamma{0.0};           //!< gamma_i of the current slot
        double budget{0.0};          //!< Direct: admission budget of the current slot
        double admittedInSlot{0.0};  //!< data admitted in the current slot (data units)
        double rate{1.0};            //!< relative service rate r_i
        uint64_t totalAdmitted{0};   //!< bytes admitted so far
        uint64_t totalDequeued{0};   //!< bytes dequeued so far
        uint64_t totalRejected{0};   //!< bytes rejected and dropped so far
        uint64_t receivedPackets{0}; //!< packets classified into the class so far
        uint64_t receivedBytes{0};   //!< their bytes
        uint64_t droppedBytes{0};    //!< bytes dropped as the queue disc or class was full
        uint64_t dequeuedPackets{0}; //!< packets dequeued so far
        uint64_t peakBytes{0};       //!< most bytes held at once (admitted + held back)
    };

    /// \param flowClass a class \throws std::out_of_range if it does not exist
    void CheckClass(uint32_t flowClass) const;

    /**
     * \param flowClass a class (std::out_of_range if it does not exist)
     * \param field a per-class amount
     * \return its value for the class (0 before initialisation)
     */
    template <typename T>
    T ClassValue(uint32_t flowClass, T FlowClass::*field) const
    {
        CheckClass(flowClass);
        return m_classes.empty() ? T{0} : m_classes[flowClass].*field;
    }

    /**
     * \param field a per-class byte count
     * \return Jain's index of it over the classes (1 before initialisation: every class 0)
     */
    double JainOf(uint64_t FlowClass::*field) const;
    /**
     * Checks the argument of a per-class setter.
     * \param flowClass the class
     * \param what the setting, for the message ("service rate")
     * \param value its value: finite and > 0, or >= 0 if zeroAllowed
     * \param zeroAllowed whether 0 is allowed
     * \throws std::out_of_range for a bad class, std::invalid_argument for a bad value
     */
    void CheckClassValue(uint32_t flowClass,
                         const char* what,
                         double value,
                         bool zeroAllowed) const;
    /**
     * Sets a per-class parameter of the controller (theta_i, w_i): on the controller once it
     * exists, else as an override that CheckConfig() hands to the policy.
     * \param flowClass the class
     * \param value the checked value
     * \param set the controller's setter
     * \param overrides the overrides of this parameter
     */
    void SetControllerValue(uint32_t flowClass,
                            double value,
                            void (coded::LyapunovAdmissionController::*set)(uint32_t, double),
                            std::map<uint32_t, double>& overrides);
    /// \param item a packet \return its class, or -1
    int32_t ClassOf(Ptr<QueueDiscItem> item);
    /// Closes the slots that ended since the last call and opens the current one.
    void AdvanceSlots();
    /// Opens slot m_slotIndex: gamma and budgets from the current state.
    void OpenSlot();
    /// \param c class \param units packet size in data units \return whether to admit now
    bool Admits(uint32_t c, double units) const;
    /// \param c class \param bytes the admitted packet's size
    void RecordAdmission(uint32_t c, uint32_t bytes);
    /// Admits held packets of class c while the rule allows. \param c the class
    void AdmitHeld(uint32_t c);
    /// Updates the TracedValues from the class states.
    void UpdateTotals();
    /// Schedules a Run() at the next slot boundary (Hold mode, when only held data is left).
    void ScheduleWake();

    // Attributes
    Ptr<LyapunovAdmissionPolicy> m_policy; //!< the rules' shared settings
    uint32_t m_numClasses;                 //!< N
    uint32_t m_dataUnit;                   //!< bytes per data unit
    double m_maxArrival;                   //!< A_max (data units per slot)
    RejectMode m_rejectMode;               //!< drop or hold
    bool m_workConserving;                 //!< serve below theta if idle

    std::map<uint32_t, double> m_thetaOverrides;  //!< per-class theta set before init
    std::map<uint32_t, double> m_weightOverrides; //!< per-class weight set before init
    std::map<uint32_t, double> m_rateOverrides;   //!< per-class rate set before init

    std::unique_ptr<coded::LyapunovAdmissionController> m_controller; //!< the rules
    Time m_slot;                                                      //!< the policy's slot
    coded::LyapunovAdmissionController::Variant m_variant{
        coded::LyapunovAdmissionController::AUX}; //!< the policy's variant
    std::vector<FlowClass> m_classes;             //!< per-class state
    std::map<uint32_t, uint32_t> m_flowToClass;   //!< flow hash -> class
    int64_t m_slotIndex{-1};                      //!< current slot
    EventId m_wake;                               //!< pending Run()

    TracedValue<double> m_totalBacklog;                                 //!< sum_i Q_i (data units)
    TracedValue<double> m_totalHeld;                                    //!< held data (data units)
    TracedValue<double> m_totalVirtualBacklog;                          //!< sum_i Z_i (data units)
    TracedCallback<uint32_t, uint32_t> m_admittedTrace;                 //!< admissions
    TracedCallback<uint32_t, Ptr<const QueueDiscItem>> m_rejectedTrace; //!< rejections
};

} // namespace ns3

#endif // CODED_LEARNING_FAIR_ADMISSION_QUEUE_DISC_H
