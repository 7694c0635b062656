// SPDX-License-Identifier: GPL-2.0-only
#include "worker-application.h"

#include "ns3/boolean.h"
#include "ns3/coded-learning-header.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/row-set-algebra.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WorkerApplication");

NS_OBJECT_ENSURE_REGISTERED(WorkerApplication);

TypeId
WorkerApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::WorkerApplication")
            .SetParent<Application>()
            .SetGroupName("CodedLearning")
            .AddConstructor<WorkerApplication>()
            .AddAttribute("Index",
                          "This worker's index (0..n-1), as the server knows it.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&WorkerApplication::m_index),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("ComputeTimeModel",
                          "The straggler model that draws this worker's compute times.",
                          PointerValue(),
                          MakePointerAccessor(&WorkerApplication::m_computeTime),
                          MakePointerChecker<ComputeTimeModel>())
            .AddAttribute("UplinkAdmission",
                          "Announce finished results (REPORT) and send them only when the "
                          "server grants them (GRANT).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&WorkerApplication::m_admission),
                          MakeBooleanChecker())
            .AddAttribute("ReportRepeat",
                          "With UplinkAdmission: send a result's REPORT again after this long "
                          "while no GRANT for it has arrived (0: never).",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&WorkerApplication::m_reportRepeat),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("ModelRepair",
                          "The server broadcasts the model (ModelDelivery=broadcast): accept "
                          "MODEL addressed to all workers and NACK its missing chunks.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&WorkerApplication::m_modelRepair),
                          MakeBooleanChecker())
            .AddAttribute("ModelRepairTimeout",
                          "With ModelRepair: NACK the missing chunks of an incomplete broadcast "
                          "model this long after its last new chunk (or after a TASK that came "
                          "without it), and again after each further timeout.",
                          TimeValue(MilliSeconds(20)),
                          MakeTimeAccessor(&WorkerApplication::m_repairTimeout),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddTraceSource("TaskStarted",
                            "A task started: its result is computed, its compute time drawn.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_taskStarted),
                            "ns3::WorkerApplication::TaskTracedCallback")
            .AddTraceSource("TaskFinished",
                            "A task's compute time passed and its result was sent.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_taskFinished),
                            "ns3::WorkerApplication::TaskTracedCallback")
            .AddTraceSource("TaskCancelled",
                            "A queued or running task was cancelled by the server.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_taskCancelled),
                            "ns3::WorkerApplication::TaskTracedCallback")
            .AddTraceSource("ComputeStarted",
                            "A task starts computing: its samples and drawn compute time "
                            "(the energy accounting's input).",
                            MakeTraceSourceAccessor(&WorkerApplication::m_computeStarted),
                            "ns3::WorkerApplication::ComputeStartedTracedCallback")
            .AddTraceSource("ComputeEnded",
                            "The running task stops computing: it finished, was cancelled, or "
                            "the worker stopped; elapsed is the time it computed.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_computeEnded),
                            "ns3::WorkerApplication::ComputeEndedTracedCallback")
            .AddTraceSource("WorkDone",
                            "Computation ended: a task computed to the end (its load) or a "
                            "running task cancelled or stopped (the part of its load done).",
                            MakeTraceSourceAccessor(&WorkerApplication::m_workDone),
                            "ns3::WorkerApplication::WorkTracedCallback")
            .AddTraceSource("Drop",
                            "A received message was dropped (addressed to another worker, old "
                            "iteration, undecodable, unexpected type, grant for nothing held); "
                            "the argument is the reason. GetMessagesDropped() counts them.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_dropTrace),
                            "ns3::MessageTransport::DropTracedCallback")
            .AddTraceSource("NotFiniteResult",
                            "The result of a task (its coded gradient or loss) is not finite, "
                            "so it cannot be sent (the wire refuses non-finite values): the "
                            "task's iteration and id. The task is dropped; the run recipe ends "
                            "training as diverged (ParameterServerApplication::Diverge).",
                            MakeTraceSourceAccessor(&WorkerApplication::m_notFinite),
                            "ns3::WorkerApplication::TaskIdTracedCallback");
    return tid;
}

