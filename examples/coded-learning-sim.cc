// SPDX-License-Identifier: GPL-2.0-only
//
// coded-learning-sim: distributed training with a gradient code over an ns-3 network.
//
//   ./build/examples/coded-learning-sim --scheme=two-stage --network=wifi --workers=10
//   ./build/examples/coded-learning-sim --scheme=cyclic-repetition --stragglers=2 --network=p2p
//   ./build/examples/coded-learning-sim --dataset=synthetic --network=ideal --iterations=20
//
// Writes <outDir>/iterations.csv (one row per iteration, flushed as it goes) and prints a
// one-line summary. --PrintHelp lists every flag.

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <sys/stat.h>

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

/// \param v a number \return it as text, as exact as the user typed it (no trailing zeros)
std::string
Text(double v)
{
    std::ostringstream os;
    os << std::setprecision(12) << v;
    return os.str();
}

/// Summary statistics collected from the iteration trace.
struct Summary
{
    uint32_t iterations{0};            //!< iterations finished
    uint32_t decoded{0};               //!< iterations decoded
    double loadSum{0};                 //!< total compute load
    uint64_t bytesUp{0};               //!< uplink bytes
    double lastAccuracy{std::nan("")}; //!< last evaluated accuracy
    double lastLoss{std::nan("")};     //!< last decoded loss
    double simTime{0};                 //!< end of the last iteration
    uint32_t total{0};                 //!< iterations the server runs

    /// \param r one iteration
    void Add(const IterationRecord& r)
    {
        ++iterations;
        decoded += r.decoded ? 1 : 0;
        loadSum += r.computeLoad;
        bytesUp += r.bytesUp;
        if (!std::isnan(r.testAccuracy))
        {
            lastAccuracy = r.testAccuracy;
        }
        if (!std::isnan(r.trainLoss))
        {
            lastLoss = r.trainLoss;
        }
        simTime = r.endTime;
        if (iterations == total)
        {
            Simulator::Stop(); // Wi-Fi beacons would otherwise keep the simulation going
        }
    }
};

