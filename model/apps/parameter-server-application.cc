// SPDX-License-Identifier: GPL-2.0-only
#include "parameter-server-application.h"

#include "ns3/boolean.h"
#include "ns3/coded-learning-header.h"
#include "ns3/double.h"
#include "ns3/gradient-code-factory.h"
#include "ns3/log.h"
#include "ns3/row-set-algebra.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ParameterServerApplication");

NS_OBJECT_ENSURE_REGISTERED(ParameterServerApplication);

TypeId
ParameterServerApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ParameterServerApplication")
            .SetParent<Application>()
            .SetGroupName("CodedLearning")
            .AddConstructor<ParameterServerApplication>()
            .AddAttribute("Scheme",
                          "Gradient code: uncoded, ignore-stragglers, k-sync, "
                          "fractional-repetition, cyclic-repetition, approximate, partial, "
                          "two-stage.",
                          StringValue("two-stage"),
                          MakeStringAccessor(&ParameterServerApplication::m_scheme),
                          MakeStringChecker())
            .AddAttribute("NumPartitions",
                          "K, the number of data partitions the code works on (0 = one per "
                          "worker).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ParameterServerApplication::m_numPartitions),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Iterations",
                          "Iterations to run.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&ParameterServerApplication::m_iterations),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("EvalInterval",
                          "Evaluate test accuracy every this many iterations (and after the "
                          "last one); 0 = only after the last one.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&ParameterServerApplication::m_evalInterval),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("LearningRate",
                          "SGD learning rate eta (the gradient is averaged over the samples).",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&ParameterServerApplication::m_learningRate),
                          MakeDoubleChecker<double>(1e-12))
            .AddAttribute("Momentum",
                          "SGD momentum in [0, 1).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ParameterServerApplication::m_momentum),
                          MakeDoubleChecker<double>(0.0, 0.999999))
            .AddAttribute("WeightDecay",
                          "L2 regularisation coefficient.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ParameterServerApplication::m_weightDecay),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("IterationDeadline",
                          "An iteration whose results do not suffice by then ends without an "
                          "update.",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&ParameterServerApplication::m_deadline),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("IterationGap",
                          "Pause between the end of an iteration and the start of the next.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&ParameterServerApplication::m_gap),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("HistoryBeta",
                          "EWMA weight of the old per-unit completion time, in [0, 1).",
                          DoubleValue(0.8),
                          MakeDoubleAccessor(&ParameterServerApplication::m_historyBeta),
                          MakeDoubleChecker<double>(0.0, 0.999999))
            .AddAttribute("Float32",
                          "Send model and results as float32 (half the bytes) instead of "
                          "float64.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ParameterServerApplication::m_float32),
                          MakeBooleanChecker())
            .AddAttribute("BatchSize",
                          "Mini-batch SGD: rows drawn per iteration from the whole training set "
                          "(0 = full batch). The server draws a seed per iteration from its "
                          "random stream, samples the rows with coded::MiniBatch and sends each "
                          "worker only the sampled rows of its blocks, so every worker holding a "
                          "partition uses the same rows and the codes stay exact.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ParameterServerApplication::m_batchSize),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ModelDelivery",
                          "unicast (a copy of the model per worker with work) or broadcast (one "
                          "copy to the subnet's broadcast address, NACKed chunks sent again by "
                          "unicast; needs a UDP transport with a broadcast address).",
                          StringValue("unicast"),
                          MakeStringAccessor(&ParameterServerApplication::m_delivery),
                          MakeStringChecker())
            .AddTraceSource("IterationEnd",
                            "An iteration ended (decoded or at its deadline).",
                            MakeTraceSourceAccessor(&ParameterServerApplication::m_iterationEnd),
                            "ns3::ParameterServerApplication::IterationTracedCallback")
            .AddTraceSource("ResultReceived",
                            "A coded result arrived whole and valid.",
                            MakeTraceSourceAccessor(&ParameterServerApplication::m_resultReceived),
                            "ns3::ParameterServerApplication::ResultTracedCallback")
            .AddTraceSource("Drop",
                            "A received message was dropped (wrong type, stale or future "
                            "iteration, unknown task or owner, duplicate, undecodable payload); "
                            "the argument is the reason. GetResultsDropped() counts them.",
                            MakeTraceSourceAccessor(&ParameterServerApplication::m_dropTrace),
                            "ns3::MessageTransport::DropTracedCallback")
            .AddTraceSource("Diverged",
                            "Training ended because a quantity of the iteration was not finite "
                            "(decoded gradient or loss, updated model, a worker's result): the "
                            "iteration and the quantity in words.",
                            MakeTraceSourceAccessor(&ParameterServerApplication::m_divergedTrace),
                            "ns3::ParameterServerApplication::DivergedTracedCallback");
    return tid;
}