WorkerApplication::WorkerApplication()
    : m_index(0),
      m_computeTime(CreateObject<ComputeTimeModel>())
{
    NS_LOG_FUNCTION(this);
}

void
WorkerApplication::Setup(Ptr<LearningSetup> setup, Ptr<MessageTransport> transport)
{
    m_setup = setup;
    m_transport = transport;
}

Ptr<ComputeTimeModel>
WorkerApplication::GetComputeTimeModel() const
{
    return m_computeTime;
}

int64_t
WorkerApplication::AssignStreams(int64_t stream)
{
    return m_computeTime->AssignStreams(stream);
}

void
WorkerApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_poweredOff)
    {
        return; // the battery ran empty before the start
    }
    NS_ABORT_MSG_IF(!m_setup || !m_setup->IsReady() || !m_transport,
                    "WorkerApplication " << m_index << " started without Setup()");
    m_active = true;
    m_model = m_setup->NewModel();
    m_transport->SetReceiveCallback(MakeCallback(&WorkerApplication::HandleMessage, this));
    if (m_modelRepair)
    {
        m_transport->TraceConnectWithoutContext("ChunkReceived",
                                                MakeCallback(&WorkerApplication::OnChunk, this));
    }
    m_transport->Start();
}

void
WorkerApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (!m_active)
    {
        return; // not started, or stopped already (a crash after the battery ran empty)
    }
    m_active = false;
    if (m_busy)
    {
        EndCompute();
        CountWork((Simulator::Now() - m_runningStart).GetSeconds() / m_runningTime.GetSeconds());
    }
    Simulator::Cancel(m_finishEvent);
    Simulator::Cancel(m_repairEvent);
    m_queue.clear();
    m_held.clear();
    m_busy = false;
    if (m_transport)
    {
        m_transport->Stop();
    }
}

void
WorkerApplication::PowerOff()
{
    NS_LOG_FUNCTION(this);
    m_poweredOff = true;
    StopApplication();
}

void
WorkerApplication::EndCompute()
{
    m_computeEnded(m_running.iteration,
                   m_running.task,
                   m_runningSamples,
                   m_runningTime,
                   Simulator::Now() - m_runningStart);
}

void
WorkerApplication::DropMessage(const std::string& reason)
{
    NS_LOG_LOGIC("worker " << m_index << " drops a message: " << reason);
    ++m_messagesDropped;
    m_dropTrace(reason);
}

void
WorkerApplication::HandleMessage(uint32_t /* peer */,
                                 const MessageInfo& info,
                                 const std::vector<uint8_t>& payload)
{
    NS_LOG_FUNCTION(this << +info.type << info.iteration << info.task);
    const bool toAll = m_modelRepair && info.type == CodedLearningHeader::MODEL &&
                       info.worker == CodedLearningHeader::ALL_WORKERS;
    if (info.worker != m_index && info.type != CodedLearningHeader::CANCEL && !toAll)
    {
        DropMessage("addressed to worker " + std::to_string(info.worker));
        return;
    }
    const bool stale = info.iteration + 1 <= m_cancelledUpTo;
    switch (info.type)
    {
    case CodedLearningHeader::MODEL: {
        if (stale || (m_haveModel && info.iteration < m_iteration))
        {
            DropMessage("model of an old iteration");
            return;
        }
        const auto precision = (info.flags & CodedLearningHeader::FLAG_FLOAT32)
                                   ? coded::WirePrecision::FLOAT32
                                   : coded::WirePrecision::FLOAT64;
        try
        {
            m_model->SetParameters(
                coded::DecodeVector(payload, m_model->NumParameters(), precision));
        }
        catch (const std::exception& e)
        {
            DropMessage(std::string("bad model: ") + e.what());
            return;
        }
        if (m_haveModel && info.iteration > m_iteration)
        {
            CancelUpTo(info.iteration - 1); // work of older iterations is useless now
        }
        m_haveModel = true;
        m_iteration = info.iteration;
        TryStart();
        break;
    }
    case CodedLearningHeader::TASK: {
        if (stale || (m_haveModel && info.iteration < m_iteration))
        {
            DropMessage("task of an old iteration");
            return;
        }
        QueuedTask q;
        try
        {
            q.info = info;
            q.task = coded::DecodeTask(payload, m_setup->Train().NumSamples());
        }
        catch (const std::exception& e)
        {
            DropMessage(std::string("bad task: ") + e.what());
            return;
        }
        if (!HasRows(q.task))
        {
            ++m_tasksRefused;
            DropMessage("task " + std::to_string(info.task) +
                        " needs rows this worker neither stores nor received");
            return;
        }
        m_rawSamplesReceived += coded::RowCount(q.task.rawRows);
        q.task.rawSamples.clear(); // the values are in the shared training set
        if (m_modelRepair && !HasModelOf(info.iteration))
        {
            ArmRepair(info.iteration, info.flags, false); // its model is late or lost
        }
        m_queue.push_back(std::move(q));
        TryStart();
        break;
    }
    case CodedLearningHeader::CANCEL:
        CancelUpTo(info.iteration);
        break;
    case CodedLearningHeader::GRANT:
        HandleGrant(info, payload);
        break;
    default:
        DropMessage("unexpected message type " + std::to_string(info.type));
        break;
    }
}

