// SPDX-License-Identifier: GPL-2.0-only
#include "fair-admission-queue-disc.h"

#include "admission-metrics.h"

#include "ns3/boolean.h"
#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/double.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/object-factory.h"
#include "ns3/packet-filter.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FairAdmissionQueueDisc");

NS_OBJECT_ENSURE_REGISTERED(FairAdmissionQueueDisc);

TypeId
FairAdmissionQueueDisc::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::FairAdmissionQueueDisc")
            .SetParent<QueueDisc>()
            .SetGroupName("CodedLearning")
            .AddConstructor<FairAdmissionQueueDisc>()
            .AddAttribute("MaxSize",
                          "The maximum number of packets (or bytes) held by the queue disc, "
                          "admitted and held back together.",
                          QueueSizeValue(QueueSize("1000p")),
                          MakeQueueSizeAccessor(&QueueDisc::SetMaxSize, &QueueDisc::GetMaxSize),
                          MakeQueueSizeChecker())
            .AddAttribute("Policy",
                          "The admission rules' settings shared with LyapunovSlotScheduler (Slot, "
                          "V, utility, variant, perturbation); a default LyapunovAdmissionPolicy "
                          "when not given.",
                          PointerValue(),
                          MakePointerAccessor(&FairAdmissionQueueDisc::m_policy),
                          MakePointerChecker<LyapunovAdmissionPolicy>())
            .AddAttribute("NumClasses",
                          "Number of classes (workers / flows) N.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&FairAdmissionQueueDisc::m_numClasses),
                          MakeUintegerChecker<uint32_t>(1, 65536))
            .AddAttribute("DataUnit",
                          "Bytes of one data unit (the unit of Q, Z, theta, A_max and V).",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&FairAdmissionQueueDisc::m_dataUnit),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxArrival",
                          "A_max > 0 (data units per slot): cap of the auxiliary variables and "
                          "of the Direct budgets.",
                          DoubleValue(10.0),
                          MakeDoubleAccessor(&FairAdmissionQueueDisc::m_maxArrival),
                          MakeDoubleChecker<double>(1e-9))
            .AddAttribute("RejectMode",
                          "Drop: rejected packets are dropped (DropBeforeEnqueue, reason '" +
                              std::string(REJECTED_DROP) +
                              "'); Hold: they wait behind the admitted data of their class.",
                          EnumValue(FairAdmissionQueueDisc::REJECT_DROP),
                          CODED_LEARNING_MAKE_ENUM_ACCESSOR(FairAdmissionQueueDisc::RejectMode,
                                                            &FairAdmissionQueueDisc::m_rejectMode),
                          MakeEnumChecker(FairAdmissionQueueDisc::REJECT_DROP,
                                          "Drop",
                                          FairAdmissionQueueDisc::REJECT_HOLD,
                                          "Hold"))
            .AddAttribute("WorkConserving",
                          "If no class exceeds its perturbation, still serve the best "
                          "non-empty class (true, the default: a queue disc that keeps packets "
                          "while its link is idle stalls the flows through it) or send nothing "
                          "(false).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&FairAdmissionQueueDisc::m_workConserving),
                          MakeBooleanChecker())
            .AddTraceSource("TotalBacklog",
                            "Admitted data in the queue disc, sum_i Q_i (data units).",
                            MakeTraceSourceAccessor(&FairAdmissionQueueDisc::m_totalBacklog),
                            "ns3::TracedValueCallback::Double")
            .AddTraceSource("TotalHeld",
                            "Held-back data in the queue disc (data units).",
                            MakeTraceSourceAccessor(&FairAdmissionQueueDisc::m_totalHeld),
                            "ns3::TracedValueCallback::Double")
            .AddTraceSource("TotalVirtualBacklog",
                            "Sum of the virtual queues Z_i (data units).",
                            MakeTraceSourceAccessor(&FairAdmissionQueueDisc::m_totalVirtualBacklog),
                            "ns3::TracedValueCallback::Double")
            .AddTraceSource("Admitted",
                            "A packet was admitted: class, bytes.",
                            MakeTraceSourceAccessor(&FairAdmissionQueueDisc::m_admittedTrace),
                            "ns3::FairAdmissionQueueDisc::AdmittedCallback")
            .AddTraceSource("Rejected",
                            "A packet was rejected (dropped or held back): class, packet.",
                            MakeTraceSourceAccessor(&FairAdmissionQueueDisc::m_rejectedTrace),
                            "ns3::FairAdmissionQueueDisc::RejectedCallback");
    return tid;
}