ParameterServerApplication::ParameterServerApplication()
    : m_iterations(100),
      m_numPartitions(0),
      m_evalInterval(10),
      m_learningRate(0.1),
      m_momentum(0.0),
      m_weightDecay(0.0),
      m_historyBeta(0.8),
      m_float32(false),
      m_batchSize(0),
      m_delivery("unicast"),
      m_rng(CreateObject<Ns3RandomSource>()),
      m_batchRng(CreateObject<Ns3RandomSource>())
{
    NS_LOG_FUNCTION(this);
}

void
ParameterServerApplication::Setup(Ptr<LearningSetup> setup,
                                  Ptr<MessageTransport> transport,
                                  uint32_t numWorkers,
                                  const coded::CodingParameters& coding)
{
    m_setup = setup;
    m_transport = transport;
    m_numWorkers = numWorkers;
    m_coding = coding;
    m_coding.numWorkers = numWorkers;
}

void
ParameterServerApplication::SetAdmission(Ptr<LyapunovSlotScheduler> scheduler)
{
    m_admission = scheduler;
}

int64_t
ParameterServerApplication::AssignStreams(int64_t stream)
{
    int64_t used = m_rng->AssignStreams(stream);
    if (m_batchSize > 0)
    {
        // Only with mini-batches, so that full-batch runs keep their stream numbers.
        used += m_batchRng->AssignStreams(stream + used);
    }
    if (m_admission)
    {
        used += m_admission->AssignStreams(stream + used);
    }
    return used;
}

uint8_t
ParameterServerApplication::PrecisionFlags() const
{
    return m_float32 ? CodedLearningHeader::FLAG_FLOAT32 : 0;
}

void
ParameterServerApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_setup || !m_setup->IsReady() || !m_transport || m_numWorkers == 0,
                    "ParameterServerApplication started without Setup()");
    const coded::Dataset& train = m_setup->Train();
    const uint32_t k = m_numPartitions == 0 ? m_numWorkers : m_numPartitions;
    // Throws std::invalid_argument with a clear message for bad parameters; the main program
    // validates them first, so reaching this is a programming error.
    NS_ABORT_MSG_IF(m_batchSize > train.NumSamples(),
                    "BatchSize = " << m_batchSize << " exceeds the " << train.NumSamples()
                                   << " training samples; use 0 (full batch) or at most that");
    m_code = coded::GradientCodeFactory::Create(m_scheme,
                                                m_coding,
                                                coded::DataPartitioner(train.NumSamples(), k),
                                                *m_rng);
    // The data placement is fixed now, before the first iteration; the workers check their
    // tasks against it.
    m_setup->SetPlacement(m_code->SharedPlacement());
    m_history = std::make_unique<coded::CompletionHistory>(m_numWorkers, m_historyBeta);
    m_model = m_setup->NewModel();
    m_params = m_model->Parameters();
    coded::SgdOptimizer::Config sgd;
    sgd.learningRate = m_learningRate;
    sgd.momentum = m_momentum;
    sgd.weightDecay = m_weightDecay;
    m_sgd = std::make_unique<coded::SgdOptimizer>(sgd);
    m_models.Setup(m_transport, m_numWorkers, ModelDistributor::ParseMode(m_delivery));
    m_transport->SetReceiveCallback(MakeCallback(&ParameterServerApplication::HandleMessage, this));
    m_transport->Start();
    if (m_admission)
    {
        m_admission->SetAttribute("NumQueues", UintegerValue(m_numWorkers));
        if (m_admission->GetChannelKind() == LyapunovSlotScheduler::MEASURED)
        {
            m_admission->SetGrantCallback(
                MakeCallback(&ParameterServerApplication::SendChunkGrant, this));
            m_transport->TraceConnectWithoutContext(
                "ChunkReceived",
                MakeCallback(&ParameterServerApplication::OnChunkReceived, this));
        }
        else
        {
            m_admission->TraceConnectWithoutContext(
                "Served",
                MakeCallback(&ParameterServerApplication::OnServed, this));
        }
        m_admission->Start();
        m_uploads.assign(m_numWorkers, std::deque<Upload>());
        m_reported.assign(m_numWorkers, std::set<std::pair<uint16_t, uint8_t>>());
        m_offered.assign(m_numWorkers, 0.0);
    }
    m_iteration = 0;
    m_iterationsDone = 0;
    StartIteration();
}

