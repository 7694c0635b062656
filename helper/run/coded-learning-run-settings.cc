// SPDX-License-Identifier: GPL-2.0-only
#include "coded-learning-run-settings.h"

#include "command-line-checks.h"

#include "ns3/command-line.h"
#include "ns3/gradient-code-factory.h"
#include "ns3/network-scenario-factory.h"
#include "ns3/non-iid-partitioner.h"
#include "ns3/sgd-optimizer.h"

#include <cmath>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/// \param v a number \return it as text, as exact as the user typed it (no trailing zeros)
std::string
Text(double v)
{
    std::ostringstream os;
    os << std::setprecision(12) << v;
    return os.str();
}

/// Declares the flags of the code and the run's size. \param cmd the command line
/// \param s the settings
void
AddCodeFlags(CommandLine& cmd, CodedLearningRunSettings& s)
{
    cmd.AddValue("scheme",
                 "Gradient code: uncoded, ignore-stragglers, k-sync, fractional-repetition, "
                 "cyclic-repetition, approximate, partial, two-stage",
                 s.training.scheme);
    cmd.AddValue("workers", "Number of workers n (>= 1)", s.coding.numWorkers);
    cmd.AddValue("stragglers",
                 "Straggler tolerance s of the schemes that have one",
                 s.coding.stragglers);
    cmd.AddValue("iterations", "Training iterations (>= 1)", s.training.iterations);
}

/// Declares the network flags. \param cmd the command line \param n the settings
void
AddNetworkFlags(CommandLine& cmd, CodedLearningRunSettings::Network& n)
{
    NetworkSettings& t = n.topology;
    cmd.AddValue("network", "Network: wifi, csma, p2p or ideal", n.kind);
    cmd.AddValue("transport",
                 "Transport of the messages on real networks: udp or tcp",
                 n.transport);
    cmd.AddValue("modelDelivery",
                 "How the model reaches the workers: unicast (a copy per worker) or broadcast "
                 "(one copy per iteration to the subnet, lost chunks NACKed and sent again; "
                 "udp on wifi or csma only)",
                 n.modelDelivery);
    cmd.AddValue("lossRate", "Packet loss rate in [0, 1] on uplink and downlink", n.lossRate);
    cmd.AddValue("lossModel", "Loss model: rate (independent) or burst", t.lossModel);
    cmd.AddValue("wifiStandard",
                 "Wi-Fi standard: 802.11ax, 802.11ac, 802.11n, 802.11g, 802.11a",
                 t.wifiStandard);
    cmd.AddValue("distance",
                 "Wi-Fi: distance of the stations from the access point (m)",
                 t.wifiDistance);
    cmd.AddValue("distances",
                 "Wi-Fi: per-station distances from the access point (m), comma-separated, one "
                 "per worker (near and far stations); empty: every station at --distance",
                 t.wifiDistances);
    cmd.AddValue("wifiMobility", "Wi-Fi: static or random-walk stations", t.wifiMobility);
    cmd.AddValue("wifiQueueSize",
                 "Wi-Fi: MAC queue capacity per access category and device (packets, >= 1; "
                 "ns-3's 500 loses model chunks with 50+ workers, doc/networks.rst)",
                 t.wifiMacQueueSize);
    cmd.AddValue("wifiQueueDelay",
                 "Wi-Fi: longest wait of a frame in a MAC queue before it is discarded (s, > 0; "
                 "ns-3: 0.5)",
                 n.wifiQueueDelay);
    cmd.AddValue("wifiExplicitBar",
                 "Wi-Fi: acknowledge A-MPDUs with explicit Block Ack Requests (on by default "
                 "with ns-3.37 only: the workaround for its Block Ack assertion, "
                 "doc/networks.rst)",
                 t.wifiExplicitBlockAckRequest);
    cmd.AddValue("wifiLostBeacons",
                 "Wi-Fi: the access point lets go of a station that heard no beacon for this "
                 "many intervals (out of range) and takes it back when it hears one, in [0, "
                 "1000]; 0 = never, ns-3's behaviour, in which an unreachable station stalls the "
                 "cell (doc/hardening.rst)",
                 t.wifiStationLossBeacons);
    cmd.AddValue("p2pRate",
                 "p2p: link data rate, one value or a comma-separated list per worker",
                 t.p2pDataRates);
    cmd.AddValue("p2pDelay",
                 "p2p: link delay, one value or a comma-separated list per worker",
                 t.p2pDelays);
    cmd.AddValue("csmaRate", "csma: bus data rate", t.csmaDataRate);
    cmd.AddValue("backhaul",
                 "Wi-Fi: none (the access point is the server) or p2p (the server behind the "
                 "access point on a point-to-point link, doc/networks.rst)",
                 t.backhaul);
    cmd.AddValue("backhaulRate", "Wi-Fi backhaul: data rate, e.g. 100Mbps", t.backhaulDataRate);
    cmd.AddValue("backhaulDelay", "Wi-Fi backhaul: propagation delay, e.g. 1ms", t.backhaulDelay);
    cmd.AddValue("queueDisc",
                 "Wi-Fi backhaul: root queue disc of the access point's end of the backhaul, "
                 "which carries the uploads: none (ns-3's default) or fair-admission "
                 "(FairAdmissionQueueDisc, one class per worker; <outDir>/queue-disc.csv; "
                 "needs --backhaul=p2p)",
                 t.backhaulQueueDisc);
}