FairAdmissionQueueDisc::FairAdmissionQueueDisc()
    : QueueDisc(QueueDiscSizePolicy::MULTIPLE_QUEUES, QueueSizeUnit::PACKETS),
      m_numClasses(10),
      m_dataUnit(1500),
      m_maxArrival(10.0),
      m_rejectMode(REJECT_DROP),
      m_workConserving(true),
      m_totalBacklog(0.0),
      m_totalHeld(0.0),
      m_totalVirtualBacklog(0.0)
{
    NS_LOG_FUNCTION(this);
}

FairAdmissionQueueDisc::~FairAdmissionQueueDisc()
{
    NS_LOG_FUNCTION(this);
}

void
FairAdmissionQueueDisc::NotifyConstructionCompleted()
{
    NS_LOG_FUNCTION(this);
    if (!m_policy)
    {
        m_policy = CreateObject<LyapunovAdmissionPolicy>();
    }
    QueueDisc::NotifyConstructionCompleted();
}

void
FairAdmissionQueueDisc::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_wake);
    m_policy = nullptr;
    m_controller.reset();
    m_classes.clear();
    m_flowToClass.clear();
    QueueDisc::DoDispose();
}

uint32_t
FairAdmissionQueueDisc::GetNumClasses() const
{
    return m_numClasses;
}

void
FairAdmissionQueueDisc::CheckClass(uint32_t flowClass) const
{
    if (flowClass >= m_numClasses)
    {
        throw std::out_of_range("FairAdmissionQueueDisc: class " + std::to_string(flowClass) +
                                " does not exist (NumClasses = " + std::to_string(m_numClasses) +
                                ")");
    }
}

void
FairAdmissionQueueDisc::CheckClassValue(uint32_t flowClass,
                                        const char* what,
                                        double value,
                                        bool zeroAllowed) const
{
    CheckClass(flowClass);
    if (!((zeroAllowed ? value >= 0.0 : value > 0.0) &&
          value < std::numeric_limits<double>::infinity()))
    {
        throw std::invalid_argument(std::string("FairAdmissionQueueDisc: ") + what + " " +
                                    std::to_string(value) + " of class " +
                                    std::to_string(flowClass) + " is out of range " +
                                    (zeroAllowed ? "[0, inf)" : "(0, inf)"));
    }
}

void
FairAdmissionQueueDisc::SetControllerValue(uint32_t flowClass,
                                           double value,
                                           void (coded::LyapunovAdmissionController::*set)(uint32_t,
                                                                                           double),
                                           std::map<uint32_t, double>& overrides)
{
    if (m_controller)
    {
        ((*m_controller).*set)(flowClass, value);
    }
    else
    {
        overrides[flowClass] = value;
    }
}

void
FairAdmissionQueueDisc::SetServiceRate(uint32_t flowClass, double rate)
{
    NS_LOG_FUNCTION(this << flowClass << rate);
    CheckClassValue(flowClass, "service rate", rate, false);
    if (m_classes.empty())
    {
        m_rateOverrides[flowClass] = rate;
    }
    else
    {
        m_classes[flowClass].rate = rate;
    }
}

void
FairAdmissionQueueDisc::SetPerturbation(uint32_t flowClass, double theta)
{
    NS_LOG_FUNCTION(this << flowClass << theta);
    CheckClassValue(flowClass, "perturbation", theta, true);
    SetControllerValue(flowClass,
                       theta,
                       &coded::LyapunovAdmissionController::SetPerturbation,
                       m_thetaOverrides);
}

void
FairAdmissionQueueDisc::SetUtilityWeight(uint32_t flowClass, double weight)
{
    NS_LOG_FUNCTION(this << flowClass << weight);
    CheckClassValue(flowClass, "utility weight", weight, false);
    SetControllerValue(flowClass,
                       weight,
                       &coded::LyapunovAdmissionController::SetUtilityWeight,
                       m_weightOverrides);
}

double
FairAdmissionQueueDisc::GetBacklog(uint32_t flowClass) const
{
    return static_cast<double>(ClassValue(flowClass, &FlowClass::admittedBytes)) / m_dataUnit;
}

double
FairAdmissionQueueDisc::GetHeld(uint32_t flowClass) const
{
    return static_cast<double>(ClassValue(flowClass, &FlowClass::heldBytes)) / m_dataUnit;
}

double
FairAdmissionQueueDisc::GetVirtualBacklog(uint32_t flowClass) const
{
    return ClassValue(flowClass, &FlowClass::z);
}