void
ParameterServerApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_deadlineEvent);
    Simulator::Cancel(m_stageTwoEvent);
    Simulator::Cancel(m_nextEvent);
    m_active = false;
    if (m_admission && m_admission->IsRunning())
    {
        m_admission->Stop();
    }
    if (m_transport)
    {
        m_transport->Stop();
    }
}

void
ParameterServerApplication::StartIteration()
{
    NS_LOG_FUNCTION(this << m_iteration);
    m_round = m_code->StartRound(m_iteration, *m_history);
    if (m_batchSize > 0)
    {
        // A 53-bit seed from the server's own mini-batch stream.
        const auto seed = static_cast<uint64_t>(m_batchRng->Uniform() * 9007199254740992.0);
        m_batch = coded::MiniBatch::Sample(m_setup->Train().NumSamples(), m_batchSize, seed);
    }
    m_active = true;
    m_results.assign(m_round->Plan().NumTasks(), coded::DenseVector());
    m_dispatched.assign(m_round->Plan().NumTasks(), Time(0));
    m_arrived.assign(m_round->Plan().NumTasks(), Time(0));
    m_network.assign(m_round->Plan().NumTasks(), 0.0);
    m_record = IterationRecord();
    m_record.scheme = m_scheme;
    m_record.iteration = m_iteration;
    m_record.startTime = Simulator::Now().GetSeconds();
    m_bytesUpAtStart = m_transport->GetBytesReceived();
    m_bytesDownAtStart = m_transport->GetBytesSent();

    // The model: by unicast to the workers with work (a worker that gets stage-2 work later
    // gets it then, Dispatch), or one broadcast to all (ModelDistributor).
    m_models.StartIteration(m_iteration,
                            coded::EncodeVector(m_params,
                                                m_float32 ? coded::WirePrecision::FLOAT32
                                                          : coded::WirePrecision::FLOAT64),
                            PrecisionFlags(),
                            m_round->Plan());
    std::vector<uint32_t> ids(m_round->Plan().NumTasks());
    for (uint32_t i = 0; i < ids.size(); ++i)
    {
        ids[i] = i;
    }
    Dispatch(ids);
    m_deadlineEvent =
        Simulator::Schedule(m_deadline, &ParameterServerApplication::OnDeadline, this);
    ScheduleStageTwoCheck();
}

void
ParameterServerApplication::ScheduleStageTwoCheck()
{
    Simulator::Cancel(m_stageTwoEvent);
    const double next = m_round->NextStageTwoTime();
    if (!m_active || !std::isfinite(next))
    {
        return;
    }
    // One nanosecond late, so that the deadline has passed when the check runs (Time rounds
    // to nanoseconds); a check that still finds nothing late reschedules itself later.
    const double elapsed = Simulator::Now().GetSeconds() - m_record.startTime;
    const Time delay = Seconds(std::max(0.0, next - elapsed)) + NanoSeconds(1);
    m_stageTwoEvent = Simulator::Schedule(delay, &ParameterServerApplication::CheckStageTwo, this);
}