/// Declares the flags of the scheme parameters (doc/coding.rst). \param cmd the command line
/// \param s the settings
void
AddSchemeFlags(CommandLine& cmd, CodedLearningRunSettings& s)
{
    coded::CodingParameters& c = s.coding;
    cmd.AddValue("numPartitions",
                 "Data partitions K (0 = one per worker)",
                 s.training.numPartitions);
    cmd.AddValue("kSyncResults", "k-sync: results waited for (0 = n - s)", c.kSyncResults);
    cmd.AddValue("kSyncReshuffle",
                 "k-sync: new block-to-worker assignment every iteration",
                 c.kSyncReshuffle);
    cmd.AddValue("approxDegree",
                 "approximate: blocks per worker d (random d-regular code)",
                 c.approxDegree);
    cmd.AddValue("approxDecoder",
                 "approximate: optimal (least squares) or fixed (n/(n-s))",
                 c.approxDecoder);
    cmd.AddValue("partialPrivateUnits", "partial: private units per worker", c.partialPrivateUnits);
    cmd.AddValue("decodeTolerance",
                 "Residual check of least-squares decodes: ||B_F^T a - 1||_inf <= tol max(1, "
                 "||B||_max)",
                 c.decodeTolerance);
    cmd.AddValue("rawSampleTransfer",
                 "Send the raw samples of rows a worker does not store with its task (k-sync "
                 "with reshuffling, two-stage); off: such work is not assigned and k-sync with "
                 "reshuffling stores every partition on every worker",
                 c.rawSampleTransfer);
    cmd.AddValue("replication",
                 "two-stage: worker i stores the code blocks i..i+r-1 (mod n); 0 or r >= n: every "
                 "worker stores everything",
                 c.replication);
    cmd.AddValue("stageOneSize",
                 "two-stage: how many stage-1 workers: adaptive (fits the network time against "
                 "their number and minimises the predicted stage-1 time) or fixed "
                 "(stageOneFraction, stageOneWorkers)",
                 c.stageOneSize);
    cmd.AddValue("stageOneFraction",
                 "two-stage, fixed size: n1 = ceil(fraction n) stage-1 workers (when "
                 "stageOneWorkers = 0)",
                 c.stageOneFraction);
    cmd.AddValue("stageOneWorkers",
                 "two-stage, fixed size: n1 stage-1 workers (0 = from stageOneFraction)",
                 c.stageOneWorkers);
    cmd.AddValue("stageOneSelection",
                 "two-stage: stage-1 workers: fastest (by history) or random",
                 c.stageOneSelection);
    cmd.AddValue("stageOneLoad",
                 "two-stage: stage-1 split: proportional (equal predicted finish) or equal (equal "
                 "loads)",
                 c.stageOneLoad);
    cmd.AddValue("stageTwoTrigger",
                 "two-stage: c, also start stage 2 for every stage-1 worker still out at the c-th "
                 "stage-1 result (0 = off)",
                 c.stageTwoTrigger);
    cmd.AddValue("stageOneDeadline",
                 "two-stage: start stage 2 for a stage-1 worker late past its deadline "
                 "(--deadlineRule)",
                 c.stageOneDeadline);
    cmd.AddValue("deadlineRule",
                 "two-stage: predicted (each worker's predicted finish plus a margin) or quantile "
                 "(a quantile of past iterations' last stage-1 finish)",
                 c.deadlineRule);
    cmd.AddValue("deadlineDeviations",
                 "two-stage, predicted deadline: margin of this many mean deviations of the "
                 "worker's times",
                 c.deadlineDeviations);
    cmd.AddValue("deadlineSlack",
                 "two-stage, predicted deadline: smallest margin, as a fraction of the predicted "
                 "finish",
                 c.deadlineSlack);
    cmd.AddValue("deadlineQuantile",
                 "two-stage, quantile deadline: this quantile of past iterations' last stage-1 "
                 "finish",
                 c.deadlineQuantile);
    cmd.AddValue("excludeSlowerThan",
                 "two-stage: leave out of stage 1 and of the stage-2 pool the workers whose "
                 "per-unit compute time is more than this many times the median (0 = never)",
                 c.excludeSlowerThan);
    cmd.AddValue("probeInterval",
                 "two-stage: every this many iterations the left-out workers are stage-1 "
                 "candidates again, so that their speed is measured (0 = never)",
                 c.probeInterval);
    cmd.AddValue("stageTwoTolerance",
                 "two-stage: stage-2 straggler tolerance s2 per re-planned piece (min(s2, m - 1) "
                 "with m workers storing it)",
                 c.stageTwoTolerance);
    cmd.AddValue("stageTwoPool",
                 "two-stage: stage-2 workers: idle-and-finished or idle",
                 c.stageTwoPool);
    cmd.AddValue("historyBeta",
                 "EWMA weight of the old per-unit completion time in [0, 1) (two-stage history)",
                 s.training.historyBeta);
}