bool
WorkerApplication::HasRows(const coded::WireTask& task) const
{
    const std::shared_ptr<const coded::DataPlacement> placement = m_setup->GetPlacement();
    if (!placement)
    {
        return true;
    }
    if (m_index >= placement->NumWorkers())
    {
        return false;
    }
    const coded::RowSet available = coded::UniteRows(placement->Stored(m_index), task.rawRows);
    for (const auto& term : task.terms)
    {
        if (!coded::ContainsRows(available, term.rows))
        {
            return false;
        }
    }
    return true;
}

bool
WorkerApplication::HasModelOf(uint32_t iteration) const
{
    return m_haveModel && m_iteration >= iteration;
}

void
WorkerApplication::OnChunk(uint32_t /* peer */,
                           const MessageInfo& info,
                           uint32_t /* chunk */,
                           uint32_t /* bytes */)
{
    if (info.type == CodedLearningHeader::MODEL &&
        info.worker == CodedLearningHeader::ALL_WORKERS && !HasModelOf(info.iteration))
    {
        ArmRepair(info.iteration, info.flags, true);
    }
}

void
WorkerApplication::ArmRepair(uint32_t iteration, uint8_t flags, bool restart)
{
    if (!restart && !m_repairEvent.IsExpired() && m_repairIteration == iteration)
    {
        return;
    }
    if (!m_repairEvent.IsExpired() && iteration < m_repairIteration)
    {
        return; // the timer waits for a later model already
    }
    Simulator::Cancel(m_repairEvent);
    m_repairIteration = iteration;
    m_repairFlags = flags & CodedLearningHeader::FLAG_FLOAT32;
    m_repairEvent = Simulator::Schedule(m_repairTimeout, &WorkerApplication::OnRepairTimeout, this);
}

void
WorkerApplication::OnRepairTimeout()
{
    const uint32_t r = m_repairIteration;
    if (!m_active || HasModelOf(r) || r + 1 <= m_cancelledUpTo)
    {
        return; // the model is whole, or its iteration is over
    }
    MessageInfo model;
    model.type = CodedLearningHeader::MODEL;
    model.iteration = r;
    model.worker = CodedLearningHeader::ALL_WORKERS;
    std::vector<uint32_t> missing = m_transport->MissingChunksOf(model);
    if (missing.empty())
    {
        // Nothing of it arrived (a TASK came without it): ask for every chunk.
        const uint32_t bytesPerValue = (m_repairFlags & CodedLearningHeader::FLAG_FLOAT32) ? 4 : 8;
        const auto count = static_cast<uint32_t>(
            m_transport->ChunkSizes(m_model->NumParameters() * bytesPerValue).size());
        for (uint32_t c = 0; c < count; ++c)
        {
            missing.push_back(c);
        }
    }
    MessageInfo nack;
    nack.type = CodedLearningHeader::NACK;
    nack.iteration = r;
    nack.worker = m_index;
    NS_LOG_LOGIC("worker " << m_index << " NACKs " << missing.size() << " chunks of model " << r);
    m_transport->Send(0, nack, coded::EncodeChunkList(missing));
    ++m_nacksSent;
    m_repairEvent = Simulator::Schedule(m_repairTimeout, &WorkerApplication::OnRepairTimeout, this);
}