void
ParameterServerApplication::Dispatch(const std::vector<uint32_t>& ids)
{
    const coded::IterationPlan& plan = m_round->Plan();
    m_results.resize(plan.NumTasks());
    m_dispatched.resize(plan.NumTasks(), Time(0));
    m_arrived.resize(plan.NumTasks(), Time(0));
    m_network.resize(plan.NumTasks(), 0.0);
    for (uint32_t id : ids)
    {
        const coded::CodingTask& task = plan.Task(id);
        NS_ABORT_MSG_IF(id > 0xFFFF, "task id " << id << " does not fit the 16-bit header field");
        coded::WireTask wire;
        wire.load = task.load;
        for (const auto& term : task.terms)
        {
            coded::WireTerm t;
            t.block = term.block;
            t.coefficient = term.coefficient;
            t.rows = m_batch.Restrict(plan.Blocks()[term.block].rows);
            if (!t.rows.empty()) // a block without batch rows contributes zero
            {
                wire.terms.push_back(std::move(t));
            }
        }
        if (!task.transfer.empty())
        {
            // Raw-sample transfer: the rows the worker does not store travel with the task.
            wire.rawRows = coded::NormalizeRows(m_batch.Restrict(task.transfer));
            if (!wire.rawRows.empty())
            {
                wire.rawBytesPerSample = coded::RawBytesPerSample(m_setup->Train());
                wire.rawSamples = coded::EncodeRawSamples(m_setup->Train(), wire.rawRows);
            }
        }
        if (!m_models.Has(task.worker))
        {
            m_models.SendTo(task.worker);
        }
        MessageInfo info;
        info.type = CodedLearningHeader::TASK;
        info.iteration = m_iteration;
        info.worker = static_cast<uint16_t>(task.worker);
        info.stage = static_cast<uint8_t>(task.stage);
        info.task = static_cast<uint16_t>(id);
        info.flags = PrecisionFlags();
        m_dispatched[id] = Simulator::Now();
        m_record.computeLoad += task.load;
        ++m_record.tasks;
        m_transport->Send(task.worker, info, coded::EncodeTask(wire));
    }
}

void
ParameterServerApplication::CheckStageTwo()
{
    if (!m_active || !m_round->HasStageTwo())
    {
        return;
    }
    const double elapsed = Simulator::Now().GetSeconds() - m_record.startTime;
    if (m_round->ShouldStartStageTwo(elapsed))
    {
        const std::vector<uint32_t> ids = m_round->StartStageTwo(elapsed);
        m_record.stageTwo = true;
        m_record.stageTwoTasks += static_cast<uint32_t>(ids.size());
        NS_LOG_INFO("iteration " << m_iteration << ": stage 2 with " << ids.size() << " tasks at +"
                                 << elapsed << " s");
        Dispatch(ids);
    }
    ScheduleStageTwoCheck();
}

void
ParameterServerApplication::DropResult(const std::string& reason)
{
    NS_LOG_LOGIC("server drops a message: " << reason);
    ++m_resultsDropped;
    m_dropTrace(reason);
}