uint64_t
FairAdmissionQueueDisc::GetAdmittedBytes(uint32_t flowClass) const
{
    return ClassValue(flowClass, &FlowClass::totalAdmitted);
}

uint64_t
FairAdmissionQueueDisc::GetDequeuedBytes(uint32_t flowClass) const
{
    return ClassValue(flowClass, &FlowClass::totalDequeued);
}

uint64_t
FairAdmissionQueueDisc::GetRejectedBytes(uint32_t flowClass) const
{
    return ClassValue(flowClass, &FlowClass::totalRejected);
}

uint64_t
FairAdmissionQueueDisc::GetReceivedPackets(uint32_t flowClass) const
{
    return ClassValue(flowClass, &FlowClass::receivedPackets);
}

uint64_t
FairAdmissionQueueDisc::GetReceivedBytes(uint32_t flowClass) const
{
    return ClassValue(flowClass, &FlowClass::receivedBytes);
}

uint64_t
FairAdmissionQueueDisc::GetDroppedBytes(uint32_t flowClass) const
{
    return ClassValue(flowClass, &FlowClass::droppedBytes);
}

uint64_t
FairAdmissionQueueDisc::GetDequeuedPackets(uint32_t flowClass) const
{
    return ClassValue(flowClass, &FlowClass::dequeuedPackets);
}

uint64_t
FairAdmissionQueueDisc::GetPeakBytes(uint32_t flowClass) const
{
    return ClassValue(flowClass, &FlowClass::peakBytes);
}

double
FairAdmissionQueueDisc::JainOf(uint64_t FlowClass::*field) const
{
    std::vector<double> x(m_numClasses, 0.0);
    for (std::size_t c = 0; c < m_classes.size(); ++c)
    {
        x[c] = static_cast<double>(m_classes[c].*field);
    }
    return coded::AdmissionMetrics::JainIndex(x);
}

double
FairAdmissionQueueDisc::GetJainAdmitted() const
{
    return JainOf(&FlowClass::totalAdmitted);
}

double
FairAdmissionQueueDisc::GetJainDequeued() const
{
    return JainOf(&FlowClass::totalDequeued);
}

Ptr<LyapunovAdmissionPolicy>
FairAdmissionQueueDisc::GetPolicy() const
{
    return m_policy;
}

const coded::LyapunovAdmissionController&
FairAdmissionQueueDisc::GetController() const
{
    if (!m_controller)
    {
        throw std::logic_error("FairAdmissionQueueDisc: GetController() before initialisation");
    }
    return *m_controller;
}

bool
FairAdmissionQueueDisc::CheckConfig()
{
    NS_LOG_FUNCTION(this);
    if (GetNQueueDiscClasses() > 0)
    {
        NS_LOG_ERROR("FairAdmissionQueueDisc cannot have queue disc classes");
        return false;
    }
    if (GetNInternalQueues() == 0)
    {
        for (uint32_t c = 0; c < m_numClasses; ++c)
        {
            AddInternalQueue(CreateObjectWithAttributes<DropTailQueue<QueueDiscItem>>(
                "MaxSize",
                QueueSizeValue(GetMaxSize())));
        }
    }
    if (GetNInternalQueues() != m_numClasses)
    {
        NS_LOG_ERROR("FairAdmissionQueueDisc needs NumClasses = "
                     << m_numClasses << " internal queues, has " << GetNInternalQueues());
        return false;
    }
    try
    {
        // One dequeue serves one packet of at most one data unit: b_max,i = 1.
        coded::LyapunovAdmissionController::Config c =
            m_policy->MakeConfig(std::vector<double>(m_numClasses, 1.0),
                                 m_weightOverrides,
                                 m_thetaOverrides);
        c.maxArrival = m_maxArrival;
        c.scheduling = coded::LyapunovAdmissionController::TDMA;
        c.resourceBlocks = 1;
        c.workConserving = m_workConserving;
        m_controller = std::make_unique<coded::LyapunovAdmissionController>(c);
        m_slot = m_policy->GetSlot();
        m_variant = c.variant;
    }
    catch (const std::exception& e)
    {
        NS_LOG_ERROR(e.what());
        return false;
    }
    return true;
}

void
FairAdmissionQueueDisc::InitializeParams()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_controller, "FairAdmissionQueueDisc: invalid configuration");
    m_classes.assign(m_numClasses, FlowClass());
    for (const auto& [flowClass, rate] : m_rateOverrides)
    {
        m_classes[flowClass].rate = rate;
    }
    m_slotIndex = -1;
}