/// Declares the admission flags and the summary's target accuracy. \param cmd the command
/// line \param s the settings
void
AddAdmissionFlags(CommandLine& cmd, CodedLearningRunSettings& s)
{
    cmd.AddValue("admission",
                 "Uplink admission: none, or lyapunov (the server's perturbed-Lyapunov slot "
                 "scheduler grants uploads)",
                 s.admission.kind);
    cmd.AddValue("V", "Lyapunov penalty weight V (> 0) with --admission=lyapunov", s.admission.v);
    cmd.AddValue("theta",
                 "Perturbation factor (>= 0): theta_i = theta * b_max,i, with --admission=lyapunov",
                 s.admission.theta);
    cmd.AddValue("workConserving",
                 "With --admission=lyapunov: serve a queue below its perturbation theta_i when "
                 "no queue is above it (false: the slot stays idle and the last theta_i of an "
                 "upload waits for more data)",
                 s.admission.workConserving);
    cmd.AddValue("admissionChannel",
                 "With --admission=lyapunov: measured (the scheduler is the real uplink: it "
                 "grants chunks, backlogs fall by the bytes that arrive, lost chunks are "
                 "granted again) or rayleigh (virtual service over the slotted Rayleigh channel "
                 "of ns3::LyapunovSlotScheduler, then the whole result is sent)",
                 s.admission.channel);
    cmd.AddValue("admissionSlot",
                 "With --admission=lyapunov: the scheduler's slot in seconds (> 0): one "
                 "admission and grant decision per slot",
                 s.admission.slot);
    cmd.AddValue("admissionInitialRate",
                 "With --admission=lyapunov --admissionChannel=measured: the rate estimate of "
                 "every worker before its first measurement, in bit/s (> 0); b_max = it x slot",
                 s.admission.initialRate);
    cmd.AddValue("admissionCsvInterval",
                 "With --admission=lyapunov: a row of <outDir>/admission.csv every N scheduler "
                 "slots (>= 1)",
                 s.admission.csvInterval);
    cmd.AddValue("targetAccuracy",
                 "Target test accuracy in [0, 1] of summary.csv's time_to_target_s and "
                 "iterations_to_target",
                 s.outputs.targetAccuracy);
    cmd.AddValue("requireDecoded",
                 "Fail (exit status 4) when fewer than this fraction of the --iterations decoded, "
                 "in [0, 1] (0 = never; for scripts and sweeps)",
                 s.outputs.requireDecoded);
}