void
ParameterServerApplication::HandleMessage(uint32_t peer,
                                          const MessageInfo& info,
                                          const std::vector<uint8_t>& payload)
{
    NS_LOG_FUNCTION(this << peer << +info.type << info.iteration << info.task);
    if (info.type == CodedLearningHeader::REPORT && m_admission)
    {
        HandleReport(peer, info, payload);
        return;
    }
    if (info.type == CodedLearningHeader::NACK && m_models.GetMode() == ModelDistributor::BROADCAST)
    {
        const std::string refused = m_models.HandleNack(peer, info, payload, m_active);
        if (!refused.empty())
        {
            DropResult(refused);
        }
        return;
    }
    if (info.type != CodedLearningHeader::RESULT)
    {
        DropResult("unexpected message type " + std::to_string(info.type));
        return;
    }
    if (!m_active || info.iteration != m_iteration)
    {
        if (info.iteration <= m_iteration)
        {
            ++m_lateResults;
        }
        DropResult("result of iteration " + std::to_string(info.iteration) + " (current " +
                   std::to_string(m_iteration) + ", active " + std::to_string(m_active) + ")");
        return;
    }
    const coded::IterationPlan& plan = m_round->Plan();
    if (info.task >= plan.NumTasks() || plan.Task(info.task).worker != peer || info.worker != peer)
    {
        DropResult("result for task " + std::to_string(info.task) + " from worker " +
                   std::to_string(peer) + ", which does not own it");
        return;
    }
    if (m_round->IsReceived(info.task))
    {
        DropResult("duplicate result for task " + std::to_string(info.task));
        return;
    }
    const auto precision = (info.flags & CodedLearningHeader::FLAG_FLOAT32)
                               ? coded::WirePrecision::FLOAT32
                               : coded::WirePrecision::FLOAT64;
    double computeTime = 0.0;
    try
    {
        coded::WireResult result = coded::DecodeResultPayload(payload.data(),
                                                              payload.size(),
                                                              m_params.size() + 1,
                                                              precision);
        m_results[info.task] = std::move(result.values);
        computeTime = result.computeTime;
    }
    catch (const std::exception& e)
    {
        DropResult(std::string("bad result: ") + e.what());
        return;
    }
    const coded::CodingTask& task = plan.Task(info.task);
    const Time elapsed = Simulator::Now() - m_dispatched[info.task];
    m_arrived[info.task] = Simulator::Now();
    if (task.load > 0)
    {
        // The worker's compute time, and the rest of the time since dispatch as network time
        // (downlink of model and task, uplink of the result).
        m_network[info.task] = std::max(0.0, elapsed.GetSeconds() - computeTime);
        m_history->RecordCompletion(task.worker, computeTime, task.load, m_network[info.task]);
    }
    m_resultReceived(m_iteration, task.worker, info.task, elapsed);
    if (m_round->OnResult(info.task))
    {
        Complete(true);
    }
    else
    {
        CheckStageTwo();
    }
}

void
ParameterServerApplication::HandleReport(uint32_t peer,
                                         const MessageInfo& info,
                                         const std::vector<uint8_t>& payload)
{
    if (!m_active || info.iteration != m_iteration)
    {
        DropResult("report of iteration " + std::to_string(info.iteration));
        return;
    }
    const coded::IterationPlan& plan = m_round->Plan();
    if (info.task >= plan.NumTasks() || plan.Task(info.task).worker != peer ||
        info.worker != peer || m_round->IsReceived(info.task))
    {
        DropResult("report for task " + std::to_string(info.task) + " from worker " +
                   std::to_string(peer) + ", which does not own it or already delivered it");
        return;
    }
    if (!m_reported[peer].insert({info.task, info.stage}).second)
    {
        return; // a repeated REPORT (the worker had no GRANT yet): already known
    }
    uint64_t bytes = 0;
    try
    {
        bytes = coded::DecodeUint64(payload.data(), payload.size());
    }
    catch (const std::exception& e)
    {
        DropResult(std::string("bad report: ") + e.what());
        return;
    }
    if (bytes > CodedLearningHeader::MAX_MESSAGE_BYTES)
    {
        DropResult("report of " + std::to_string(bytes) + " bytes");
        return;
    }
    if (m_admission->GetChannelKind() == LyapunovSlotScheduler::MEASURED)
    {
        try
        {
            m_admission->AddUpload(peer,
                                   {info.iteration, info.task, info.stage},
                                   m_transport->ChunkSizes(static_cast<uint32_t>(bytes)));
        }
        catch (const std::invalid_argument& e)
        {
            DropResult(std::string("report refused: ") + e.what());
        }
        return;
    }
    m_admission->Offer(peer, bytes);
    m_offered[peer] += static_cast<double>(bytes) / m_admission->GetPacketSize();
    m_uploads[peer].push_back(Upload{info.iteration, info.task, info.stage, m_offered[peer]});
    GrantServed(peer);
}

