// SPDX-License-Identifier: GPL-2.0-only
//
// coded-learning-sim: distributed training with a gradient code over an ns-3 network.
//
//   ./build/examples/coded-learning-sim --scheme=two-stage --network=wifi --workers=10
//   ./build/examples/coded-learning-sim --scheme=cyclic-repetition --stragglers=2 --network=p2p
//   ./build/examples/coded-learning-sim --dataset=synthetic --network=ideal --iterations=20
//
// Writes <outDir>/iterations.csv (one row per iteration, flushed as it goes), the one-row
// <outDir>/summary.csv at the end, with --admission=lyapunov <outDir>/admission.csv (the
// scheduler's backlog and fairness over time), and prints a one-line summary. --PrintHelp
// lists every flag.

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <sys/stat.h>
#include <vector>

using namespace ns3;

namespace
{

/// Creates a folder (and its parents) if missing.
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

/// Throws unless a fault time comes after a given time (the applications' start or an earlier
/// fault time). \param flag the flag \param value its value (s) \param after the bound (s)
/// \param what what the bound is
void
RequireAfter(const std::string& flag, double value, double after, const std::string& what)
{
    if (!(value > after) || !std::isfinite(value))
    {
        std::ostringstream os;
        os << "--" << flag << "=" << value << ": must be a finite time after " << what << " ("
           << after << " s)";
        throw std::invalid_argument(os.str());
    }
}

/// \param v a number \return it as text, as exact as the user typed it (no trailing zeros)
std::string
Text(double v)
{
    std::ostringstream os;
    os << std::setprecision(12) << v;
    return os.str();
}

/// Follows the server's iterations: feeds the run summary and stops after the last one.
struct RunTracker
{
    coded::RunSummary* summary{nullptr}; //!< the summary (summary.csv)
    uint32_t total{0};                   //!< iterations the server runs
};

/// IterationEnd trace sink.
void
OnIterationEnd(RunTracker* tracker, const IterationRecord& r)
{
    tracker->summary->Add(r);
    if (tracker->summary->Iterations() == tracker->total)
    {
        Simulator::Stop(); // Wi-Fi beacons would otherwise keep the simulation going
    }
}

/// Deliver trace sink of the server's transport: adds the payload bytes of whole RESULT
/// messages to the sending worker's total.
void
OnServerDeliver(std::vector<double>* resultBytes,
                uint32_t peer,
                const MessageInfo& info,
                uint32_t payloadBytes)
{
    if (info.type == CodedLearningHeader::RESULT && peer < resultBytes->size())
    {
        (*resultBytes)[peer] += payloadBytes;
    }
}

int
Run(int argc, char* argv[])
{
    std::string scheme = "two-stage";
    uint32_t workers = 10;
    uint32_t stragglers = 2;
    uint32_t iterations = 60;
    std::string network = "wifi";
    std::string transport = "udp";
    double lossRate = 0.0;
    std::string lossModel = "rate";
    std::string wifiStandard = "802.11ax";
    double distance = 10.0;
    std::string wifiMobility = "static";
    uint32_t wifiQueueSize = 100000;
    double wifiQueueDelay = 5.0;
    std::string p2pRate = "100Mbps";
    std::string p2pDelay = "1ms";
    std::string csmaRate = "100Mbps";
    uint32_t numPartitions = 0;
    // Scheme parameters (doc/coding.rst); the two-stage ones are our reconstruction's switches.
    coded::CodingParameters coding;
    double historyBeta = 0.8;
    std::string admission = "none";
    double v = 100.0;
    double theta = 1.0;
    uint32_t admissionCsvInterval = 10;
    double targetAccuracy = 0.80;
    std::string dataset = "fashion-mnist";
    std::string dataDir = coded::Dataset::DEFAULT_FASHION_MNIST_DIR;
    uint32_t trainLimit = 0;
    std::string model = "softmax";
    uint32_t hidden = 64;
    double learningRate = 0.2;
    double momentum = 0.9;
    uint32_t evalInterval = 10;
    uint32_t batchSize = 0;
    double slowFraction = 0.2;
    double slowdown = 4.0;
    double computeUnitMs = 10.0;
    std::string distribution = "shifted-exponential";
    double deadline = 1.0;
    bool float32 = false;
    std::string outDir = "results/sim";
    bool pcap = false;
    bool flowmon = false;
    // Fault injection (FaultInjectionHelper); times are absolute simulated seconds.
    int crashWorker = -1;
    double crashAt = 1.5;
    std::string crashMode = "app";
    int linkDownWorker = -1;
    double linkDownAt = 1.5;
    double linkUpAt = 0.0;
    int moveWorker = -1;
    double moveAt = 1.5;
    double moveTo = 1000.0;
    double moveBackAt = 0.0;

    CommandLine cmd(__FILE__);
    cmd.Usage("Distributed training with a gradient code over an ns-3 network.");
    cmd.AddValue("scheme",
                 "Gradient code: uncoded, ignore-stragglers, k-sync, fractional-repetition, "
                 "cyclic-repetition, approximate, partial, two-stage",
                 scheme);
    cmd.AddValue("workers", "Number of workers n (>= 1)", workers);
    cmd.AddValue("stragglers", "Straggler tolerance s of the schemes that have one", stragglers);
    cmd.AddValue("iterations", "Training iterations (>= 1)", iterations);
    cmd.AddValue("network", "Network: wifi, csma, p2p or ideal", network);
    cmd.AddValue("transport", "Transport of the messages on real networks: udp or tcp", transport);
    cmd.AddValue("lossRate", "Packet loss rate in [0, 1] on uplink and downlink", lossRate);
    cmd.AddValue("lossModel", "Loss model: rate (independent) or burst", lossModel);
    cmd.AddValue("wifiStandard",
                 "Wi-Fi standard: 802.11ax, 802.11ac, 802.11n, 802.11g, 802.11a",
                 wifiStandard);
    cmd.AddValue("distance", "Wi-Fi: distance of the stations from the access point (m)", distance);
    cmd.AddValue("wifiMobility", "Wi-Fi: static or random-walk stations", wifiMobility);
    cmd.AddValue("wifiQueueSize",
                 "Wi-Fi: MAC queue capacity per access category and device (packets, >= 1; "
                 "ns-3's 500 loses model chunks with 50+ workers, doc/networks.rst)",
                 wifiQueueSize);
    cmd.AddValue("wifiQueueDelay",
                 "Wi-Fi: longest wait of a frame in a MAC queue before it is discarded (s, > 0; "
                 "ns-3: 0.5)",
                 wifiQueueDelay);
    cmd.AddValue("p2pRate",
                 "p2p: link data rate, one value or a comma-separated list per worker",
                 p2pRate);
    cmd.AddValue("p2pDelay",
                 "p2p: link delay, one value or a comma-separated list per worker",
                 p2pDelay);
    cmd.AddValue("csmaRate", "csma: bus data rate", csmaRate);
    cmd.AddValue("numPartitions", "Data partitions K (0 = one per worker)", numPartitions);
    cmd.AddValue("kSyncResults", "k-sync: results waited for (0 = n - s)", coding.kSyncResults);
    cmd.AddValue("kSyncReshuffle",
                 "k-sync: new block-to-worker assignment every iteration",
                 coding.kSyncReshuffle);
    cmd.AddValue("approxDegree",
                 "approximate: blocks per worker d (random d-regular code)",
                 coding.approxDegree);
    cmd.AddValue("approxDecoder",
                 "approximate: optimal (least squares) or fixed (n/(n-s))",
                 coding.approxDecoder);
    cmd.AddValue("partialPrivateUnits",
                 "partial: private units per worker",
                 coding.partialPrivateUnits);
    cmd.AddValue("decodeTolerance",
                 "Residual check of least-squares decodes: ||B_F^T a - 1||_inf <= tol max(1, "
                 "||B||_max)",
                 coding.decodeTolerance);
    cmd.AddValue("stageOneFraction",
                 "two-stage: n1 = ceil(fraction n) stage-1 workers (when stageOneWorkers = 0)",
                 coding.stageOneFraction);
    cmd.AddValue("stageOneWorkers",
                 "two-stage: n1 stage-1 workers (0 = from stageOneFraction)",
                 coding.stageOneWorkers);
    cmd.AddValue("stageOneSelection",
                 "two-stage: stage-1 workers: fastest (by history) or random",
                 coding.stageOneSelection);
    cmd.AddValue("stageOneLoad",
                 "two-stage: stage-1 partitions per worker: proportional (to speed) or equal",
                 coding.stageOneLoad);
    cmd.AddValue("stageTwoTrigger",
                 "two-stage: c, stage 2 starts at the c-th stage-1 result (0 = min(ceil(n1/2)+1, "
                 "max(n1-1, 1)))",
                 coding.stageTwoTrigger);
    cmd.AddValue("stageOneDeadline",
                 "two-stage: also start stage 2 at tau1 (a quantile of past stage-1 finish times)",
                 coding.stageOneDeadline);
    cmd.AddValue("deadlineQuantile",
                 "two-stage: tau1 = this quantile of past stage-1 finish times",
                 coding.deadlineQuantile);
    cmd.AddValue("stageTwoTolerance",
                 "two-stage: stage-2 straggler tolerance s2 (min(s2, m - 1) is used)",
                 coding.stageTwoTolerance);
    cmd.AddValue("stageTwoPool",
                 "two-stage: stage-2 workers: idle-and-finished or idle",
                 coding.stageTwoPool);
    cmd.AddValue("historyBeta",
                 "EWMA weight of the old per-unit completion time in [0, 1) (two-stage history)",
                 historyBeta);
    cmd.AddValue("admission",
                 "Uplink admission: none, or lyapunov (the server's perturbed-Lyapunov slot "
                 "scheduler grants uploads)",
                 admission);
    cmd.AddValue("V", "Lyapunov penalty weight V (> 0) with --admission=lyapunov", v);
    cmd.AddValue("theta",
                 "Perturbation factor (>= 0): theta_i = theta * b_max,i, with --admission=lyapunov",
                 theta);
    cmd.AddValue("admissionCsvInterval",
                 "With --admission=lyapunov: a row of <outDir>/admission.csv every N scheduler "
                 "slots (>= 1)",
                 admissionCsvInterval);
    cmd.AddValue("targetAccuracy",
                 "Target test accuracy in [0, 1] of summary.csv's time_to_target_s and "
                 "iterations_to_target",
                 targetAccuracy);
    cmd.AddValue("dataset", "Data set: fashion-mnist or synthetic", dataset);
    cmd.AddValue("dataDir", "Folder with the Fashion-MNIST files", dataDir);
    cmd.AddValue("trainLimit", "Use only the first N training samples (0 = all)", trainLimit);
    cmd.AddValue("model", "Model: softmax or mlp", model);
    cmd.AddValue("hidden", "Hidden units of mlp (>= 1)", hidden);
    cmd.AddValue("learningRate",
                 "Learning rate of full-batch gradient descent (> 0)",
                 learningRate);
    cmd.AddValue("momentum", "Momentum in [0, 1)", momentum);
    cmd.AddValue("evalInterval",
                 "Evaluate test accuracy every N iterations and after the last one (>= 1; a "
                 "value >= iterations evaluates only at the end)",
                 evalInterval);
    cmd.AddValue("batchSize",
                 "Mini-batch SGD: training samples drawn per iteration (0 = full batch, at most "
                 "the training set); every code stays exact (doc/performance.rst)",
                 batchSize);
    cmd.AddValue("slowFraction", "Fraction of persistently slow workers, in [0, 1]", slowFraction);
    cmd.AddValue("slowdown", "Slow-down factor of the slow workers (>= 1)", slowdown);
    cmd.AddValue("computeUnitMs", "Compute time unit per partition (ms, > 0)", computeUnitMs);
    cmd.AddValue("distribution",
                 "Compute-time distribution: shifted-exponential, pareto, bimodal, deterministic",
                 distribution);
    cmd.AddValue("deadline", "Iteration deadline (s, > 0)", deadline);
    cmd.AddValue("float32", "Send model and results as float32", float32);
    cmd.AddValue("outDir", "Output folder", outDir);
    cmd.AddValue("pcap", "Write PCAP traces of every device", pcap);
    cmd.AddValue("flowmon", "Write FlowMonitor XML", flowmon);
    cmd.AddValue("crashWorker",
                 "Fault: index of a worker that crashes for good at --crashAt (-1 = none)",
                 crashWorker);
    cmd.AddValue("crashAt",
                 "Fault: simulated time of the crash (s, > 1: the applications start at 1 s)",
                 crashAt);
    cmd.AddValue("crashMode",
                 "Fault: app (the worker application stops), device (its IPv4 interface goes "
                 "down; not on ideal) or both",
                 crashMode);
    cmd.AddValue("linkDownWorker",
                 "Fault: index of a worker whose IPv4 interface is down from --linkDownAt to "
                 "--linkUpAt (-1 = none; not on ideal)",
                 linkDownWorker);
    cmd.AddValue("linkDownAt", "Fault: simulated time the link goes down (s, > 1)", linkDownAt);
    cmd.AddValue("linkUpAt",
                 "Fault: simulated time the link comes back (s, > linkDownAt; 0 = never)",
                 linkUpAt);
    cmd.AddValue("moveWorker",
                 "Fault: index of a Wi-Fi station moved to --moveTo metres from the access "
                 "point at --moveAt (-1 = none; wifi only)",
                 moveWorker);
    cmd.AddValue("moveAt", "Fault: simulated time of the move (s, > 1)", moveAt);
    cmd.AddValue("moveTo",
                 "Fault: distance from the access point the station moves to, along its "
                 "direction (m, > 0; 1000 is out of range)",
                 moveTo);
    cmd.AddValue("moveBackAt",
                 "Fault: simulated time the station returns to where it was (s, > moveAt; "
                 "0 = never)",
                 moveBackAt);
    cmd.Parse(argc, argv);

    CommandLineChecks::RequireOneOf("scheme", scheme, coded::GradientCodeFactory::Names());
    CommandLineChecks::RequireOneOf("network", network, {"wifi", "csma", "p2p", "ideal"});
    CommandLineChecks::RequireOneOf("transport", transport, {"udp", "tcp"});
    CommandLineChecks::RequireOneOf("dataset", dataset, {"fashion-mnist", "synthetic"});
    CommandLineChecks::RequireOneOf("model", model, {"softmax", "mlp"});
    CommandLineChecks::RequireOneOf("distribution",
                                    distribution,
                                    {"shifted-exponential", "pareto", "bimodal", "deterministic"});
    CommandLineChecks::RequireRange("workers", workers, 1, 65535);
    CommandLineChecks::RequireRange("iterations", iterations, 1, 1e9);
    CommandLineChecks::RequireRange("evalInterval", evalInterval, 1, 1e9);
    CommandLineChecks::RequireOneOf("lossModel", lossModel, {"rate", "burst"});
    CommandLineChecks::RequireOneOf("wifiMobility", wifiMobility, {"static", "random-walk"});
    CommandLineChecks::RequireRange("lossRate", lossRate, 0.0, 1.0);
    CommandLineChecks::RequireRange("slowFraction", slowFraction, 0.0, 1.0);
    CommandLineChecks::RequireRange("slowdown", slowdown, 1.0, 1e6);
    CommandLineChecks::RequireRange("computeUnitMs", computeUnitMs, 1e-9, 1e9);
    CommandLineChecks::RequireRange("deadline", deadline, 1e-9, 1e9);
    CommandLineChecks::RequireRange("wifiQueueSize", wifiQueueSize, 1, 4294967295.0);
    CommandLineChecks::RequireRange("wifiQueueDelay", wifiQueueDelay, 1e-9, 1e9);
    CommandLineChecks::RequireRange("hidden", hidden, 1, 1e6);
    CommandLineChecks::RequireOneOf("admission", admission, {"none", "lyapunov"});
    CommandLineChecks::RequireRange("V", v, 1e-9, 1e12);
    CommandLineChecks::RequireRange("theta", theta, 0.0, 1e6);
    CommandLineChecks::RequireRange("historyBeta", historyBeta, 0.0, 0.999999);
    // Fault flags: -1 or a worker index; times after the applications' start (1 s).
    CommandLineChecks::RequireRange("crashWorker", crashWorker, -1, workers - 1.0);
    CommandLineChecks::RequireRange("linkDownWorker", linkDownWorker, -1, workers - 1.0);
    CommandLineChecks::RequireRange("moveWorker", moveWorker, -1, workers - 1.0);
    CommandLineChecks::RequireOneOf("crashMode", crashMode, {"app", "device", "both"});
    if (crashWorker >= 0)
    {
        RequireAfter("crashAt", crashAt, 1.0, "the applications' start");
        if (crashMode != "app" && network == "ideal")
        {
            throw std::invalid_argument("--crashMode=" + crashMode +
                                        ": the ideal network has no interfaces; use app");
        }
    }
    if (linkDownWorker >= 0)
    {
        if (network == "ideal")
        {
            throw std::invalid_argument("--linkDownWorker=" + std::to_string(linkDownWorker) +
                                        ": the ideal network has no links; use wifi, csma, p2p");
        }
        RequireAfter("linkDownAt", linkDownAt, 1.0, "the applications' start");
        if (linkUpAt != 0.0)
        {
            RequireAfter("linkUpAt", linkUpAt, linkDownAt, "--linkDownAt");
        }
    }
    if (moveWorker >= 0)
    {
        if (network != "wifi")
        {
            throw std::invalid_argument("--moveWorker=" + std::to_string(moveWorker) +
                                        ": only Wi-Fi stations move; --network=" + network);
        }
        RequireAfter("moveAt", moveAt, 1.0, "the applications' start");
        CommandLineChecks::RequireRange("moveTo", moveTo, 1e-9, 1e9);
        if (moveBackAt != 0.0)
        {
            RequireAfter("moveBackAt", moveBackAt, moveAt, "--moveAt");
        }
    }
    CommandLineChecks::RequireRange("admissionCsvInterval", admissionCsvInterval, 1, 1e9);
    CommandLineChecks::RequireRange("targetAccuracy", targetAccuracy, 0.0, 1.0);
    coded::SgdOptimizer::Config sgd;
    sgd.learningRate = learningRate;
    sgd.momentum = momentum;
    try
    {
        coded::SgdOptimizer::Validate(sgd);
    }
    catch (const std::invalid_argument& e)
    {
        throw std::invalid_argument("--learningRate=" + Text(learningRate) +
                                    " --momentum=" + Text(momentum) + ": " + e.what());
    }
    // Fail before the (slow) data loading when the results cannot be written.
    MakeDirectories(outDir);

    // Data: stream 0 shuffles the training set (random partitions), stream 1 makes synthetic data
    // and initialises the model.
    Ptr<Ns3RandomSource> orderRng = CreateObject<Ns3RandomSource>();
    Ptr<Ns3RandomSource> dataRng = CreateObject<Ns3RandomSource>();
    orderRng->AssignStreams(0);
    dataRng->AssignStreams(1);
    std::shared_ptr<coded::Dataset> train;
    std::shared_ptr<coded::Dataset> test;
    if (dataset == "fashion-mnist")
    {
        train = std::make_shared<coded::Dataset>(
            coded::Dataset::LoadFashionMnist(dataDir, coded::Dataset::Split::TRAIN, trainLimit));
        test = std::make_shared<coded::Dataset>(
            coded::Dataset::LoadFashionMnist(dataDir, coded::Dataset::Split::TEST));
    }
    else
    {
        coded::SyntheticDataGenerator gen(50, 10, 0.35, *dataRng);
        train = std::make_shared<coded::Dataset>(
            gen.Generate(trainLimit > 0 ? trainLimit : 10000, *dataRng));
        test = std::make_shared<coded::Dataset>(gen.Generate(2000, *dataRng));
    }
    train =
        std::make_shared<coded::Dataset>(train->Gather(orderRng->Permutation(train->NumSamples())));
    CommandLineChecks::RequireRange("batchSize", batchSize, 0, train->NumSamples());
    std::unique_ptr<coded::LearningModel> prototype;
    if (model == "softmax")
    {
        prototype = std::make_unique<coded::SoftmaxRegressionModel>(train->NumFeatures(),
                                                                    train->NumClasses());
    }
    else
    {
        prototype =
            std::make_unique<coded::MlpModel>(train->NumFeatures(), hidden, train->NumClasses());
    }
    prototype->Initialise(*dataRng);
    // The combination of scheme, workers, stragglers and partitions (e.g. fractional repetition
    // needs (s + 1) | n) is checked here rather than when the server starts mid-simulation. The
    // throw-away code draws from its own seeded source, not from the simulation's streams.
    try
    {
        coded::CodingParameters check = coding;
        check.numWorkers = workers;
        check.stragglers = stragglers;
        coded::SeededRandomSource checkRng(1);
        coded::GradientCodeFactory::Create(
            scheme,
            check,
            coded::DataPartitioner(train->NumSamples(),
                                   numPartitions == 0 ? workers : numPartitions),
            checkRng);
    }
    catch (const std::exception& e)
    {
        throw std::invalid_argument("--scheme=" + scheme + " --workers=" + std::to_string(workers) +
                                    " --stragglers=" + std::to_string(stragglers) +
                                    " --numPartitions=" + std::to_string(numPartitions) +
                                    " --trainLimit=" + std::to_string(trainLimit) +
                                    ": invalid combination: " + e.what());
    }
    Ptr<LearningSetup> setup = CreateObject<LearningSetup>();
    setup->Set(train, test, std::move(prototype));

    NetworkSettings netSettings;
    netSettings.numWorkers = workers;
    netSettings.uplinkLossRate = lossRate;
    netSettings.downlinkLossRate = lossRate;
    netSettings.lossModel = lossModel;
    netSettings.wifiStandard = wifiStandard;
    netSettings.wifiDistance = distance;
    netSettings.wifiMobility = wifiMobility;
    netSettings.wifiMacQueueSize = wifiQueueSize;
    netSettings.wifiMacQueueMaxDelay = Seconds(wifiQueueDelay);
    netSettings.p2pDataRates = p2pRate;
    netSettings.p2pDelays = p2pDelay;
    netSettings.csmaDataRate = csmaRate;
    std::unique_ptr<NetworkScenarioHelper> net =
        NetworkScenarioFactory::Create(network, netSettings);
    net->Validate();
    NetworkScenario scenario = net->Build();

    coding.numWorkers = workers;
    coding.stragglers = stragglers;
    CodedLearningHelper learning;
    learning.SetLearningSetup(setup);
    learning.SetCodingParameters(coding);
    learning.SetTransport(transport);
    learning.SetServerAttribute("Scheme", StringValue(scheme));
    learning.SetServerAttribute("Iterations", UintegerValue(iterations));
    learning.SetServerAttribute("NumPartitions", UintegerValue(numPartitions));
    learning.SetServerAttribute("EvalInterval", UintegerValue(evalInterval));
    learning.SetServerAttribute("LearningRate", DoubleValue(learningRate));
    learning.SetServerAttribute("Momentum", DoubleValue(momentum));
    learning.SetServerAttribute("HistoryBeta", DoubleValue(historyBeta));
    learning.SetServerAttribute("IterationDeadline", TimeValue(Seconds(deadline)));
    learning.SetServerAttribute("Float32", BooleanValue(float32));
    learning.SetServerAttribute("BatchSize", UintegerValue(batchSize));
    learning.SetComputeTimeAttribute("UnitTime", TimeValue(MilliSeconds(computeUnitMs)));
    learning.SetComputeTimeAttribute("Distribution", StringValue(distribution));
    const auto numSlow = static_cast<uint32_t>(std::lround(slowFraction * workers));
    std::vector<uint32_t> slow;
    for (uint32_t i = 0; i < numSlow; ++i)
    {
        slow.push_back(workers - 1 - i); // the last workers are the slow ones
    }
    learning.SetSlowWorkers(slow, slowdown);
    Ptr<LyapunovSlotScheduler> scheduler;
    if (admission == "lyapunov")
    {
        scheduler = CreateObject<LyapunovSlotScheduler>();
        scheduler->GetPolicy()->SetAttribute("V", DoubleValue(v));
        scheduler->GetPolicy()->SetAttribute("PerturbationFactor", DoubleValue(theta));
        scheduler->SetAttribute("ArrivalMode", StringValue("Reservoir"));
        scheduler->SetAttribute("WorkConserving", BooleanValue(true));
        learning.SetAdmission(scheduler);
    }
    ApplicationContainer apps = learning.Install(scenario);
    // Wi-Fi stations associate and resolve addresses first; the same start on every network
    // keeps results comparable.
    const Time start = Seconds(1.0);
    apps.Start(start);
    int64_t stream = 10;
    stream += learning.AssignStreams(stream);
    stream += net->AssignStreams(stream);

    FaultInjectionHelper faults(scenario, learning.GetWorkers());
    if (crashWorker >= 0)
    {
        faults.CrashWorker(crashWorker,
                           Seconds(crashAt),
                           FaultInjectionHelper::ParseCrashMode(crashMode));
    }
    if (linkDownWorker >= 0)
    {
        faults.LinkDown(linkDownWorker, Seconds(linkDownAt), Seconds(linkUpAt));
    }
    if (moveWorker >= 0)
    {
        const Vector from = faults.GetWorkerPosition(moveWorker);
        const double norm = std::sqrt(from.x * from.x + from.y * from.y);
        const Vector to = norm > 0 ? Vector(from.x * moveTo / norm, from.y * moveTo / norm, from.z)
                                   : Vector(moveTo, 0.0, from.z);
        faults.MoveWorker(moveWorker, Seconds(moveAt), to);
        if (moveBackAt != 0.0)
        {
            faults.MoveWorker(moveWorker, Seconds(moveBackAt), from);
        }
    }

    IterationCsvWriter csv(outDir + "/iterations.csv");
    csv.Connect(learning.GetServer());
    coded::RunSummary::Info info;
    info.scheme = scheme;
    info.network = network;
    info.workers = workers;
    info.stragglers = stragglers;
    info.rngRun = RngSeedManager::GetRun();
    info.targetAccuracy = targetAccuracy;
    coded::RunSummary summary(info);
    RunTracker tracker;
    tracker.summary = &summary;
    tracker.total = iterations;
    learning.GetServer()->TraceConnectWithoutContext("IterationEnd",
                                                     MakeBoundCallback(&OnIterationEnd, &tracker));
    // Fairness (summary.csv's jain_admitted): with admission control the data each worker's
    // queue admitted in the scheduler, else the RESULT payload bytes delivered from each worker.
    std::vector<double> resultBytes(workers, 0.0);
    learning.GetServer()->GetTransport()->TraceConnectWithoutContext(
        "Deliver",
        MakeBoundCallback(&OnServerDeliver, &resultBytes));
    std::unique_ptr<AdmissionCsvWriter> admissionCsv;
    if (scheduler)
    {
        admissionCsv =
            std::make_unique<AdmissionCsvWriter>(outDir + "/admission.csv", admissionCsvInterval);
        admissionCsv->Connect(scheduler);
    }
    if (pcap)
    {
        net->EnablePcap(outDir + "/coded-learning");
    }
    if (flowmon)
    {
        net->EnableFlowMonitor();
    }
    // A safety net: every iteration ends by its deadline.
    Simulator::Stop(start + Seconds((deadline + 1.0) * iterations));
    Simulator::Run();
    if (!scenario.ideal && (!net->IsReady() || net->GetReadyTime() > start))
    {
        std::cerr << "coded-learning-sim: warning: the network was not ready (every Wi-Fi "
                     "station associated) when the applications started at "
                  << start.GetSeconds() << " s; early messages to late stations were lost\n";
    }
    if (flowmon)
    {
        net->WriteFlowMonitor(outDir + "/flowmon.xml");
    }
    if (admissionCsv)
    {
        std::vector<double> admitted = admissionCsv->GetAdmittedPerWorker();
        admitted.resize(workers, 0.0);
        summary.SetPerWorkerData(admitted);
    }
    else
    {
        summary.SetPerWorkerData(resultBytes);
    }
    summary.WriteCsvFile(outDir + "/summary.csv");
    // Executed simulator events (deterministic; utils/benchmark-scaling.sh reads this line).
    const uint64_t events = Simulator::GetEventCount();
    Simulator::Destroy();
    if (summary.Iterations() < iterations)
    {
        std::cerr << "coded-learning-sim: warning: only " << summary.Iterations() << " of "
                  << iterations << " iterations finished before the time limit of "
                  << (deadline + 1.0) * iterations << " s after the start\n";
    }

    std::cout << std::fixed << std::setprecision(4) << "coded-learning-sim: scheme " << scheme
              << ", network " << network << ", " << workers << " workers: " << summary.Iterations()
              << " iterations (" << summary.DecodedIterations() << " decoded) in "
              << summary.SimTime() << " s simulated; final test accuracy "
              << summary.FinalAccuracy() << ", training loss " << summary.FinalTrainLoss()
              << ", mean compute load " << (summary.Iterations() ? summary.MeanComputeLoad() : 0.0)
              << ", uplink " << summary.TotalUplinkBytes() << " bytes; wrote " << outDir
              << "/iterations.csv\n";
    std::cout << "coded-learning-sim: " << events << " simulator events\n";
    std::cout << "coded-learning-sim: " << setup->GetGradientCache().GetMisses()
              << " block gradients computed, " << setup->GetGradientCache().GetHits()
              << " shared between workers\n";
    return 0;
}

} // namespace

int
main(int argc, char* argv[])
{
    try
    {
        return Run(argc, argv);
    }
    catch (const std::exception& e)
    {
        std::cerr << "coded-learning-sim: error: " << e.what() << '\n';
        return 1;
    }
}
