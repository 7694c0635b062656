// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CODED_LEARNING_RUN_SETTINGS_H
#define CODED_LEARNING_CODED_LEARNING_RUN_SETTINGS_H

#include "data-settings.h"
#include "model-settings.h"

#include "ns3/energy-settings.h"
#include "ns3/gradient-code.h"
#include "ns3/network-settings.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class CommandLine;

/**
 * \ingroup coded-learning
 * \brief Every parameter of one distributed training run (CodedLearningRun), grouped, with
 * the defaults of coded-learning-sim. AddFlags() declares the program's flags on these fields
 * (name, help text, default: --PrintHelp lists them); Validate() checks them with the
 * programs' error messages. Fields without a flag (marked "no flag") serve programs and tests
 * that build runs in code.
 */
struct CodedLearningRunSettings
{
    /// The server's training loop (ParameterServerApplication attributes).
    struct Training
    {
        /// Gradient code, one of coded::GradientCodeFactory::Names() (--scheme).
        std::string scheme{"two-stage"};
        /// Training iterations, >= 1 (--iterations).
        uint32_t iterations{60};
        /// Data partitions K; 0 = one per worker (--numPartitions).
        uint32_t numPartitions{0};
        /// EWMA weight of the old per-unit completion time, [0, 1) (--historyBeta).
        double historyBeta{0.8};
        /// SGD learning rate, > 0 (--learningRate).
        double learningRate{0.2};
        /// SGD momentum, [0, 1) (--momentum).
        double momentum{0.9};
        /// Evaluate every N iterations and after the last; the flag needs >= 1, 0 = only after
        /// the last (--evalInterval).
        uint32_t evalInterval{10};
        /// Mini-batch rows per iteration; 0 = full batch (--batchSize).
        uint32_t batchSize{0};
        /// Iteration deadline (s), > 0 (--deadline).
        double deadline{1.0};
        /// Pause between iterations (s), >= 0 (no flag).
        double gap{0.0};
        /// Send model and results as float32 (--float32).
        bool float32{false};
        /// Workers share the gradients of the blocks they have in common (no flag;
        /// LearningSetup's ShareGradients).
        bool shareGradients{true};
    };

    /// The workers' compute times (ComputeTimeModel attributes) and the persistent stragglers.
    struct Compute
    {
        /// Fraction of persistently slow workers (the last ones), [0, 1] (--slowFraction).
        double slowFraction{0.2};
        /// The slow workers by index; when empty, the last round(slowFraction n) (no flag).
        std::vector<uint32_t> slowWorkers;
        /// Slow-down factor of the slow workers, >= 1 (--slowdown).
        double slowdown{4.0};
        /// Compute time unit per partition (ms), > 0 (--computeUnitMs).
        double unitMs{10.0};
        /// "shifted-exponential", "pareto", "bimodal" or "deterministic" (--distribution).
        std::string distribution{"shifted-exponential"};
    };

    /// The network (NetworkScenarioFactory) and the message transport.
    struct Network
    {
        /// One of NetworkScenarioFactory::Kinds(): "wifi", "csma", "p2p" or "ideal"
        /// (--network).
        std::string kind{"wifi"};
        /// Message transport on real networks: "udp" or "tcp" (--transport).
        std::string transport{"udp"};
        /// How the model reaches the workers: "unicast" or "broadcast" (one copy per
        /// iteration, NACK repair; UDP on wifi or csma only) (--modelDelivery).
        std::string modelDelivery{"unicast"};
        /// Packet loss rate on uplink and downlink, [0, 1] (--lossRate; sets both loss rates
        /// of topology).
        double lossRate{0.0};
        /// Wi-Fi: longest wait of a frame in a MAC queue (s), > 0 (--wifiQueueDelay; sets
        /// topology.wifiMacQueueMaxDelay).
        double wifiQueueDelay{5.0};
        /// The topology's settings (doc/networks.rst). Flags: --lossModel, --wifiStandard,
        /// --distance (wifiDistance), --distances (wifiDistances), --wifiMobility,
        /// --wifiQueueSize (wifiMacQueueSize), --wifiExplicitBar (wifiExplicitBlockAckRequest),
        /// --wifiLostBeacons (wifiStationLossBeacons), --p2pRate (p2pDataRates), --p2pDelay
        /// (p2pDelays), --csmaRate (csmaDataRate), --backhaul, --backhaulRate
        /// (backhaulDataRate), --backhaulDelay, --queueDisc (backhaulQueueDisc).
        /// CodedLearningRun sets numWorkers, uplinkLossRate, downlinkLossRate and
        /// wifiMacQueueMaxDelay from coding.numWorkers, lossRate and wifiQueueDelay.
        NetworkSettings topology;
    };