void
ParameterServerApplication::OnServed(uint32_t queue, double /* scheduled */, double /* delivered */)
{
    if (queue < m_uploads.size())
    {
        GrantServed(queue);
    }
}

void
ParameterServerApplication::GrantServed(uint32_t worker)
{
    const double delivered = m_admission->GetDelivered(worker);
    while (!m_uploads[worker].empty() && m_uploads[worker].front().target <= delivered + 1e-9)
    {
        const Upload u = m_uploads[worker].front();
        m_uploads[worker].pop_front();
        MessageInfo info;
        info.type = CodedLearningHeader::GRANT;
        info.iteration = u.iteration;
        info.worker = static_cast<uint16_t>(worker);
        info.stage = u.stage;
        info.task = u.task;
        m_transport->Send(worker, info, {});
    }
}

void
ParameterServerApplication::SendChunkGrant(uint32_t worker, const coded::ChunkGrant& grant)
{
    std::vector<uint32_t> chunks = grant.fresh;
    chunks.insert(chunks.end(), grant.again.begin(), grant.again.end());
    std::sort(chunks.begin(), chunks.end());
    MessageInfo info;
    info.type = CodedLearningHeader::GRANT;
    info.iteration = grant.upload.iteration;
    info.worker = static_cast<uint16_t>(worker);
    info.stage = static_cast<uint8_t>(grant.upload.stage);
    info.task = static_cast<uint16_t>(grant.upload.task);
    m_transport->Send(worker, info, coded::EncodeChunkList(chunks));
}

void
ParameterServerApplication::OnChunkReceived(uint32_t peer,
                                            const MessageInfo& info,
                                            uint32_t chunk,
                                            uint32_t /* bytes */)
{
    if (info.type == CodedLearningHeader::RESULT && peer < m_numWorkers)
    {
        m_admission->NotifyChunkArrived(peer, {info.iteration, info.task, info.stage}, chunk);
    }
}

void
ParameterServerApplication::OnDeadline()
{
    NS_LOG_FUNCTION(this << m_iteration);
    if (m_active)
    {
        Complete(false);
    }
}

void
ParameterServerApplication::Diverge(uint32_t iteration, const std::string& quantity)
{
    NS_LOG_FUNCTION(this << iteration << quantity);
    if (m_active && iteration == m_iteration)
    {
        Complete(false, quantity);
    }
}

std::string
ParameterServerApplication::ApplyDecoded()
{
    const coded::DecodeResult& dec = m_round->Decode();
    const coded::DenseVector combined = dec.Combine(m_results);
    const Eigen::Index p = m_params.size();
    const uint32_t samples = m_batch.Size(m_setup->Train().NumSamples());
    m_record.decodeResidual = dec.maxResidual;
    if (!combined.head(p).allFinite())
    {
        return "the decoded gradient";
    }
    if (!std::isfinite(combined(p)))
    {
        return "the decoded training loss";
    }
    m_record.trainLoss = combined(p) / samples;
    coded::DenseVector next = m_params;
    m_sgd->Step(next, combined.head(p), samples);
    if (!next.allFinite())
    {
        return "the model after the update";
    }
    m_params = next;
    return "";
}