/// Declares the optimiser, compute-time and iteration flags. \param cmd the command line
/// \param s the settings
void
AddTrainingFlags(CommandLine& cmd, CodedLearningRunSettings& s)
{
    CodedLearningRunSettings::Training& t = s.training;
    cmd.AddValue("learningRate",
                 "Learning rate of full-batch gradient descent (> 0)",
                 t.learningRate);
    cmd.AddValue("momentum", "Momentum in [0, 1)", t.momentum);
    cmd.AddValue("evalInterval",
                 "Evaluate test accuracy every N iterations and after the last one (>= 1; a "
                 "value >= iterations evaluates only at the end)",
                 t.evalInterval);
    cmd.AddValue("batchSize",
                 "Mini-batch SGD: training samples drawn per iteration (0 = full batch, at most "
                 "the training set); every code stays exact (doc/performance.rst)",
                 t.batchSize);
    CodedLearningRunSettings::Compute& c = s.compute;
    cmd.AddValue("slowFraction",
                 "Fraction of persistently slow workers, in [0, 1]",
                 c.slowFraction);
    cmd.AddValue("slowdown", "Slow-down factor of the slow workers (>= 1)", c.slowdown);
    cmd.AddValue("computeUnitMs", "Compute time unit per partition (ms, > 0)", c.unitMs);
    cmd.AddValue("distribution",
                 "Compute-time distribution: shifted-exponential, pareto, bimodal, deterministic",
                 c.distribution);
    cmd.AddValue("deadline", "Iteration deadline (s, > 0)", t.deadline);
    cmd.AddValue("float32", "Send model and results as float32", t.float32);
}

/// Declares the output flags. \param cmd the command line \param o the settings
void
AddOutputFlags(CommandLine& cmd, CodedLearningRunSettings::Outputs& o)
{
    cmd.AddValue("outDir", "Output folder", o.outDir);
    cmd.AddValue("pcap", "Write PCAP traces of every device", o.pcap);
    cmd.AddValue("flowmon", "Write FlowMonitor XML", o.flowmon);
}

/// Declares the partitioning flags. \param cmd the command line \param p the settings
void
AddPartitionFlags(CommandLine& cmd, CodedLearningRunSettings::Partitioning& p)
{
    cmd.AddValue("partition",
                 "Label distribution of the data partitions: iid, sorted (by label), label-skew "
                 "(--partitionClasses classes each) or dirichlet (proportions from "
                 "Dir(--dirichletAlpha))",
                 p.kind);
    cmd.AddValue("partitionClasses",
                 "label-skew: classes per partition (1 .. number of classes)",
                 p.classes);
    cmd.AddValue("dirichletAlpha",
                 "dirichlet: concentration alpha (> 0; small: few classes per partition)",
                 p.alpha);
}