/// Trace sink for the summary.
void
AddToSummary(Summary* s, const IterationRecord& r)
{
    s->Add(r);
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
    std::string p2pRate = "100Mbps";
    std::string p2pDelay = "1ms";
    std::string csmaRate = "100Mbps";
    uint32_t numPartitions = 0;
    std::string admission = "none";
    double v = 100.0;
    double theta = 1.0;
    std::string dataset = "fashion-mnist";
    std::string dataDir = coded::Dataset::DEFAULT_FASHION_MNIST_DIR;
    uint32_t trainLimit = 0;
    std::string model = "softmax";
    uint32_t hidden = 64;
    double learningRate = 0.2;
    double momentum = 0.9;
    uint32_t evalInterval = 10;
    double slowFraction = 0.2;
    double slowdown = 4.0;
    double computeUnitMs = 10.0;
    std::string distribution = "shifted-exponential";
    double deadline = 1.0;
    bool float32 = false;
    std::string outDir = "results/sim";
    bool pcap = false;
    bool flowmon = false;

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
    cmd.AddValue("p2pRate",
                 "p2p: link data rate, one value or a comma-separated list per worker",
                 p2pRate);
    cmd.AddValue("p2pDelay",
                 "p2p: link delay, one value or a comma-separated list per worker",
                 p2pDelay);
    cmd.AddValue("csmaRate", "csma: bus data rate", csmaRate);
    cmd.AddValue("numPartitions", "Data partitions K (0 = one per worker)", numPartitions);
    cmd.AddValue("admission",
                 "Uplink admission: none, or lyapunov (the server's perturbed-Lyapunov slot "
                 "scheduler grants uploads)",
                 admission);
    cmd.AddValue("V", "Lyapunov penalty weight V (> 0) with --admission=lyapunov", v);
    cmd.AddValue("theta",
                 "Perturbation factor (>= 0): theta_i = theta * b_max,i, with --admission=lyapunov",
                 theta);
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
    CommandLineChecks::RequireRange("hidden", hidden, 1, 1e6);
    CommandLineChecks::RequireOneOf("admission", admission, {"none", "lyapunov"});
    CommandLineChecks::RequireRange("V", v, 1e-9, 1e12);
    CommandLineChecks::RequireRange("theta", theta, 0.0, 1e6);
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
        coded::CodingParameters check;
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

    NetworkScenarioHelper net;
    net.SetKind(network);
    net.SetNumWorkers(workers);
    net.SetUplinkLossRate(lossRate);
    net.SetDownlinkLossRate(lossRate);
    net.SetLossModel(lossModel);
    if (network == "wifi")
    {
        net.SetWifiStandard(wifiStandard);
        net.SetWifiDistance(distance);
        net.SetWifiMobility(wifiMobility);
    }
    else if (network == "p2p")
    {
        net.SetP2pDataRates(p2pRate);
        net.SetP2pDelays(p2pDelay);
    }
    else if (network == "csma")
    {
        net.SetCsmaDataRate(csmaRate);
    }
    net.Validate();
    NetworkScenario scenario = net.Build();

    coded::CodingParameters coding;
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
    learning.SetServerAttribute("IterationDeadline", TimeValue(Seconds(deadline)));
    learning.SetServerAttribute("Float32", BooleanValue(float32));
    learning.SetComputeTimeAttribute("UnitTime", TimeValue(MilliSeconds(computeUnitMs)));
    learning.SetComputeTimeAttribute("Distribution", StringValue(distribution));
    const auto numSlow = static_cast<uint32_t>(std::lround(slowFraction * workers));
    std::vector<uint32_t> slow;
    for (uint32_t i = 0; i < numSlow; ++i)
    {
        slow.push_back(workers - 1 - i); // the last workers are the slow ones
    }
    learning.SetSlowWorkers(slow, slowdown);
    if (admission == "lyapunov")
    {
        Ptr<LyapunovSlotScheduler> scheduler = CreateObject<LyapunovSlotScheduler>();
        scheduler->SetAttribute("V", DoubleValue(v));
        scheduler->SetAttribute("PerturbationFactor", DoubleValue(theta));
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
    stream += net.AssignStreams(stream);

    MakeDirectories(outDir);
    IterationCsvWriter csv(outDir + "/iterations.csv");
    csv.Connect(learning.GetServer());
    Summary summary;
    summary.total = iterations;
    learning.GetServer()->TraceConnectWithoutContext("IterationEnd",
                                                     MakeBoundCallback(&AddToSummary, &summary));
    if (pcap)
    {
        net.EnablePcap(outDir + "/coded-learning");
    }
    if (flowmon)
    {
        net.EnableFlowMonitor();
    }
    // A safety net: every iteration ends by its deadline.
    Simulator::Stop(start + Seconds((deadline + 1.0) * iterations));
    Simulator::Run();
    if (!scenario.ideal && (!net.IsReady() || net.GetReadyTime() > start))
    {
        std::cerr << "coded-learning-sim: warning: the network was not ready (every Wi-Fi "
                     "station associated) when the applications started at "
                  << start.GetSeconds() << " s; early messages to late stations were lost\n";
    }
    if (flowmon)
    {
        net.WriteFlowMonitor(outDir + "/flowmon.xml");
    }
    Simulator::Destroy();

    std::cout << std::fixed << std::setprecision(4) << "coded-learning-sim: scheme " << scheme
              << ", network " << network << ", " << workers << " workers: " << summary.iterations
              << " iterations (" << summary.decoded << " decoded) in " << summary.simTime
              << " s simulated; final test accuracy " << summary.lastAccuracy << ", training loss "
              << summary.lastLoss << ", mean compute load "
              << (summary.iterations ? summary.loadSum / summary.iterations : 0.0) << ", uplink "
              << summary.bytesUp << " bytes; wrote " << outDir << "/iterations.csv\n";
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
