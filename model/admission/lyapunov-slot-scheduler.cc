// SPDX-License-Identifier: GPL-2.0-only
#include "lyapunov-slot-scheduler.h"

#include "ns3/boolean.h"
#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LyapunovSlotScheduler");

NS_OBJECT_ENSURE_REGISTERED(LyapunovSlotScheduler);

TypeId
LyapunovSlotScheduler::GetTypeId()
{
    using Controller = coded::LyapunovAdmissionController;
    static TypeId tid = AddTraceSources(
        TypeId("ns3::LyapunovSlotScheduler")
            .SetParent<Object>()
            .SetGroupName("CodedLearning")
            .AddConstructor<LyapunovSlotScheduler>()
            .AddAttribute("Policy",
                          "The admission rules' settings shared with FairAdmissionQueueDisc (Slot, "
                          "V, utility, variant, perturbation); a default LyapunovAdmissionPolicy "
                          "when not given.",
                          PointerValue(),
                          MakePointerAccessor(&LyapunovSlotScheduler::m_policy),
                          MakePointerChecker<LyapunovAdmissionPolicy>())
            .AddAttribute("NumQueues",
                          "Number of queues (workers) N.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&LyapunovSlotScheduler::m_numQueues),
                          MakeUintegerChecker<uint32_t>(1, 100000))
            .AddAttribute(
                "Scheduling",
                "Scheduling: Tdma (one winner per slot) or Split (one winner per "
                "resource block).",
                EnumValue(Controller::TDMA),
                CODED_LEARNING_MAKE_ENUM_ACCESSOR(coded::LyapunovAdmissionController::Scheduling,
                                                  &LyapunovSlotScheduler::m_mode),
                MakeEnumChecker(Controller::TDMA, "Tdma", Controller::SPLIT, "Split"))
            .AddAttribute("ResourceBlocks",
                          "Resource blocks M per slot, each with bandwidth W/M and its own "
                          "fading.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&LyapunovSlotScheduler::m_resourceBlocks),
                          MakeUintegerChecker<uint32_t>(1, 10000))
            .AddAttribute("MaxArrivalFactor",
                          "A_max = MaxArrivalFactor * max_i b_max,i (data units per slot).",
                          DoubleValue(1.5),
                          MakeDoubleAccessor(&LyapunovSlotScheduler::m_maxArrivalFactor),
                          MakeDoubleChecker<double>(1e-9, 1e9))
            .AddAttribute("WorkConserving",
                          "If no queue exceeds its perturbation, still serve the best non-empty "
                          "queue (lets the last theta of a finite upload drain; recommended with "
                          "Reservoir arrivals) instead of leaving the slot idle (false, the "
                          "default: the canonical controller of c.4).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LyapunovSlotScheduler::m_workConserving),
                          MakeBooleanChecker())
            .AddAttribute("ArrivalMode",
                          "Random: A_i ~ U[0, A_max] each slot (not admitted: dropped); "
                          "Reservoir: data given to Offer() (not admitted: waits).",
                          EnumValue(LyapunovSlotScheduler::RANDOM_ARRIVALS),
                          CODED_LEARNING_MAKE_ENUM_ACCESSOR(LyapunovSlotScheduler::ArrivalMode,
                                                            &LyapunovSlotScheduler::m_arrivalMode),
                          MakeEnumChecker(LyapunovSlotScheduler::RANDOM_ARRIVALS,
                                          "Random",
                                          LyapunovSlotScheduler::RESERVOIR,
                                          "Reservoir"))
            .AddAttribute("PacketSize",
                          "Bytes of one data unit (the unit of backlogs, theta, A_max and V).",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&LyapunovSlotScheduler::m_packetSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Bandwidth",
                          "Channel bandwidth W (Hz).",
                          DoubleValue(1e6),
                          MakeDoubleAccessor(&LyapunovSlotScheduler::m_bandwidth),
                          MakeDoubleChecker<double>(1.0, 1e12))
            .AddAttribute("MeanSnrDb",
                          "Mean SNR (dB) of every worker without a SetMeanSnrDb() value.",
                          DoubleValue(10.0),
                          MakeDoubleAccessor(&LyapunovSlotScheduler::m_meanSnrDb),
                          MakeDoubleChecker<double>(-100.0, 100.0))
            .AddAttribute("Fading",
                          "Rayleigh fading (h ~ Exp(1) per slot, worker and block); "
                          "false: h = 1.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LyapunovSlotScheduler::m_fading),
                          MakeBooleanChecker())
            .AddAttribute("FadingCapQuantile",
                          "h is capped at this quantile of Exp(1), so that b_max is finite.",
                          DoubleValue(0.99),
                          MakeDoubleAccessor(&LyapunovSlotScheduler::m_fadingCapQuantile),
                          MakeDoubleChecker<double>(1e-9, 1.0 - 1e-9))
            .AddAttribute("Channel",
                          "Rayleigh: serve virtual queues over the abstract slotted Rayleigh "
                          "channel (the data crosses the network afterwards); Measured: the "
                          "scheduler is the real uplink (chunk grants, backlogs fall by the "
                          "bytes that arrive, lost chunks are granted again).",
                          EnumValue(LyapunovSlotScheduler::RAYLEIGH),
                          CODED_LEARNING_MAKE_ENUM_ACCESSOR(LyapunovSlotScheduler::ChannelKind,
                                                            &LyapunovSlotScheduler::m_channelKind),
                          MakeEnumChecker(LyapunovSlotScheduler::RAYLEIGH,
                                          "Rayleigh",
                                          LyapunovSlotScheduler::MEASURED,
                                          "Measured"))
            .AddAttribute("InitialRate",
                          "Measured channel: the rate estimate r_i before the first "
                          "measurement; b_max,i = InitialRate x Slot (theta and A_max).",
                          DataRateValue(DataRate("20Mbps")),
                          MakeDataRateAccessor(&LyapunovSlotScheduler::m_initialRate),
                          MakeDataRateChecker())
            .AddAttribute("CapRate",
                          "Measured channel: r_i never exceeds InitialRate, so that b_max,i = "
                          "InitialRate x Slot is the largest service of a slot (theta_i >= "
                          "b_max,i then wastes no service, and the backlog bounds of property "
                          "19 hold); false (default) lets r_i follow the measured goodput "
                          "upwards.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LyapunovSlotScheduler::m_capRate),
                          MakeBooleanChecker())
            .AddAttribute("MinRateFactor",
                          "Measured channel: r_i never falls below MinRateFactor x "
                          "InitialRate (a worker whose grants were lost is still scheduled).",
                          DoubleValue(0.01),
                          MakeDoubleAccessor(&LyapunovSlotScheduler::m_minRateFactor),
                          MakeDoubleChecker<double>(1e-9, 1.0))
            .AddAttribute("RateGain",
                          "Measured channel: weight of a new goodput sample in the "
                          "exponentially weighted average r_i.",
                          DoubleValue(0.25),
                          MakeDoubleAccessor(&LyapunovSlotScheduler::m_rateGain),
                          MakeDoubleChecker<double>(1e-9, 1.0))
            .AddAttribute("GrantTimeout",
                          "Measured channel: a granted chunk that has not arrived this long "
                          "after its grant is pending again and will be granted again.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&LyapunovSlotScheduler::m_grantTimeout),
                          MakeTimeChecker(MicroSeconds(1))));
    return tid;
}