    /// Uplink admission control: a LyapunovSlotScheduler (Reservoir arrivals, work-conserving
    /// unless turned off) whose LyapunovAdmissionPolicy gets V and theta.
    struct Admission
    {
        /// "none" or "lyapunov" (--admission).
        std::string kind{"none"};
        /// Lyapunov penalty weight V, > 0 (--V).
        double v{100.0};
        /// Perturbation factor theta, >= 0 (--theta).
        double theta{1.0};
        /// A row of admission.csv every N scheduler slots, >= 1 (--admissionCsvInterval).
        uint32_t csvInterval{10};
        /// The scheduler's WorkConserving (--workConserving): serve a queue below its
        /// perturbation when no queue is above it (doc/admission.rst: without it, the last
        /// theta_i of every upload waits for more data and the iteration for its deadline).
        bool workConserving{true};
        /// The scheduler's channel (--admissionChannel): "measured" (the scheduler is the
        /// real uplink: chunk grants, backlogs fall by arrived bytes) or "rayleigh" (virtual
        /// service over the slotted Rayleigh channel, then the whole result is granted).
        std::string channel{"measured"};
        /// The policy's slot length in seconds, > 0 (--admissionSlot).
        double slot{0.002};
        /// Measured channel: the initial rate estimate in bit/s, > 0 (--admissionInitialRate).
        double initialRate{50e6};
    };

    /// How the training set is split among the partitions (coded::NonIidPartitioner).
    struct Partitioning
    {
        /// "iid", "sorted", "label-skew" or "dirichlet" (--partition).
        std::string kind{"iid"};
        /// label-skew: classes per partition, >= 1 (--partitionClasses).
        uint32_t classes{2};
        /// dirichlet: concentration alpha, > 0 (--dirichletAlpha).
        double alpha{0.5};
    };

    /// Faults (FaultInjectionHelper); times are absolute simulated seconds.
    struct Faults
    {
        /// Worker that crashes for good at crashAt; -1 = none (--crashWorker).
        int crashWorker{-1};
        /// Time of the crash (s), after the applications' start (--crashAt).
        double crashAt{1.5};
        /// "app" (application stops), "device" (IPv4 interface down) or "both" (--crashMode).
        std::string crashMode{"app"};
        /// Worker whose interface is down from linkDownAt to linkUpAt; -1 = none
        /// (--linkDownWorker).
        int linkDownWorker{-1};
        /// Time the link goes down (s) (--linkDownAt).
        double linkDownAt{1.5};
        /// Time the link comes back (s); 0 = never (--linkUpAt).
        double linkUpAt{0.0};
        /// Wi-Fi station moved to moveTo metres from the access point; -1 = none
        /// (--moveWorker).
        int moveWorker{-1};
        /// Time of the move (s) (--moveAt).
        double moveAt{1.5};
        /// Distance from the access point along the station's direction (m) (--moveTo).
        double moveTo{1000.0};
        /// Time the station returns to where it was (s); 0 = never (--moveBackAt).
        double moveBackAt{0.0};
    };