void
WorkerApplication::CountWork(double fraction)
{
    const double done = m_runningLoad * std::min(1.0, std::max(0.0, fraction));
    m_loadDone += done;
    m_workDone(m_running.iteration, m_running.task, done);
}

void
WorkerApplication::HandleGrant(const MessageInfo& info, const std::vector<uint8_t>& payload)
{
    for (auto it = m_held.begin(); it != m_held.end(); ++it)
    {
        if (it->info.iteration != info.iteration || it->info.task != info.task ||
            it->info.stage != info.stage)
        {
            continue;
        }
        it->granted = true;
        if (payload.empty())
        {
            m_transport->Send(0, it->info, it->payload);
            m_held.erase(it);
            return;
        }
        const auto count =
            static_cast<uint32_t>(m_transport->ChunkSizes(it->payload.size()).size());
        std::vector<uint32_t> chunks;
        try
        {
            chunks = coded::DecodeChunkList(payload.data(), payload.size(), count);
        }
        catch (const std::exception& e)
        {
            DropMessage(std::string("bad grant: ") + e.what());
            return;
        }
        it->sent.resize(count, false);
        std::vector<uint32_t> fresh;
        std::vector<uint32_t> again;
        for (uint32_t c : chunks)
        {
            (it->sent[c] ? again : fresh).push_back(c);
            it->sent[c] = true;
        }
        if (!fresh.empty())
        {
            m_transport->SendChunks(0, it->info, it->payload, fresh);
        }
        if (!again.empty())
        {
            MessageInfo resend = it->info;
            resend.flags |= CodedLearningHeader::FLAG_RETRANSMISSION;
            m_transport->SendChunks(0, resend, it->payload, again);
        }
        return;
    }
    DropMessage("grant for a result that is not held (iteration " + std::to_string(info.iteration) +
                ", task " + std::to_string(info.task) + ")");
}

void
WorkerApplication::RepeatReport(uint32_t iteration, uint16_t task, uint8_t stage)
{
    for (const Held& h : m_held)
    {
        if (h.info.iteration == iteration && h.info.task == task && h.info.stage == stage)
        {
            if (h.granted || !m_transport)
            {
                return;
            }
            MessageInfo report = h.info;
            report.type = CodedLearningHeader::REPORT;
            m_transport->Send(0, report, coded::EncodeUint64(h.payload.size()));
            Simulator::Schedule(m_reportRepeat,
                                &WorkerApplication::RepeatReport,
                                this,
                                iteration,
                                task,
                                stage);
            return;
        }
    }
}

void
WorkerApplication::CancelUpTo(uint32_t iteration)
{
    m_cancelledUpTo = std::max(m_cancelledUpTo, iteration + 1);
    for (auto it = m_held.begin(); it != m_held.end();)
    {
        it = it->info.iteration <= iteration ? m_held.erase(it) : std::next(it);
    }
    for (auto it = m_queue.begin(); it != m_queue.end();)
    {
        if (it->info.iteration <= iteration)
        {
            ++m_tasksCancelled;
            m_taskCancelled(it->info.iteration, it->info.task, it->task.load, Time(0));
            it = m_queue.erase(it);
        }
        else
        {
            ++it;
        }
    }
    if (m_busy && m_running.iteration <= iteration)
    {
        Simulator::Cancel(m_finishEvent);
        EndCompute();
        CountWork((Simulator::Now() - m_runningStart).GetSeconds() / m_runningTime.GetSeconds());
        m_busy = false;
        ++m_tasksCancelled;
        m_taskCancelled(m_running.iteration, m_running.task, m_runningLoad, m_runningTime);
    }
    TryStart();
}