TypeId
LyapunovSlotScheduler::AddTraceSources(TypeId tid)
{
    return tid
        .AddTraceSource("TotalBacklog",
                        "Sum of the queue backlogs Q_i after the last slot (data units).",
                        MakeTraceSourceAccessor(&LyapunovSlotScheduler::m_totalBacklog),
                        "ns3::TracedValueCallback::Double")
        .AddTraceSource("TotalVirtualBacklog",
                        "Sum of the virtual queues Z_i after the last slot (data units).",
                        MakeTraceSourceAccessor(&LyapunovSlotScheduler::m_totalVirtualBacklog),
                        "ns3::TracedValueCallback::Double")
        .AddTraceSource("Utility",
                        "Total utility sum_i w_i g(time-average admitted data of i).",
                        MakeTraceSourceAccessor(&LyapunovSlotScheduler::m_utility),
                        "ns3::TracedValueCallback::Double")
        .AddTraceSource("Slot",
                        "End of a slot: index, total admitted, delivered, wasted.",
                        MakeTraceSourceAccessor(&LyapunovSlotScheduler::m_slotTrace),
                        "ns3::LyapunovSlotScheduler::SlotCallback")
        .AddTraceSource("Admitted",
                        "Admission decision of a queue with data offered: queue, offered, "
                        "admitted.",
                        MakeTraceSourceAccessor(&LyapunovSlotScheduler::m_admittedTrace),
                        "ns3::LyapunovSlotScheduler::AdmittedCallback")
        .AddTraceSource("Served",
                        "Service of a scheduled queue: queue, scheduled, delivered.",
                        MakeTraceSourceAccessor(&LyapunovSlotScheduler::m_servedTrace),
                        "ns3::LyapunovSlotScheduler::ServedCallback")
        .AddTraceSource("Backlog",
                        "State of every queue after a slot: queue, Q_i, Z_i.",
                        MakeTraceSourceAccessor(&LyapunovSlotScheduler::m_backlogTrace),
                        "ns3::LyapunovSlotScheduler::BacklogCallback")
        .AddTraceSource("Granted",
                        "Measured channel: grant of a queue with a positive budget: queue, "
                        "budget (bytes), bytes of the chunks granted, r_i (bytes/s).",
                        MakeTraceSourceAccessor(&LyapunovSlotScheduler::m_grantedTrace),
                        "ns3::LyapunovSlotScheduler::GrantedCallback");
}