/// Declares the fault flags. \param cmd the command line \param f the settings
void
AddFaultFlags(CommandLine& cmd, CodedLearningRunSettings::Faults& f)
{
    cmd.AddValue("crashWorker",
                 "Fault: index of a worker that crashes for good at --crashAt (-1 = none)",
                 f.crashWorker);
    cmd.AddValue("crashAt",
                 "Fault: simulated time of the crash (s, > 1: the applications start at 1 s)",
                 f.crashAt);
    cmd.AddValue("crashMode",
                 "Fault: app (the worker application stops), device (its IPv4 interface goes "
                 "down; not on ideal) or both",
                 f.crashMode);
    cmd.AddValue("linkDownWorker",
                 "Fault: index of a worker whose IPv4 interface is down from --linkDownAt to "
                 "--linkUpAt (-1 = none; not on ideal)",
                 f.linkDownWorker);
    cmd.AddValue("linkDownAt", "Fault: simulated time the link goes down (s, > 1)", f.linkDownAt);
    cmd.AddValue("linkUpAt",
                 "Fault: simulated time the link comes back (s, > linkDownAt; 0 = never)",
                 f.linkUpAt);
    cmd.AddValue("moveWorker",
                 "Fault: index of a Wi-Fi station moved to --moveTo metres from the access "
                 "point at --moveAt (-1 = none; wifi only)",
                 f.moveWorker);
    cmd.AddValue("moveAt", "Fault: simulated time of the move (s, > 1)", f.moveAt);
    cmd.AddValue("moveTo",
                 "Fault: distance from the access point the station moves to, along its "
                 "direction (m, > 0; 1000 is out of range)",
                 f.moveTo);
    cmd.AddValue("moveBackAt",
                 "Fault: simulated time the station returns to where it was (s, > moveAt; "
                 "0 = never)",
                 f.moveBackAt);
}

} // namespace

void
CodedLearningRunSettings::AddFlags(CommandLine& cmd)
{
    AddCodeFlags(cmd, *this);
    AddNetworkFlags(cmd, network);
    AddSchemeFlags(cmd, *this);
    AddAdmissionFlags(cmd, *this);
    data.AddFlags(cmd);
    AddPartitionFlags(cmd, partitioning);
    model.AddFlags(cmd);
    AddTrainingFlags(cmd, *this);
    AddOutputFlags(cmd, outputs);
    AddFaultFlags(cmd, faults);
    energy.AddFlags(cmd);
}