void
ParameterServerApplication::Complete(bool decoded, const std::string& notFinite)
{
    NS_LOG_FUNCTION(this << m_iteration << decoded << notFinite);
    Simulator::Cancel(m_deadlineEvent);
    Simulator::Cancel(m_stageTwoEvent);
    m_active = false;
    const Time now = Simulator::Now();
    const coded::IterationPlan& plan = m_round->Plan();
    m_record.decoded = decoded;
    m_record.outcome = decoded ? "decoded" : "deadline";
    m_record.resultsReceived = m_round->NumReceived();
    std::string divergence = notFinite;
    if (decoded && divergence.empty())
    {
        divergence = ApplyDecoded();
    }
    if (!divergence.empty())
    {
        NS_LOG_WARN("iteration " << m_iteration << ": " << divergence
                                 << " is not finite: training diverged");
        m_record.decoded = false;
        m_record.outcome = "diverged";
        m_diverged = true;
    }
    if (m_round->HasStageTwo())
    {
        // The last stage-1 finish of this iteration, or a lower bound if one never arrived.
        const coded::TwoStageInfo& info = plan.GetTwoStageInfo();
        double last = 0.0;
        double network = -1.0;
        bool censored = false;
        for (uint32_t id : info.stageOneTasks)
        {
            if (m_round->IsReceived(id))
            {
                last = std::max(last, m_arrived[id].GetSeconds() - m_record.startTime);
                network = std::max(network, m_network[id]);
            }
            else
            {
                censored = true;
            }
        }
        m_history->RecordStageOneFinish(censored ? now.GetSeconds() - m_record.startTime : last,
                                        censored);
        if (network >= 0.0)
        {
            // The network cost of this many stage-1 workers (the scheme's choice of their
            // number learns from it).
            m_history->RecordStageOneNetwork(static_cast<uint32_t>(info.stageOneTasks.size()),
                                             network);
        }
    }
    // Censored history for tasks still out, and CANCEL to every worker with work left.
    std::vector<bool> cancel(m_numWorkers, false);
    for (uint32_t id = 0; id < plan.NumTasks(); ++id)
    {
        if (!m_round->IsReceived(id))
        {
            const coded::CodingTask& task = plan.Task(id);
            if (task.load > 0)
            {
                m_history->RecordCensored(task.worker,
                                          (now - m_dispatched[id]).GetSeconds(),
                                          task.load);
            }
            cancel[task.worker] = true;
        }
    }
    for (uint32_t w = 0; w < m_numWorkers; ++w)
    {
        if (cancel[w])
        {
            MessageInfo info;
            info.type = CodedLearningHeader::CANCEL;
            info.iteration = m_iteration;
            info.worker = static_cast<uint16_t>(w);
            m_transport->Send(w, info, {});
        }
    }
    if (m_admission)
    {
        // Data of this iteration still waiting for the uplink is no longer needed.
        for (uint32_t w = 0; w < m_numWorkers; ++w)
        {
            m_admission->Flush(w);
            m_uploads[w].clear();
            m_reported[w].clear();
            m_offered[w] = m_admission->GetDelivered(w);
        }
    }
    m_record.chunksLost = m_transport->MissingChunks(m_iteration);
    m_transport->DiscardBefore(m_iteration + 1);
    m_record.bytesUp = m_transport->GetBytesReceived() - m_bytesUpAtStart;
    m_record.bytesDown = m_transport->GetBytesSent() - m_bytesDownAtStart;
    m_record.modelNacks = m_models.IterationNacks();
    m_record.modelRepairChunks = m_models.IterationRepairChunks();
    m_record.endTime = now.GetSeconds();
    const bool last = m_iteration + 1 >= m_iterations || m_diverged;
    if (last || (m_evalInterval > 0 && (m_iteration + 1) % m_evalInterval == 0))
    {
        m_model->SetParameters(m_params);
        m_record.testAccuracy = m_model->Accuracy(m_setup->Test());
    }
    ++m_iterationsDone;
    m_iterationEnd(m_record);
    m_round.reset();
    if (m_diverged)
    {
        m_divergedTrace(m_iteration, divergence);
    }
    else if (!last)
    {
        ++m_iteration;
        m_nextEvent = Simulator::Schedule(m_gap, &ParameterServerApplication::StartIteration, this);
    }
}

void
ParameterServerApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_round.reset();
    m_code.reset();
    m_models.Clear();
    m_admission = nullptr;
    if (m_transport)
    {
        // The application is the transport's only user. Disposing it breaks reference cycles
        // (ideal transports hold each other as peers), which LeakSanitizer found otherwise.
        m_transport->Dispose();
    }
    m_transport = nullptr;
    m_setup = nullptr;
    m_rng = nullptr;
    m_batchRng = nullptr;
    m_history.reset();
    m_model.reset();
    m_sgd.reset();
    Application::DoDispose();
}

} // namespace ns3