LyapunovSlotScheduler::LyapunovSlotScheduler()
    : m_numQueues(10),
      m_mode(coded::LyapunovAdmissionController::TDMA),
      m_resourceBlocks(1),
      m_maxArrivalFactor(1.5),
      m_workConserving(false),
      m_arrivalMode(RANDOM_ARRIVALS),
      m_packetSize(1500),
      m_bandwidth(1e6),
      m_meanSnrDb(10.0),
      m_fading(true),
      m_fadingCapQuantile(0.99),
      m_channelKind(RAYLEIGH),
      m_initialRate(DataRate("20Mbps")),
      m_capRate(false),
      m_minRateFactor(0.01),
      m_rateGain(0.25),
      m_grantTimeout(MilliSeconds(100)),
      m_arrivalRng(CreateObject<Ns3RandomSource>()),
      m_fadingRng(CreateObject<Ns3RandomSource>()),
      m_totalBacklog(0.0),
      m_totalVirtualBacklog(0.0),
      m_utility(0.0)
{
    NS_LOG_FUNCTION(this);
}

LyapunovSlotScheduler::~LyapunovSlotScheduler()
{
    NS_LOG_FUNCTION(this);
}

void
LyapunovSlotScheduler::NotifyConstructionCompleted()
{
    NS_LOG_FUNCTION(this);
    if (!m_policy)
    {
        m_policy = CreateObject<LyapunovAdmissionPolicy>();
    }
    Object::NotifyConstructionCompleted();
}

void
LyapunovSlotScheduler::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_event);
    m_controller.reset();
    m_channel.reset();
    m_ledger.reset();
    m_grantCallback = GrantCallback();
    m_arrivalRng = nullptr;
    m_fadingRng = nullptr;
    m_policy = nullptr;
    Object::DoDispose();
}

Ptr<LyapunovAdmissionPolicy>
LyapunovSlotScheduler::GetPolicy() const
{
    return m_policy;
}

void
LyapunovSlotScheduler::CheckQueue(uint32_t queue) const
{
    if (queue >= m_numQueues)
    {
        throw std::out_of_range("LyapunovSlotScheduler: queue " + std::to_string(queue) +
                                " does not exist (NumQueues = " + std::to_string(m_numQueues) +
                                ")");
    }
}

void
LyapunovSlotScheduler::CheckNotBuilt(const char* what) const
{
    if (m_controller)
    {
        throw std::invalid_argument(std::string("LyapunovSlotScheduler: ") + what +
                                    " must be called before Start()");
    }
}