int32_t
FairAdmissionQueueDisc::ClassOf(Ptr<QueueDiscItem> item)
{
    if (GetNPacketFilters() > 0)
    {
        const int32_t c = Classify(item);
        if (c == PacketFilter::PF_NO_MATCH || c < 0 || c >= static_cast<int32_t>(m_numClasses))
        {
            return -1;
        }
        return c;
    }
    const uint32_t hash = item->Hash(0);
    auto it = m_flowToClass.find(hash);
    if (it != m_flowToClass.end())
    {
        return static_cast<int32_t>(it->second);
    }
    const uint32_t c = m_flowToClass.size() < m_numClasses
                           ? static_cast<uint32_t>(m_flowToClass.size())
                           : hash % m_numClasses;
    m_flowToClass[hash] = c;
    NS_LOG_LOGIC("flow hash " << hash << " -> class " << c);
    return static_cast<int32_t>(c);
}

void
FairAdmissionQueueDisc::OpenSlot()
{
    const bool aux = m_variant == coded::LyapunovAdmissionController::AUX;
    for (uint32_t c = 0; c < m_numClasses; ++c)
    {
        FlowClass& fc = m_classes[c];
        fc.admittedInSlot = 0.0;
        fc.gamma = aux ? m_controller->AuxiliaryTarget(c, fc.z) : 0.0;
        fc.budget = aux ? 0.0 : m_controller->DirectBudget(c, GetBacklog(c));
    }
}

void
FairAdmissionQueueDisc::AdvanceSlots()
{
    const int64_t now = Simulator::Now().GetTimeStep() / m_slot.GetTimeStep();
    if (m_slotIndex < 0)
    {
        // The first slot with traffic: Z starts at 0.
        m_slotIndex = now;
        OpenSlot();
        return;
    }
    if (now <= m_slotIndex)
    {
        return;
    }
    NS_LOG_LOGIC("slot " << m_slotIndex << " -> " << now);
    if (m_variant == coded::LyapunovAdmissionController::AUX)
    {
        const int64_t idle = now - m_slotIndex - 1;
        for (uint32_t c = 0; c < m_numClasses; ++c)
        {
            FlowClass& fc = m_classes[c];
            fc.z = coded::LyapunovAdmissionController::NextVirtualBacklog(fc.z,
                                                                          fc.admittedInSlot,
                                                                          fc.gamma);
            // Slots without traffic: a = 0. Z converges to its fixed point, so the loop
            // stops once gamma is negligible.
            for (int64_t k = 0; k < idle; ++k)
            {
                const double gamma = m_controller->AuxiliaryTarget(c, fc.z);
                if (gamma <= 1e-12)
                {
                    break;
                }
                fc.z = coded::LyapunovAdmissionController::NextVirtualBacklog(fc.z, 0.0, gamma);
            }
        }
    }
    m_slotIndex = now;
    OpenSlot();
    if (m_rejectMode == REJECT_HOLD)
    {
        for (uint32_t c = 0; c < m_numClasses; ++c)
        {
            AdmitHeld(c);
        }
    }
    UpdateTotals();
}

bool
FairAdmissionQueueDisc::Admits(uint32_t c, double units) const
{
    const FlowClass& fc = m_classes[c];
    if (m_variant == coded::LyapunovAdmissionController::AUX)
    {
        return m_controller->AdmissionLimit(c, GetBacklog(c), fc.z, units) > 0.0;
    }
    // Direct: packets are indivisible, so the budget may be exceeded by less than a packet.
    return fc.admittedInSlot < fc.budget;
}

void
FairAdmissionQueueDisc::RecordAdmission(uint32_t c, uint32_t bytes)
{
    FlowClass& fc = m_classes[c];
    fc.admittedPackets++;
    fc.admittedBytes += bytes;
    fc.admittedInSlot += static_cast<double>(bytes) / m_dataUnit;
    fc.totalAdmitted += bytes;
    m_admittedTrace(c, bytes);
}

void
FairAdmissionQueueDisc::AdmitHeld(uint32_t c)
{
    FlowClass& fc = m_classes[c];
    while (!fc.held.empty() && Admits(c, static_cast<double>(fc.held.front()) / m_dataUnit))
    {
        const uint32_t bytes = fc.held.front();
        fc.held.pop_front();
        fc.heldBytes -= bytes;
        RecordAdmission(c, bytes);
    }
}

