// SPDX-License-Identifier: GPL-2.0-only
#include "coded-learning-run.h"

#include "command-line-checks.h"
#include "dataset-loader.h"
#include "learning-model-factory.h"

#include "ns3/boolean.h"
#include "ns3/coded-learning-header.h"
#include "ns3/data-partitioner.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/fault-injection-helper.h"
#include "ns3/gradient-code-factory.h"
#include "ns3/network-scenario-factory.h"
#include "ns3/non-iid-partitioner.h"
#include "ns3/queue-disc-csv-writer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>

namespace ns3
{

namespace
{

/// Creates a folder (and its parents) if missing. \param path the folder
void
MakeDirectories(const std::string& path)
{
    std::string partial;
    for (size_t i = 0; i <= path.size(); ++i)
    {
        if (i == path.size() || path[i] == '/')
        {
            if (!partial.empty() && mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST)
            {
                throw std::runtime_error("--outDir=" + path + ": cannot create '" + partial +
                                         "': " + std::strerror(errno));
            }
        }
        if (i < path.size())
        {
            partial += path[i];
        }
    }
}

/// \param from a station's position \param distance a distance from the access point (at the
/// origin) \return the point at that distance along the station's direction (on the x axis
/// for a station at the origin), at the station's height
Vector
AlongDirection(const Vector& from, double distance)
{
    const double norm = std::sqrt(from.x * from.x + from.y * from.y);
    return norm > 0 ? Vector(from.x * distance / norm, from.y * distance / norm, from.z)
                    : Vector(distance, 0.0, from.z);
}

} // namespace

CodedLearningRun::CodedLearningRun(const CodedLearningRunSettings& settings)
    : m_settings(settings)
{
}

CodedLearningRun::~CodedLearningRun() = default;

void
CodedLearningRun::Build()
{
    if (m_built)
    {
        throw std::logic_error("CodedLearningRun::Build: called twice");
    }
    m_built = true;
    if (m_settings.outputs.writeFiles)
    {
        // Fail before the (slow) data loading when the results cannot be written.
        MakeDirectories(m_settings.outputs.outDir);
    }
    CreateRandomSources();
    BuildLearning();
    BuildNetwork();
    BuildAdmission();
    InstallApplications();
    BuildEnergy();
    ScheduleFaults();
    ConnectOutputs();
    // A safety net: every iteration ends by its deadline.
    Simulator::Stop(m_settings.StopTime());
}

void
CodedLearningRun::CreateRandomSources()
{
    if (m_settings.simulation.dataSeed != 0)
    {
        m_seededRng = std::make_unique<coded::SeededRandomSource>(m_settings.simulation.dataSeed);
        return;
    }
    // Stream 0 shuffles the training set (random partitions), stream 1 makes synthetic data
    // and initialises the model.
    m_orderRng = CreateObject<Ns3RandomSource>();
    m_dataRng = CreateObject<Ns3RandomSource>();
    m_orderRng->AssignStreams(0);
    m_dataRng->AssignStreams(1);
}

void
CodedLearningRun::BuildLearning()
{
    coded::RandomSource& dataRng = m_seededRng ? *m_seededRng : *m_dataRng;
    coded::RandomSource& orderRng = m_seededRng ? *m_seededRng : *m_orderRng;
    DatasetLoader::Sets sets = DatasetLoader::Load(m_settings.data, dataRng);
    if (m_settings.simulation.shuffleTrainingSet)
    {
        sets.train = std::make_shared<coded::Dataset>(
            sets.train->Gather(orderRng.Permutation(sets.train->NumSamples())));
    }
    ApplyPartitioning(sets, orderRng);
    CommandLineChecks::RequireRange("batchSize",
                                    m_settings.training.batchSize,
                                    0,
                                    sets.train->NumSamples());
    std::unique_ptr<coded::LearningModel> prototype =
        LearningModelFactory::Create(m_settings.model,
                                     sets.train->NumFeatures(),
                                     sets.train->NumClasses(),
                                     dataRng);
    CheckCode(sets.train->NumSamples());
    m_setup = CreateObject<LearningSetup>();
    m_setup->SetAttribute("ShareGradients", BooleanValue(m_settings.training.shareGradients));
    m_setup->Set(sets.train, sets.test, std::move(prototype));
}

void
CodedLearningRun::ApplyPartitioning(DatasetLoader::Sets& sets, coded::RandomSource& rng)
{
    const CodedLearningRunSettings::Partitioning& p = m_settings.partitioning;
    coded::NonIidPartitioner::Config config;
    config.kind = coded::NonIidPartitioner::ParseKind(p.kind);
    if (config.kind == coded::NonIidPartitioner::Kind::IID)
    {
        return; // the (shuffled) order as it is
    }
    config.classesPerPartition = p.classes;
    config.alpha = p.alpha;
    const uint32_t partitions = m_settings.training.numPartitions == 0
                                    ? m_settings.coding.numWorkers
                                    : m_settings.training.numPartitions;
    coded::NonIidPartitioner::Plan plan;
    try
    {
        plan = coded::NonIidPartitioner(config, partitions)
                   .Make(sets.train->Labels(), sets.train->NumClasses(), rng);
    }
    catch (const std::invalid_argument& e)
    {
        throw std::invalid_argument(
            "--partition=" + p.kind + " --partitionClasses=" + std::to_string(p.classes) +
            " --numPartitions=" + std::to_string(partitions) + ": " + e.what());
    }
    sets.train = std::make_shared<coded::Dataset>(sets.train->Gather(plan.order));
    if (m_settings.outputs.writeFiles)
    {
        WritePartitions(plan.counts);
    }
}

void
CodedLearningRun::WritePartitions(const std::vector<std::vector<uint32_t>>& counts) const
{
    const std::string path = OutputPath("partitions.csv");
    std::ofstream out(path);
    out << "partition";
    const std::size_t classes = counts.empty() ? 0 : counts.front().size();
    for (std::size_t c = 0; c < classes; ++c)
    {
        out << ",label_" << c;
    }
    out << '\n';
    for (std::size_t j = 0; j < counts.size(); ++j)
    {
        out << j;
        for (uint32_t n : counts[j])
        {
            out << ',' << n;
        }
        out << '\n';
    }
    if (!out)
    {
        throw std::runtime_error("cannot write '" + path + "'");
    }
}

void
CodedLearningRun::CheckCode(uint32_t numSamples) const
{
    // The combination of scheme, workers, stragglers and partitions (e.g. fractional
    // repetition needs (s + 1) | n) is checked here rather than when the server starts
    // mid-simulation. The throw-away code draws from its own seeded source, not from the
    // simulation's streams.
    const coded::CodingParameters& coding = m_settings.coding;
    const uint32_t partitions = m_settings.training.numPartitions;
    try
    {
        coded::SeededRandomSource checkRng(1);
        coded::GradientCodeFactory::Create(
            m_settings.training.scheme,
            coding,
            coded::DataPartitioner(numSamples, partitions == 0 ? coding.numWorkers : partitions),
            checkRng);
    }
    catch (const std::exception& e)
    {
        throw std::invalid_argument("--scheme=" + m_settings.training.scheme +
                                    " --workers=" + std::to_string(coding.numWorkers) +
                                    " --stragglers=" + std::to_string(coding.stragglers) +
                                    " --numPartitions=" + std::to_string(partitions) +
                                    " --trainLimit=" + std::to_string(m_settings.data.trainLimit) +
                                    ": invalid combination: " + e.what());
    }
}

void
CodedLearningRun::BuildNetwork()
{
    const CodedLearningRunSettings::Network& s = m_settings.network;
    NetworkSettings topology = s.topology;
    topology.numWorkers = m_settings.coding.numWorkers;
    topology.uplinkLossRate = s.lossRate;
    topology.downlinkLossRate = s.lossRate;
    topology.wifiMacQueueMaxDelay = Seconds(s.wifiQueueDelay);
    m_network = NetworkScenarioFactory::Create(s.kind, topology);
    m_network->Validate();
    m_scenario = m_network->Build();
}

void
CodedLearningRun::BuildAdmission()
{
    const CodedLearningRunSettings::Admission& s = m_settings.admission;
    if (s.kind != "lyapunov")
    {
        return;
    }
    m_scheduler = CreateObject<LyapunovSlotScheduler>();
    m_scheduler->GetPolicy()->SetAttribute("V", DoubleValue(s.v));
    m_scheduler->GetPolicy()->SetAttribute("PerturbationFactor", DoubleValue(s.theta));
    m_scheduler->SetAttribute("ArrivalMode", StringValue("Reservoir"));
    m_scheduler->SetAttribute("WorkConserving", BooleanValue(s.workConserving));
    m_scheduler->GetPolicy()->SetAttribute("Slot", TimeValue(Seconds(s.slot)));
    m_scheduler->SetAttribute("Channel",
                              StringValue(s.channel == "measured" ? "Measured" : "Rayleigh"));
    m_scheduler->SetAttribute("InitialRate",
                              DataRateValue(DataRate(static_cast<uint64_t>(s.initialRate))));
}

void
CodedLearningRun::InstallApplications()
{
    const CodedLearningRunSettings::Training& t = m_settings.training;
    const CodedLearningRunSettings::Compute& c = m_settings.compute;
    m_learning.SetLearningSetup(m_setup);
    m_learning.SetCodingParameters(m_settings.coding);
    m_learning.SetTransport(m_settings.network.transport);
    m_learning.SetModelDelivery(m_settings.network.modelDelivery);
    m_learning.SetServerAttribute("Scheme", StringValue(t.scheme));
    m_learning.SetServerAttribute("Iterations", UintegerValue(t.iterations));
    m_learning.SetServerAttribute("NumPartitions", UintegerValue(t.numPartitions));
    m_learning.SetServerAttribute("EvalInterval", UintegerValue(t.evalInterval));
    m_learning.SetServerAttribute("LearningRate", DoubleValue(t.learningRate));
    m_learning.SetServerAttribute("Momentum", DoubleValue(t.momentum));
    m_learning.SetServerAttribute("HistoryBeta", DoubleValue(t.historyBeta));
    m_learning.SetServerAttribute("IterationDeadline", TimeValue(Seconds(t.deadline)));
    m_learning.SetServerAttribute("IterationGap", TimeValue(Seconds(t.gap)));
    m_learning.SetServerAttribute("Float32", BooleanValue(t.float32));
    m_learning.SetServerAttribute("BatchSize", UintegerValue(t.batchSize));
    m_learning.SetComputeTimeAttribute("UnitTime", TimeValue(MilliSeconds(c.unitMs)));
    m_learning.SetComputeTimeAttribute("Distribution", StringValue(c.distribution));
    m_learning.SetSlowWorkers(m_settings.SlowWorkers(), c.slowdown);
    if (m_scheduler)
    {
        m_learning.SetAdmission(m_scheduler);
    }
    ApplicationContainer apps = m_learning.Install(m_scenario);
    SetCpuUnitTimes(m_setup->Train().NumSamples());
    // Wi-Fi stations associate and resolve addresses first; the same start on every network
    // keeps results comparable.
    apps.Start(Seconds(m_settings.simulation.startTime));
    const CodedLearningRunSettings::Simulation& sim = m_settings.simulation;
    int64_t stream = sim.applicationStream;
    stream += m_learning.AssignStreams(stream);
    m_network->AssignStreams(sim.networkStream >= 0 ? sim.networkStream : stream);
}

void
CodedLearningRun::SetCpuUnitTimes(uint32_t numSamples)
{
    if (m_settings.energy.cpuTime != "cycles")
    {
        return;
    }
    // One unit of the compute-time model is one partition's work: its cycles at f_i.
    const uint32_t partitions = m_settings.training.numPartitions != 0
                                    ? m_settings.training.numPartitions
                                    : m_settings.coding.numWorkers;
    const double samplesPerPartition = static_cast<double>(numSamples) / partitions;
    const std::vector<coded::CpuModel> cpus =
        m_settings.energy.CpuModels(m_settings.coding.numWorkers);
    const auto& workers = m_learning.GetWorkers();
    for (size_t i = 0; i < workers.size(); ++i)
    {
        const double seconds = cpus[i].Time(cpus[i].CyclesPerSample() * samplesPerPartition);
        workers[i]->GetComputeTimeModel()->SetAttribute("UnitTime", TimeValue(Seconds(seconds)));
    }
}

void
CodedLearningRun::BuildEnergy()
{
    if (!m_settings.energy.enabled)
    {
        return;
    }
    m_energy = std::make_unique<EnergyAccountingHelper>(m_settings.energy);
    m_energy->Install(m_scenario, m_learning.GetWorkers());
    Simulator::Schedule(Seconds(m_settings.simulation.startTime),
                        &EnergyAccountingHelper::MarkStart,
                        m_energy.get());
}

void
CodedLearningRun::ScheduleFaults()
{
    const CodedLearningRunSettings::Faults& f = m_settings.faults;
    FaultInjectionHelper faults(m_scenario, m_learning.GetWorkers());
    if (f.crashWorker >= 0)
    {
        faults.CrashWorker(f.crashWorker,
                           Seconds(f.crashAt),
                           FaultInjectionHelper::ParseCrashMode(f.crashMode));
    }
    if (f.linkDownWorker >= 0)
    {
        faults.LinkDown(f.linkDownWorker, Seconds(f.linkDownAt), Seconds(f.linkUpAt));
    }
    if (f.moveWorker >= 0)
    {
        const Vector from = faults.GetWorkerPosition(f.moveWorker);
        faults.MoveWorker(f.moveWorker, Seconds(f.moveAt), AlongDirection(from, f.moveTo));
        if (f.moveBackAt != 0.0)
        {
            faults.MoveWorker(f.moveWorker, Seconds(f.moveBackAt), from);
        }
    }
}

void
CodedLearningRun::ConnectOutputs()
{
    const CodedLearningRunSettings::Outputs& o = m_settings.outputs;
    const bool files = o.writeFiles;
    Ptr<ParameterServerApplication> server = m_learning.GetServer();
    if (files)
    {
        // Written by OnIterationEnd, after the energy accounting filled the record.
        m_iterationCsv = std::make_unique<IterationCsvWriter>(OutputPath("iterations.csv"));
    }
    coded::RunSummary::Info info;
    info.scheme = m_settings.training.scheme;
    info.network = m_settings.network.kind;
    info.workers = m_settings.coding.numWorkers;
    info.stragglers = m_settings.coding.stragglers;
    info.stragglersUsed = coded::GradientCodeFactory::UsesStragglers(m_settings.training.scheme);
    info.rngRun = RngSeedManager::GetRun();
    info.targetAccuracy = o.targetAccuracy;
    m_summary = std::make_unique<coded::RunSummary>(info);
    server->TraceConnectWithoutContext("IterationEnd",
                                       MakeCallback(&CodedLearningRun::OnIterationEnd, this));
    server->TraceConnectWithoutContext("Diverged",
                                       MakeCallback(&CodedLearningRun::OnDiverged, this));
    const std::vector<Ptr<WorkerApplication>>& workers = m_learning.GetWorkers();
    for (uint32_t i = 0; i < workers.size(); ++i)
    {
        workers[i]->TraceConnect("NotFiniteResult",
                                 std::to_string(i),
                                 MakeCallback(&CodedLearningRun::OnWorkerNotFinite, this));
    }
    // Fairness (summary.csv's jain_admitted): with admission control the data each worker's
    // queue admitted in the scheduler, else the RESULT payload bytes delivered from each worker.
    m_perWorkerData.assign(m_settings.coding.numWorkers, 0.0);
    if (m_scheduler)
    {
        m_scheduler->TraceConnectWithoutContext("Admitted",
                                                MakeCallback(&CodedLearningRun::OnAdmitted, this));
        if (files)
        {
            m_admissionCsv = std::make_unique<AdmissionCsvWriter>(OutputPath("admission.csv"),
                                                                  m_settings.admission.csvInterval);
            m_admissionCsv->Connect(m_scheduler);
        }
    }
    else
    {
        server->GetTransport()->TraceConnectWithoutContext(
            "Deliver",
            MakeCallback(&CodedLearningRun::OnServerDeliver, this));
    }
    if (files && o.pcap)
    {
        m_network->EnablePcap(OutputPath("coded-learning"));
    }
    if (files && o.flowmon)
    {
        m_network->EnableFlowMonitor();
    }
}

void
CodedLearningRun::Run()
{
    if (!m_built)
    {
        throw std::logic_error("CodedLearningRun::Run: Build() first");
    }
    Simulator::Run();
    const CodedLearningRunSettings::Outputs& o = m_settings.outputs;
    if (o.writeFiles && o.flowmon)
    {
        m_network->WriteFlowMonitor(OutputPath("flowmon.xml"));
    }
    m_summary->SetPerWorkerData(m_perWorkerData);
    double loadDone = 0.0;
    for (const auto& worker : m_learning.GetWorkers())
    {
        loadDone += worker->GetLoadDone();
    }
    m_summary->SetComputeLoadDone(loadDone);
    if (const coded::GradientCode* code = m_learning.GetServer()->GetCode())
    {
        m_summary->SetStorageRedundancy(code->Placement().StorageRedundancy());
    }
    if (m_energy)
    {
        m_summary->SetPerWorkerEnergy(m_energy->PerWorkerEnergy());
    }
    if (o.writeFiles)
    {
        m_summary->WriteCsvFile(OutputPath("summary.csv"));
        if (m_energy)
        {
            m_energy->WriteCsv(OutputPath("energy.csv"));
        }
        if (m_scenario.backhaulQueueDiscs.GetN() > 0)
        {
            QueueDiscCsvWriter::WriteFile(
                OutputPath("queue-disc.csv"),
                DynamicCast<FairAdmissionQueueDisc>(m_scenario.backhaulQueueDiscs.Get(0)),
                m_scenario.workerAddresses);
        }
    }
    // Executed simulator events (deterministic; utils/benchmark-scaling.sh reads this line).
    m_events = Simulator::GetEventCount();
    CollectFacts();
    CollectWarnings();
}

void
CodedLearningRun::CollectFacts()
{
    m_facts.iterationsAsked = m_settings.training.iterations;
    m_facts.deadline = m_settings.training.deadline;
    m_facts.lossRate = m_settings.network.lossRate;
    m_facts.workers = m_settings.coding.numWorkers;
    m_facts.wireless = m_settings.network.kind == "wifi";
    m_facts.connected = m_network->GetConnectedWorkers();
    for (const auto& worker : m_learning.GetWorkers())
    {
        m_facts.resultsSent += worker->GetTasksCompleted();
        m_facts.tasksCancelled += worker->GetTasksCancelled();
    }
    m_facts.lateResults = m_learning.GetServer()->GetLateResults();
}

void
CodedLearningRun::OnDiverged(uint32_t iteration, const std::string& quantity)
{
    m_divergence =
        coded::RunDiagnosis::Divergence(iteration, quantity, m_settings.training.learningRate);
    Simulator::Stop(); // no further iteration; Wi-Fi beacons would keep the simulation going
}

void
CodedLearningRun::OnWorkerNotFinite(std::string context, uint32_t iteration, uint32_t task)
{
    m_learning.GetServer()->Diverge(iteration,
                                    "the result of task " + std::to_string(task) +
                                        " computed by worker " + context +
                                        " (its coded gradient or loss)");
}

double
CodedLearningRun::DecodedFraction() const
{
    return static_cast<double>(m_summary->DecodedIterations()) / m_settings.training.iterations;
}

int
CodedLearningRun::ExitStatus() const
{
    if (!m_divergence.empty())
    {
        return DIVERGED;
    }
    if (DecodedFraction() < m_settings.outputs.requireDecoded)
    {
        return TOO_FEW_DECODED;
    }
    return OK;
}

const coded::RunFacts&
CodedLearningRun::GetFacts() const
{
    return m_facts;
}

bool
CodedLearningRun::HasDiverged() const
{
    return !m_divergence.empty();
}

void
CodedLearningRun::CollectWarnings()
{
    const Time start = Seconds(m_settings.simulation.startTime);
    if (!m_scenario.ideal && (!m_network->IsReady() || m_network->GetReadyTime() > start))
    {
        std::ostringstream os;
        os << "the network was not ready (every Wi-Fi station associated) when the "
              "applications started at "
           << start.GetSeconds() << " s; early messages to late stations were lost";
        m_warnings.push_back(os.str());
    }
    const uint32_t iterations = m_settings.training.iterations;
    if (m_summary->Iterations() < iterations && m_divergence.empty())
    {
        std::ostringstream os;
        os << "only " << m_summary->Iterations() << " of " << iterations
           << " iterations finished before the time limit of " << m_settings.TimeLimit()
           << " s after the start";
        m_warnings.push_back(os.str());
    }
}

void
CodedLearningRun::Print(std::ostream& out, std::ostream& err, const std::string& program) const
{
    for (const auto& w : m_warnings)
    {
        err << program << ": warning: " << w << '\n';
    }
    const coded::RunSummary& s = *m_summary;
    out << std::fixed << std::setprecision(4) << program << ": scheme "
        << m_settings.training.scheme << ", network " << m_settings.network.kind << ", "
        << m_settings.coding.numWorkers << " workers: " << s.Iterations() << " iterations ("
        << s.DecodedIterations() << " decoded) in " << s.SimTime()
        << " s simulated; final test accuracy " << s.FinalAccuracy() << ", training loss "
        << s.FinalTrainLoss() << ", mean compute load "
        << (s.Iterations() ? s.MeanComputeLoad() : 0.0) << ", uplink " << s.TotalUplinkBytes()
        << " bytes; wrote " << m_settings.outputs.outDir << "/iterations.csv\n";
    out << program << ": " << m_events << " simulator events\n";
    const ModelDistributor& models = m_learning.GetServer()->GetModelDistributor();
    if (models.GetMode() == ModelDistributor::BROADCAST)
    {
        out << program << ": model broadcast: " << models.TotalBroadcastChunks()
            << " chunks broadcast, " << models.TotalNacks() << " NACKs, "
            << models.TotalRepairChunks() << " chunks sent again by unicast\n";
    }
    out << program << ": " << m_setup->GetGradientCache().GetMisses()
        << " block gradients computed, " << m_setup->GetGradientCache().GetHits()
        << " shared between workers\n";
    if (!m_divergence.empty())
    {
        err << program << ": error: " << m_divergence << " (exit status " << DIVERGED << ")\n";
        return;
    }
    const std::vector<std::string> causes = coded::RunDiagnosis::Causes(m_facts);
    if (!causes.empty())
    {
        err << program << ": warning: " << s.DecodedIterations() << " of " << s.Iterations()
            << " iterations decoded (" << coded::RunDiagnosis::OutcomeCounts(m_facts) << ")\n";
        for (const auto& cause : causes)
        {
            err << program << ": likely cause: " << cause << '\n';
        }
    }
    if (ExitStatus() == TOO_FEW_DECODED)
    {
        err << std::defaultfloat << program
            << ": error: --requireDecoded=" << m_settings.outputs.requireDecoded << ": only "
            << s.DecodedIterations() << " of the " << m_settings.training.iterations
            << " iterations decoded (exit status " << TOO_FEW_DECODED << ")\n";
    }
}

void
CodedLearningRun::OnIterationEnd(const IterationRecord& ended)
{
    IterationRecord record = ended; // the server's record, to which the energy is added
    if (m_energy)
    {
        m_energy->FillIteration(record);
    }
    if (m_iterationCsv)
    {
        m_iterationCsv->Write(record);
    }
    if (!m_iterationCallback.IsNull())
    {
        m_iterationCallback(record);
    }
    m_summary->Add(record);
    ++m_facts.outcomes[record.outcome];
    m_facts.tasksDispatched += record.tasks;
    m_facts.resultsReceived += record.resultsReceived;
    if (m_settings.simulation.stopAfterLastIteration &&
        m_summary->Iterations() == m_settings.training.iterations)
    {
        Simulator::Stop(); // Wi-Fi beacons would otherwise keep the simulation going
    }
}

void
CodedLearningRun::OnServerDeliver(uint32_t peer, const MessageInfo& info, uint32_t payloadBytes)
{
    if (info.type == CodedLearningHeader::RESULT && peer < m_perWorkerData.size())
    {
        m_perWorkerData[peer] += payloadBytes;
    }
}

void
CodedLearningRun::OnAdmitted(uint32_t queue, double /* offered */, double admitted)
{
    if (queue < m_perWorkerData.size())
    {
        m_perWorkerData[queue] += admitted;
    }
}

std::string
CodedLearningRun::OutputPath(const std::string& name) const
{
    return m_settings.outputs.outDir + "/" + name;
}

const CodedLearningRunSettings&
CodedLearningRun::GetSettings() const
{
    return m_settings;
}

Ptr<LearningSetup>
CodedLearningRun::GetLearningSetup() const
{
    return m_setup;
}

CodedLearningHelper&
CodedLearningRun::GetLearningHelper()
{
    return m_learning;
}

Ptr<ParameterServerApplication>
CodedLearningRun::GetServer() const
{
    return m_learning.GetServer();
}

const std::vector<Ptr<WorkerApplication>>&
CodedLearningRun::GetWorkers() const
{
    return m_learning.GetWorkers();
}

Ptr<LyapunovSlotScheduler>
CodedLearningRun::GetScheduler() const
{
    return m_scheduler;
}

EnergyAccountingHelper*
CodedLearningRun::GetEnergy() const
{
    return m_energy.get();
}

void
CodedLearningRun::SetIterationCallback(Callback<void, const IterationRecord&> callback)
{
    m_iterationCallback = callback;
}

const NetworkScenario&
CodedLearningRun::GetScenario() const
{
    return m_scenario;
}

NetworkScenarioHelper&
CodedLearningRun::GetNetworkHelper()
{
    if (!m_network)
    {
        throw std::logic_error("CodedLearningRun::GetNetworkHelper: Build() first");
    }
    return *m_network;
}

const coded::RunSummary&
CodedLearningRun::GetSummary() const
{
    if (!m_summary)
    {
        throw std::logic_error("CodedLearningRun::GetSummary: Build() first");
    }
    return *m_summary;
}

uint64_t
CodedLearningRun::GetEventCount() const
{
    return m_events;
}

const std::vector<std::string>&
CodedLearningRun::GetWarnings() const
{
    return m_warnings;
}

} // namespace ns3