void
LyapunovSlotScheduler::SetMeanSnrDb(uint32_t queue, double db)
{
    NS_LOG_FUNCTION(this << queue << db);
    CheckNotBuilt("SetMeanSnrDb");
    CheckQueue(queue);
    m_snrOverrides[queue] = db;
}

void
LyapunovSlotScheduler::SetUtilityWeight(uint32_t queue, double weight)
{
    NS_LOG_FUNCTION(this << queue << weight);
    CheckNotBuilt("SetUtilityWeight");
    CheckQueue(queue);
    if (!(weight > 0.0 && weight < std::numeric_limits<double>::infinity()))
    {
        throw std::invalid_argument("LyapunovSlotScheduler: utility weight " +
                                    std::to_string(weight) + " of queue " + std::to_string(queue) +
                                    " is out of range (0, inf)");
    }
    m_weightOverrides[queue] = weight;
}

void
LyapunovSlotScheduler::Build()
{
    NS_LOG_FUNCTION(this);
    const Time slot = m_policy->GetSlot();
    coded::RayleighSlotChannel::Config cc;
    cc.meanSnrDb.assign(m_numQueues, m_meanSnrDb);
    for (const auto& [queue, db] : m_snrOverrides)
    {
        if (queue < m_numQueues)
        {
            cc.meanSnrDb[queue] = db;
        }
    }
    cc.bandwidthHz = m_bandwidth;
    cc.slotSeconds = slot.GetSeconds();
    cc.unitBytes = m_packetSize;
    cc.resourceBlocks = m_resourceBlocks;
    cc.fading = m_fading;
    cc.capQuantile = m_fadingCapQuantile;
    auto channel = std::make_unique<coded::RayleighSlotChannel>(cc);

    std::vector<double> bmax = channel->MaxServices();
    const double initialRate = m_initialRate.GetBitRate() / 8.0; // bytes/s
    if (m_channelKind == MEASURED)
    {
        coded::UplinkGrantLedger::Config lc;
        lc.numWorkers = m_numQueues;
        lc.initialRate = initialRate;
        lc.minRate = m_minRateFactor * initialRate;
        lc.rateGain = m_rateGain;
        lc.timeout = m_grantTimeout.GetSeconds();
        m_ledger = std::make_unique<coded::UplinkGrantLedger>(lc);
        bmax.assign(m_numQueues, initialRate * slot.GetSeconds() / m_packetSize);
    }
    coded::LyapunovAdmissionController::Config c = m_policy->MakeConfig(bmax, m_weightOverrides);
    c.maxArrival = m_maxArrivalFactor * *std::max_element(bmax.begin(), bmax.end());
    c.scheduling = m_mode;
    c.resourceBlocks = m_resourceBlocks;
    c.workConserving = m_workConserving;
    auto controller = std::make_unique<coded::LyapunovAdmissionController>(c);

    m_channel = std::move(channel);
    m_controller = std::move(controller);
    m_slot = slot;
    m_reservoir.assign(m_numQueues, 0.0);
    m_delivered.assign(m_numQueues, 0.0);
    m_arrivedInSlot.assign(m_numQueues, 0.0);
    NS_LOG_INFO("built: N = " << m_numQueues << ", V = " << c.v << ", utility "
                              << c.utility.Describe() << ", A_max = " << c.maxArrival
                              << " data units of " << m_packetSize << " B per slot");
}

void
LyapunovSlotScheduler::Start()
{
    NS_LOG_FUNCTION(this);
    if (!m_controller)
    {
        Build();
    }
    if (!m_event.IsExpired())
    {
        return;
    }
    m_event = Simulator::Schedule(m_slot, &LyapunovSlotScheduler::RunSlot, this);
}

void
LyapunovSlotScheduler::Stop()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_event);
}

bool
LyapunovSlotScheduler::IsRunning() const
{
    return !m_event.IsExpired();
}