void
FairAdmissionQueueDisc::UpdateTotals()
{
    double q = 0.0;
    double h = 0.0;
    double z = 0.0;
    for (const FlowClass& fc : m_classes)
    {
        q += static_cast<double>(fc.admittedBytes) / m_dataUnit;
        h += static_cast<double>(fc.heldBytes) / m_dataUnit;
        z += fc.z;
    }
    m_totalBacklog = q;
    m_totalHeld = h;
    m_totalVirtualBacklog = z;
}

bool
FairAdmissionQueueDisc::DoEnqueue(Ptr<QueueDiscItem> item)
{
    NS_LOG_FUNCTION(this << item);
    AdvanceSlots();
    const int32_t c = ClassOf(item);
    if (c < 0)
    {
        NS_LOG_LOGIC("no class for " << item);
        DropBeforeEnqueue(item, UNCLASSIFIED_DROP);
        return false;
    }
    FlowClass& fc = m_classes[c];
    const uint32_t bytes = item->GetSize();
    fc.receivedPackets++;
    fc.receivedBytes += bytes;
    if (GetCurrentSize() + item > GetMaxSize())
    {
        NS_LOG_LOGIC("queue disc full");
        fc.droppedBytes += bytes;
        DropBeforeEnqueue(item, LIMIT_EXCEEDED_DROP);
        return false;
    }
    const bool admit = fc.held.empty() && Admits(c, static_cast<double>(bytes) / m_dataUnit);
    if (!admit && m_rejectMode == REJECT_DROP)
    {
        NS_LOG_LOGIC("class " << c << " rejects " << item);
        fc.totalRejected += bytes;
        m_rejectedTrace(c, item);
        DropBeforeEnqueue(item, REJECTED_DROP);
        return false;
    }
    if (!GetInternalQueue(c)->Enqueue(item))
    {
        // Dropped by the internal queue (its DropBeforeEnqueue has been called).
        fc.droppedBytes += bytes;
        return false;
    }
    if (admit)
    {
        RecordAdmission(c, bytes);
    }
    else
    {
        NS_LOG_LOGIC("class " << c << " holds " << item);
        fc.held.push_back(bytes);
        fc.heldBytes += bytes;
        m_rejectedTrace(c, item);
    }
    fc.peakBytes = std::max(fc.peakBytes, fc.admittedBytes + fc.heldBytes);
    UpdateTotals();
    return true;
}

Ptr<QueueDiscItem>
FairAdmissionQueueDisc::DoDequeue()
{
    NS_LOG_FUNCTION(this);
    AdvanceSlots();
    int32_t best = -1;
    double bestWeight = 0.0;
    int32_t fallback = -1;
    double fallbackWeight = 0.0;
    bool anyHeld = false;
    for (uint32_t c = 0; c < m_numClasses; ++c)
    {
        const FlowClass& fc = m_classes[c];
        anyHeld = anyHeld || !fc.held.empty();
        if (fc.admittedPackets == 0)
        {
            continue;
        }
        const double w = m_controller->ScheduleWeight(c, GetBacklog(c), fc.rate);
        if (w > bestWeight)
        {
            best = static_cast<int32_t>(c);
            bestWeight = w;
        }
        if (fallback < 0 || w > fallbackWeight)
        {
            fallback = static_cast<int32_t>(c);
            fallbackWeight = w;
        }
    }
    if (best < 0 && m_workConserving)
    {
        best = fallback;
    }
    if (best < 0)
    {
        NS_LOG_LOGIC("nothing to send");
        if (anyHeld)
        {
            ScheduleWake();
        }
        return nullptr;
    }
    Ptr<QueueDiscItem> item = GetInternalQueue(best)->Dequeue();
    NS_ASSERT_MSG(item, "class " << best << " has admitted packets but its queue is empty");
    FlowClass& fc = m_classes[best];
    const uint32_t bytes = item->GetSize();
    fc.admittedPackets--;
    fc.admittedBytes -= bytes;
    fc.totalDequeued += bytes;
    fc.dequeuedPackets++;
    if (m_rejectMode == REJECT_HOLD)
    {
        AdmitHeld(best);
    }
    UpdateTotals();
    return item;
}

void
FairAdmissionQueueDisc::ScheduleWake()
{
    if (!m_wake.IsExpired() || !GetSendCallback())
    {
        // Already scheduled, or not attached to a device (unit tests call Dequeue() directly).
        return;
    }
    const Time next = TimeStep(static_cast<uint64_t>((m_slotIndex + 1) * m_slot.GetTimeStep()));
    NS_LOG_LOGIC("wake up at " << next.As(Time::S) << " to admit held packets");
    m_wake = Simulator::Schedule(next - Simulator::Now(), &QueueDisc::Run, this);
}

} // namespace ns3