void
CodedLearningRunSettings::Validate() const
{
    CommandLineChecks::RequireOneOf("scheme", training.scheme, coded::GradientCodeFactory::Names());
    CommandLineChecks::RequireOneOf("network", network.kind, NetworkScenarioFactory::Kinds());
    CommandLineChecks::RequireOneOf("transport", network.transport, {"udp", "tcp"});
    data.Validate();
    model.Validate();
    CommandLineChecks::RequireOneOf("distribution",
                                    compute.distribution,
                                    {"shifted-exponential", "pareto", "bimodal", "deterministic"});
    CommandLineChecks::RequireRange("workers", coding.numWorkers, 1, 65535);
    CommandLineChecks::RequireRange("iterations", training.iterations, 1, 1e9);
    CommandLineChecks::RequireRange("evalInterval", training.evalInterval, 1, 1e9);
    CommandLineChecks::RequireOneOf("lossModel", network.topology.lossModel, {"rate", "burst"});
    CommandLineChecks::RequireOneOf("wifiMobility",
                                    network.topology.wifiMobility,
                                    {"static", "random-walk"});
    CommandLineChecks::RequireRange("lossRate", network.lossRate, 0.0, 1.0);
    CommandLineChecks::RequireRange("slowFraction", compute.slowFraction, 0.0, 1.0);
    CommandLineChecks::RequireRange("slowdown", compute.slowdown, 1.0, 1e6);
    CommandLineChecks::RequireRange("computeUnitMs", compute.unitMs, 1e-9, 1e9);
    CommandLineChecks::RequireRange("deadline", training.deadline, 1e-9, 1e9);
    CommandLineChecks::RequireRange("wifiQueueSize",
                                    network.topology.wifiMacQueueSize,
                                    1,
                                    4294967295.0);
    CommandLineChecks::RequireRange("wifiQueueDelay", network.wifiQueueDelay, 1e-9, 1e9);
    CommandLineChecks::RequireRange("wifiLostBeacons",
                                    network.topology.wifiStationLossBeacons,
                                    0,
                                    1000);
    CommandLineChecks::RequireRange("hidden", model.hidden, 1, 1e6);
    ValidateBackhaul();
    ValidateModelDelivery();
    CommandLineChecks::RequireOneOf("admission", admission.kind, {"none", "lyapunov"});
    CommandLineChecks::RequireRange("V", admission.v, 1e-9, 1e12);
    CommandLineChecks::RequireRange("theta", admission.theta, 0.0, 1e6);
    CommandLineChecks::RequireOneOf("admissionChannel",
                                    admission.channel,
                                    {"measured", "rayleigh"});
    CommandLineChecks::RequireRange("admissionSlot", admission.slot, 1e-6, 1e3);
    CommandLineChecks::RequireRange("admissionInitialRate", admission.initialRate, 1e3, 1e12);
    CommandLineChecks::RequireRange("historyBeta", training.historyBeta, 0.0, 0.999999);
    // The two-stage parameters are checked by TwoStageCode (CheckCode: "invalid combination").
    CommandLineChecks::RequireRange("replication", coding.replication, 0, 65535);
    ValidateFaults();
    CommandLineChecks::RequireOneOf("partition",
                                    partitioning.kind,
                                    coded::NonIidPartitioner::KindNames());
    CommandLineChecks::RequireRange("partitionClasses", partitioning.classes, 1, 1e6);
    CommandLineChecks::RequireRange("dirichletAlpha", partitioning.alpha, 1e-6, 1e6);
    CommandLineChecks::RequireRange("admissionCsvInterval", admission.csvInterval, 1, 1e9);
    CommandLineChecks::RequireRange("targetAccuracy", outputs.targetAccuracy, 0.0, 1.0);
    CommandLineChecks::RequireRange("requireDecoded", outputs.requireDecoded, 0.0, 1.0);
    energy.Validate(coding.numWorkers);
    coded::SgdOptimizer::Config sgd;
    sgd.learningRate = training.learningRate;
    sgd.momentum = training.momentum;
    try
    {
        coded::SgdOptimizer::Validate(sgd);
    }
    catch (const std::invalid_argument& e)
    {
        throw std::invalid_argument("--learningRate=" + Text(training.learningRate) +
                                    " --momentum=" + Text(training.momentum) + ": " + e.what());
    }
}

void
CodedLearningRunSettings::ValidateBackhaul() const
{
    const NetworkSettings& t = network.topology;
    CommandLineChecks::RequireOneOf("backhaul", t.backhaul, {"none", "p2p"});
    CommandLineChecks::RequireOneOf("queueDisc", t.backhaulQueueDisc, {"none", "fair-admission"});
    if (t.backhaul != "none" && network.kind != "wifi")
    {
        throw std::invalid_argument("--backhaul=" + t.backhaul +
                                    ": only the Wi-Fi access point has a backhaul; --network=" +
                                    network.kind + " (allowed: --backhaul=none)");
    }
    if (t.backhaulQueueDisc != "none" && t.backhaul == "none")
    {
        throw std::invalid_argument("--queueDisc=" + t.backhaulQueueDisc +
                                    ": the uploads cross a queue disc only on a backhaul "
                                    "(allowed: --queueDisc=none, or --backhaul=p2p with "
                                    "--network=wifi)");
    }
}