void
LyapunovSlotScheduler::RunSlot()
{
    NS_LOG_FUNCTION(this << m_slotCount);
    m_event = Simulator::Schedule(m_slot, &LyapunovSlotScheduler::RunSlot, this);

    const double amax = m_controller->GetConfig().maxArrival;
    std::vector<double> arrivals(m_numQueues, 0.0);
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
        arrivals[i] = m_arrivalMode == RANDOM_ARRIVALS ? amax * m_arrivalRng->Uniform()
                                                       : std::min(m_reservoir[i], amax);
    }
    const std::vector<double> capacity = Capacities();
    const coded::AdmissionSlotOutcome& out =
        m_ledger ? m_controller->StepMeasured(arrivals, capacity, m_arrivedInSlot, InFlightUnits())
                 : m_controller->Step(arrivals, capacity);
    if (m_ledger)
    {
        m_arrivedInSlot.assign(m_numQueues, 0.0);
        GrantChunks(out);
    }

    double admitted = 0.0;
    double delivered = 0.0;
    double wasted = 0.0;
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
        if (m_arrivalMode == RESERVOIR)
        {
            m_reservoir[i] = std::max(0.0, m_reservoir[i] - out.admitted[i]);
        }
        m_delivered[i] += out.delivered[i];
        admitted += out.admitted[i];
        delivered += out.delivered[i];
        wasted += out.wasted[i];
        if (out.arrivals[i] > 0.0)
        {
            m_admittedTrace(i, out.arrivals[i], out.admitted[i]);
        }
        if (out.scheduled[i] > 0.0)
        {
            m_servedTrace(i, out.scheduled[i], out.delivered[i]);
        }
        m_backlogTrace(i, out.backlog[i], out.virtualBacklog[i]);
    }
    double q = 0.0;
    double z = 0.0;
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
        q += out.backlog[i];
        z += out.virtualBacklog[i];
    }
    m_totalBacklog = q;
    m_totalVirtualBacklog = z;
    m_utility = m_controller->UtilityOfAdmitted();
    m_slotTrace(m_slotCount, admitted, delivered, wasted);
    ++m_slotCount;
}

std::vector<double>
LyapunovSlotScheduler::Capacities()
{
    if (!m_ledger)
    {
        return m_channel->Draw(*m_fadingRng);
    }
    m_ledger->ExpireGrants(Simulator::Now().GetSeconds());
    std::vector<double> capacity(static_cast<std::size_t>(m_numQueues) * m_resourceBlocks);
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
        double rate = m_ledger->Rate(i);
        if (m_capRate)
        {
            rate = std::min(rate, m_initialRate.GetBitRate() / 8.0);
        }
        const double units = rate * m_slot.GetSeconds() / m_packetSize;
        for (uint32_t m = 0; m < m_resourceBlocks; ++m)
        {
            capacity[static_cast<std::size_t>(i) * m_resourceBlocks + m] = units / m_resourceBlocks;
        }
    }
    return capacity;
}

std::vector<double>
LyapunovSlotScheduler::InFlightUnits() const
{
    std::vector<double> units(m_numQueues);
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
        units[i] = static_cast<double>(m_ledger->InFlight(i)) / m_packetSize;
    }
    return units;
}

void
LyapunovSlotScheduler::GrantChunks(const coded::AdmissionSlotOutcome& out)
{
    const double now = Simulator::Now().GetSeconds();
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
        m_ledger->Admit(i, out.admitted[i] * m_packetSize);
        const double budget = out.scheduled[i] * m_packetSize;
        if (!(budget > 0.0))
        {
            continue;
        }
        double granted = 0.0;
        for (const coded::ChunkGrant& g : m_ledger->Grant(i, budget, now))
        {
            granted += static_cast<double>(g.bytes);
            if (!m_grantCallback.IsNull())
            {
                m_grantCallback(i, g);
            }
        }
        NS_LOG_LOGIC("slot " << m_slotCount << " queue " << i << ": budget " << budget
                             << " B, granted " << granted << " B, rate " << m_ledger->Rate(i)
                             << " B/s, grantable " << m_ledger->Grantable(i) << " B, in flight "
                             << m_ledger->InFlight(i) << " B");
        m_grantedTrace(i, budget, granted, m_ledger->Rate(i));
    }
}