void
WorkerApplication::TryStart()
{
    while (!m_busy && !m_queue.empty() && m_haveModel)
    {
        // Old tasks are useless (their model is gone); tasks of later iterations wait for their
        // model without blocking the current iteration's tasks behind them (a hostile or
        // misrouted far-future task would otherwise stall the worker for good).
        auto it = m_queue.begin();
        while (it != m_queue.end() && it->info.iteration != m_iteration)
        {
            it = it->info.iteration < m_iteration ? m_queue.erase(it) : std::next(it);
        }
        if (it == m_queue.end())
        {
            return;
        }
        QueuedTask next = *it;
        m_queue.erase(it);
        const uint32_t p = m_model->NumParameters();
        m_result = coded::DenseVector::Zero(p + 1);
        coded::DenseVector g;
        uint64_t samples = 0;
        for (const auto& term : next.task.terms)
        {
            samples += coded::RowCount(term.rows);
            const double loss = m_setup->LossAndGradient(*m_model, term.rows, g);
            m_result.head(p) += term.coefficient * g;
            m_result(p) += term.coefficient * loss;
        }
        if (!m_result.allFinite())
        {
            NS_LOG_WARN("worker " << m_index << ": the result of task " << next.info.task
                                  << " of iteration " << next.info.iteration
                                  << " is not finite; not sent");
            ++m_resultsNotFinite;
            m_notFinite(next.info.iteration, next.info.task);
            continue;
        }
        m_precision = (next.info.flags & CodedLearningHeader::FLAG_FLOAT32)
                          ? coded::WirePrecision::FLOAT32
                          : coded::WirePrecision::FLOAT64;
        const Time t = m_computeTime->Sample(next.task.load);
        m_running = next.info;
        m_runningLoad = next.task.load;
        m_runningTime = t;
        m_runningSamples = samples;
        m_runningStart = Simulator::Now();
        m_busy = true;
        m_taskStarted(next.info.iteration, next.info.task, next.task.load, t);
        m_computeStarted(next.info.iteration, next.info.task, samples, t);
        m_finishEvent = Simulator::Schedule(t, &WorkerApplication::Finish, this);
    }
}

void
WorkerApplication::Finish()
{
    NS_LOG_FUNCTION(this << m_running.iteration << m_running.task);
    EndCompute();
    m_busy = false;
    CountWork(1.0);
    MessageInfo out = m_running;
    out.type = CodedLearningHeader::RESULT;
    out.worker = m_index;
    const std::vector<uint8_t> payload =
        coded::EncodeResultPayload(m_runningTime.GetSeconds(), m_result, m_precision);
    if (m_admission)
    {
        Held held;
        held.info = out;
        held.payload = payload;
        MessageInfo report = out;
        report.type = CodedLearningHeader::REPORT;
        m_transport->Send(0, report, coded::EncodeUint64(held.payload.size()));
        m_held.push_back(held);
        if (m_reportRepeat.IsStrictlyPositive())
        {
            Simulator::Schedule(m_reportRepeat,
                                &WorkerApplication::RepeatReport,
                                this,
                                out.iteration,
                                out.task,
                                out.stage);
        }
    }
    else
    {
        m_transport->Send(0, out, payload);
    }
    ++m_tasksCompleted;
    m_taskFinished(m_running.iteration, m_running.task, m_runningLoad, m_runningTime);
    TryStart();
}

void
WorkerApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_transport)
    {
        // The application is the transport's only user. Disposing it breaks reference cycles
        // (ideal transports hold each other as peers), which LeakSanitizer found otherwise.
        m_transport->Dispose();
    }
    m_transport = nullptr;
    m_setup = nullptr;
    m_computeTime = nullptr;
    m_model.reset();
    Application::DoDispose();
}

} // namespace ns3