void
CodedLearningRunSettings::ValidateModelDelivery() const
{
    CommandLineChecks::RequireOneOf("modelDelivery",
                                    network.modelDelivery,
                                    {"unicast", "broadcast"});
    if (network.modelDelivery != "broadcast")
    {
        return;
    }
    if (network.kind != "wifi" && network.kind != "csma")
    {
        throw std::invalid_argument("--modelDelivery=broadcast needs one subnet with link-layer "
                                    "broadcast: --network=wifi or csma, not --network=" +
                                    network.kind);
    }
    if (network.transport != "udp")
    {
        throw std::invalid_argument("--modelDelivery=broadcast needs --transport=udp (TCP "
                                    "has no broadcast), not --transport=" +
                                    network.transport);
    }
    if (network.topology.backhaul != "none")
    {
        throw std::invalid_argument("--modelDelivery=broadcast needs the server on the workers' "
                                    "subnet, not behind --backhaul=" +
                                    network.topology.backhaul +
                                    " (the access point does not forward a subnet broadcast; "
                                    "allowed: --backhaul=none)");
    }
}

void
CodedLearningRunSettings::ValidateFaults() const
{
    // -1 or a worker index; times after the applications' start.
    const double last = coding.numWorkers - 1.0;
    const double start = simulation.startTime;
    CommandLineChecks::RequireRange("crashWorker", faults.crashWorker, -1, last);
    CommandLineChecks::RequireRange("linkDownWorker", faults.linkDownWorker, -1, last);
    CommandLineChecks::RequireRange("moveWorker", faults.moveWorker, -1, last);
    CommandLineChecks::RequireOneOf("crashMode", faults.crashMode, {"app", "device", "both"});
    if (faults.crashWorker >= 0)
    {
        CommandLineChecks::RequireAfter("crashAt",
                                        faults.crashAt,
                                        start,
                                        "the applications' start");
        if (faults.crashMode != "app" && network.kind == "ideal")
        {
            throw std::invalid_argument("--crashMode=" + faults.crashMode +
                                        ": the ideal network has no interfaces; use app");
        }
    }
    if (faults.linkDownWorker >= 0)
    {
        if (network.kind == "ideal")
        {
            throw std::invalid_argument(
                "--linkDownWorker=" + std::to_string(faults.linkDownWorker) +
                ": the ideal network has no links; use wifi, csma, p2p");
        }
        CommandLineChecks::RequireAfter("linkDownAt",
                                        faults.linkDownAt,
                                        start,
                                        "the applications' start");
        if (faults.linkUpAt != 0.0)
        {
            CommandLineChecks::RequireAfter("linkUpAt",
                                            faults.linkUpAt,
                                            faults.linkDownAt,
                                            "--linkDownAt");
        }
    }
    if (faults.moveWorker >= 0)
    {
        if (network.kind != "wifi")
        {
            throw std::invalid_argument("--moveWorker=" + std::to_string(faults.moveWorker) +
                                        ": only Wi-Fi stations move; --network=" + network.kind);
        }
        CommandLineChecks::RequireAfter("moveAt", faults.moveAt, start, "the applications' start");
        CommandLineChecks::RequireRange("moveTo", faults.moveTo, 1e-9, 1e9);
        if (faults.moveBackAt != 0.0)
        {
            CommandLineChecks::RequireAfter("moveBackAt",
                                            faults.moveBackAt,
                                            faults.moveAt,
                                            "--moveAt");
        }
    }
}

std::vector<uint32_t>
CodedLearningRunSettings::SlowWorkers() const
{
    if (!compute.slowWorkers.empty())
    {
        return compute.slowWorkers;
    }
    const uint32_t n = coding.numWorkers;
    const auto numSlow = static_cast<uint32_t>(std::lround(compute.slowFraction * n));
    std::vector<uint32_t> slow;
    for (uint32_t i = 0; i < numSlow; ++i)
    {
        slow.push_back(n - 1 - i); // the last workers are the slow ones
    }
    return slow;
}

double
CodedLearningRunSettings::TimeLimit() const
{
    if (simulation.stopTime > 0.0)
    {
        return simulation.stopTime - simulation.startTime;
    }
    return (training.deadline + training.gap + 1.0) * training.iterations;
}

Time
CodedLearningRunSettings::StopTime() const
{
    if (simulation.stopTime > 0.0)
    {
        return Seconds(simulation.stopTime);
    }
    return Seconds(simulation.startTime) + Seconds(TimeLimit());
}

} // namespace ns3