void
LyapunovSlotScheduler::AddUpload(uint32_t queue,
                                 const coded::UploadId& id,
                                 const std::vector<uint32_t>& chunkBytes)
{
    NS_LOG_FUNCTION(this << queue << id.iteration << id.task);
    CheckQueue(queue);
    if (!m_ledger)
    {
        throw std::invalid_argument(
            "LyapunovSlotScheduler: AddUpload() needs Channel = Measured and Start()");
    }
    const uint64_t before = m_ledger->Outstanding(queue);
    m_ledger->AddUpload(queue, id, chunkBytes);
    m_reservoir[queue] += static_cast<double>(m_ledger->Outstanding(queue) - before) / m_packetSize;
}

uint64_t
LyapunovSlotScheduler::NotifyChunkArrived(uint32_t queue, const coded::UploadId& id, uint32_t chunk)
{
    CheckQueue(queue);
    if (!m_ledger)
    {
        return 0;
    }
    const uint64_t bytes =
        m_ledger->OnChunkArrived(queue, id, chunk, Simulator::Now().GetSeconds());
    m_arrivedInSlot[queue] += static_cast<double>(bytes) / m_packetSize;
    return bytes;
}

void
LyapunovSlotScheduler::SetGrantCallback(GrantCallback cb)
{
    m_grantCallback = cb;
}

const coded::UplinkGrantLedger&
LyapunovSlotScheduler::GetLedger() const
{
    if (!m_ledger)
    {
        throw std::logic_error("LyapunovSlotScheduler: GetLedger() needs Channel = Measured and "
                               "Start()");
    }
    return *m_ledger;
}

LyapunovSlotScheduler::ChannelKind
LyapunovSlotScheduler::GetChannelKind() const
{
    return m_channelKind;
}

void
LyapunovSlotScheduler::Offer(uint32_t queue, uint64_t bytes)
{
    NS_LOG_FUNCTION(this << queue << bytes);
    CheckQueue(queue);
    if (!m_controller)
    {
        throw std::invalid_argument("LyapunovSlotScheduler: Offer() before Start()");
    }
    if (m_ledger)
    {
        throw std::invalid_argument(
            "LyapunovSlotScheduler: Offer() is for the Rayleigh channel; use AddUpload()");
    }
    m_reservoir[queue] += static_cast<double>(bytes) / m_packetSize;
}

double
LyapunovSlotScheduler::Flush(uint32_t queue)
{
    NS_LOG_FUNCTION(this << queue);
    CheckQueue(queue);
    if (!m_controller)
    {
        return 0.0;
    }
    const double dropped = m_reservoir[queue] + m_controller->Flush(queue);
    m_reservoir[queue] = 0.0;
    if (m_ledger)
    {
        m_ledger->Flush(queue);
        m_arrivedInSlot[queue] = 0.0;
    }
    return dropped;
}

double
LyapunovSlotScheduler::GetReservoir(uint32_t queue) const
{
    CheckQueue(queue);
    return m_controller ? m_reservoir[queue] : 0.0;
}

double
LyapunovSlotScheduler::GetDelivered(uint32_t queue) const
{
    CheckQueue(queue);
    return m_controller ? m_delivered[queue] : 0.0;
}

uint64_t
LyapunovSlotScheduler::GetSlotCount() const
{
    return m_slotCount;
}

void
LyapunovSlotScheduler::ResetMetrics()
{
    NS_LOG_FUNCTION(this);
    if (m_controller)
    {
        m_controller->ResetMetrics();
    }
}

const coded::LyapunovAdmissionController&
LyapunovSlotScheduler::GetController() const
{
    if (!m_controller)
    {
        throw std::logic_error("LyapunovSlotScheduler: GetController() before Start()");
    }
    return *m_controller;
}

const coded::RayleighSlotChannel&
LyapunovSlotScheduler::GetChannel() const
{
    if (!m_channel)
    {
        throw std::logic_error("LyapunovSlotScheduler: GetChannel() before Start()");
    }
    return *m_channel;
}

uint32_t
LyapunovSlotScheduler::GetPacketSize() const
{
    return m_packetSize;
}

int64_t
LyapunovSlotScheduler::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_arrivalRng->AssignStreams(stream);
    m_fadingRng->AssignStreams(stream + 1);
    return 2;
}

} // namespace ns3