    /// What the run writes.
    struct Outputs
    {
        /// Output folder (--outDir).
        std::string outDir{"results/sim"};
        /// Write iterations.csv, summary.csv, admission.csv, energy.csv and queue-disc.csv (and the
        /// PCAP and FlowMonitor files when asked); false writes no file (no flag; tests).
        bool writeFiles{true};
        /// PCAP traces of every device (--pcap).
        bool pcap{false};
        /// FlowMonitor XML (--flowmon).
        bool flowmon{false};
        /// Target test accuracy of summary.csv, [0, 1] (--targetAccuracy).
        double targetAccuracy{0.80};
        /// The run fails (CodedLearningRun::ExitStatus 4) when fewer than this fraction of the
        /// iterations asked for decoded, [0, 1]; 0 = never (--requireDecoded).
        double requireDecoded{0.0};
    };

    /// Simulated time and random streams (no flags; ns-3's --RngRun selects the run).
    struct Simulation
    {
        /// When the applications start (s); Wi-Fi stations associate before.
        double startTime{1.0};
        /// When the simulation stops at the latest (s); 0 = startTime + iterations (deadline +
        /// gap + 1 s), which every iteration ends by.
        double stopTime{0.0};
        /// Stop right after the last iteration (else Wi-Fi beacons run on until stopTime).
        bool stopAfterLastIteration{true};
        /// First stream of the applications (CodedLearningHelper::AssignStreams).
        int64_t applicationStream{10};
        /// First stream of the network; -1 = the next after the applications'.
        int64_t networkStream{-1};
        /// 0: the data, the model and the training-set order draw from ns-3 streams (1 and 0,
        /// RngRun-dependent); else a coded::SeededRandomSource with this seed draws the data
        /// and the model.
        uint64_t dataSeed{0};
        /// Shuffle the training set (ns-3 stream 0, or the seeded source) before it is
        /// partitioned.
        bool shuffleTrainingSet{true};
    };

    DataSettings data;              //!< the data set (--dataset, --dataDir, --trainLimit)
    ModelSettings model;            //!< the model (--model, --hidden)
    Training training;              //!< the server's training loop
    coded::CodingParameters coding; //!< n (--workers), s (--stragglers), the scheme switches
    Compute compute;                //!< compute times and stragglers
    Network network;                //!< the network and the transport
    Admission admission;            //!< uplink admission control
    Partitioning partitioning;      //!< the label distribution of the partitions
    Faults faults;                  //!< faults
    EnergySettings energy;          //!< energy accounting, CPUs and batteries
    Outputs outputs;                //!< what the run writes
    Simulation simulation;          //!< simulated time and random streams

    /**
     * Declares coded-learning-sim's flags on the fields (which must outlive the parse), in
     * the order --PrintHelp lists them; the fields' current values are the defaults shown.
     * \param cmd the program's command line
     */
    void AddFlags(CommandLine& cmd);

    /**
     * Checks what a user can type: names, ranges, the fault times and the optimiser, with
     * messages naming the flag, the value and what is allowed. The checks that need the data
     * (batch size, the combination of scheme, workers, stragglers and partitions) and the
     * network's own ones run in CodedLearningRun::Build().
     * \throws std::invalid_argument for the first bad value
     */
    void Validate() const;

    /// \return the slow workers: compute.slowWorkers, or the last round(slowFraction n)
    std::vector<uint32_t> SlowWorkers() const;

    /// \return how long after the start the simulation stops at the latest (s)
    double TimeLimit() const;

    /// \return when the simulation stops at the latest (simulation.stopTime or the default)
    Time StopTime() const;

  private:
    /// Checks the fault settings. \throws std::invalid_argument
    void ValidateFaults() const;
    /// Checks --backhaul and --queueDisc and their combination with --network.
    /// \throws std::invalid_argument
    void ValidateBackhaul() const;
    /// Checks --modelDelivery against the network, transport and backhaul.
    /// \throws std::invalid_argument
    void ValidateModelDelivery() const;
};

} // namespace ns3

#endif // CODED_LEARNING_CODED_LEARNING_RUN_SETTINGS_H
