// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CODED_LEARNING_RUN_H
#define CODED_LEARNING_CODED_LEARNING_RUN_H

#include "coded-learning-run-settings.h"
#include "dataset-loader.h"

#include "ns3/admission-csv-writer.h"
#include "ns3/callback.h"
#include "ns3/coded-learning-helper.h"
#include "ns3/energy-accounting-helper.h"
#include "ns3/iteration-csv-writer.h"
#include "ns3/learning-setup.h"
#include "ns3/lyapunov-slot-scheduler.h"
#include "ns3/message-transport.h"
#include "ns3/network-scenario-helper.h"
#include "ns3/ns3-random-source.h"
#include "ns3/run-diagnosis.h"
#include "ns3/run-summary.h"

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief One distributed training run, built from a CodedLearningRunSettings: the recipe of
 * coded-learning-sim and of the applications' system tests.
 *
 * Build() wires everything before Simulator::Run(): the data and the model
 * (DatasetLoader, LearningModelFactory), the network, the applications (CodedLearningHelper)
 * with the admission scheduler, the energy accounting (EnergyAccountingHelper, unless
 * EnergySettings::enabled is false), the faults (FaultInjectionHelper), the writers of
 * iterations.csv and admission.csv, the run summary, PCAP and FlowMonitor, and the stop time.
 * Between Build() and Run() a caller may connect its own trace sinks to GetServer(),
 * GetWorkers(), GetScheduler(), GetEnergy() or the devices of GetScenario(). Run() runs the
 * simulation and writes summary.csv and energy.csv (and flowmon.xml); Print() prints the program's
 * final lines. The caller calls Simulator::Destroy() after Run() (the accessors stay valid until
 * this object goes).
 *
 *     CodedLearningRunSettings settings;      // or settings.AddFlags(cmd); cmd.Parse(...)
 *     settings.Validate();
 *     CodedLearningRun run(settings);
 *     run.Build();
 *     run.Run();
 *     Simulator::Destroy();
 *     run.Print(std::cout, std::cerr, "my-program");
 *
 * Random streams: the data, the model and the training-set order use ns-3 streams 1 and 0
 * (or Simulation::dataSeed), the applications Simulation::applicationStream on, the network
 * the streams after them (or Simulation::networkStream on).
 */
class CodedLearningRun
{
  public:
    /// \param settings the run's parameters (copied; Build() checks what needs the data)
    explicit CodedLearningRun(const CodedLearningRunSettings& settings);
    ~CodedLearningRun();

    CodedLearningRun(const CodedLearningRun&) = delete;
    CodedLearningRun& operator=(const CodedLearningRun&) = delete;

    /**
     * Creates the output folder, loads the data, makes the model, builds the network,
     * installs and starts the applications, assigns the streams, schedules the faults,
     * connects the writers and the summary and schedules the stop. Call once.
     * \throws std::invalid_argument for settings that do not fit the data or the network
     *         (batch size, scheme/workers/stragglers/partitions, network settings);
     *         std::runtime_error for data or output files
     */
    void Build();

    /**
     * Runs the simulation (Simulator::Run), then writes flowmon.xml and summary.csv and
     * records the event count and the warnings. Call once, after Build().
     */
    void Run();

    /**
     * Prints the warnings (on err) and the final lines of coded-learning-sim (on out): the
     * summary line, the simulator events and the block gradients computed and shared.
     * \param out standard output
     * \param err standard error
     * \param program the program's name that starts every line
     */
    void Print(std::ostream& out, std::ostream& err, const std::string& program) const;

    /// Exit status of a finished run.
    enum Status
    {
        OK = 0,             ///< trained (whatever it decoded, unless --requireDecoded)
        DIVERGED = 3,       ///< training diverged (a quantity was not finite)
        TOO_FEW_DECODED = 4 ///< fewer iterations decoded than --requireDecoded asks
    };

    /// \return the exit status of the run (after Run): Status
    int ExitStatus() const;

    /// \return what the run saw, for the diagnosis of iterations without a decode (after Run)
    const coded::RunFacts& GetFacts() const;

    /// \return whether training diverged (after Run)
    bool HasDiverged() const;

    /// \return the settings
    const CodedLearningRunSettings& GetSettings() const;
    /// \return the data and the model (after Build)
    Ptr<LearningSetup> GetLearningSetup() const;
    /// \return the applications' helper (after Build)
    CodedLearningHelper& GetLearningHelper();
    /// \return the parameter server (after Build)
    Ptr<ParameterServerApplication> GetServer() const;
    /// \return the workers (after Build)
    const std::vector<Ptr<WorkerApplication>>& GetWorkers() const;
    /// \return the admission scheduler, or nullptr without admission control (after Build)
    Ptr<LyapunovSlotScheduler> GetScheduler() const;
    /// \return the energy accounting, or nullptr when it is off (after Build)
    EnergyAccountingHelper* GetEnergy() const;
    /**
     * \param callback called at the end of every iteration with its whole record, the energy
     *        fields filled (the server's IterationEnd trace carries them empty), after the
     *        row of iterations.csv is written
     */
    void SetIterationCallback(Callback<void, const IterationRecord&> callback);
    /// \return the network's nodes, devices and addresses (after Build)
    const NetworkScenario& GetScenario() const;
    /// \return the network's helper (after Build)
    NetworkScenarioHelper& GetNetworkHelper();
    /// \return the run summary (complete after Run)
    const coded::RunSummary& GetSummary() const;
    /// \return the simulator events executed (after Run)
    uint64_t GetEventCount() const;
    /// \return the warnings Run() found (network not ready at the start, iterations missing)
    const std::vector<std::string>& GetWarnings() const;

  private:
    /// Creates the random sources of the data, the model and the training-set order.
    void CreateRandomSources();
    /// Loads the data, makes the model and checks the code against them.
    void BuildLearning();
    /**
     * Orders the training set for the label distribution of Settings::partitioning (nothing
     * for "iid") and writes partitions.csv.
     * \param sets the data sets \param rng the training-set order's source
     */
    void ApplyPartitioning(DatasetLoader::Sets& sets, coded::RandomSource& rng);
    /// Writes partitions.csv. \param counts the K x C label counts of the partitions
    void WritePartitions(const std::vector<std::vector<uint32_t>>& counts) const;
    /// Builds the network of the settings (NetworkScenarioFactory).
    void BuildNetwork();
    /// Creates the admission scheduler of Settings::admission (nullptr for "none").
    void BuildAdmission();
    /// Configures and installs the applications, starts them and assigns the streams.
    void InstallApplications();
    /// Installs the energy accounting of Settings::energy (when enabled) and opens its first
    /// window at the applications' start.
    void BuildEnergy();
    /// With --cpuTime=cycles, sets each worker's UnitTime from its CPU.
    /// \param numSamples training samples
    void SetCpuUnitTimes(uint32_t numSamples);
    /// Schedules the faults of Settings::faults.
    void ScheduleFaults();
    /// Connects the writers and the summary; enables PCAP and FlowMonitor.
    void ConnectOutputs();
    /// Checks the combination of scheme, workers, stragglers and partitions on a throw-away
    /// code. \param numSamples training samples \throws std::invalid_argument
    void CheckCode(uint32_t numSamples) const;
    /// \return the path of a file in the output folder \param name its name
    std::string OutputPath(const std::string& name) const;
    /// Records what Run() found for Print(): a network not ready in time, iterations missing.
    void CollectWarnings();

    /// IterationEnd sink: adds the iteration's energy, writes its row, feeds the summary,
    /// stops after the last iteration if asked. \param ended the server's record
    void OnIterationEnd(const IterationRecord& ended);
    /// Deliver sink of the server's transport: counts the payload bytes of whole RESULT
    /// messages per worker. \param peer the worker \param info the message \param payloadBytes
    /// its payload bytes
    void OnServerDeliver(uint32_t peer, const MessageInfo& info, uint32_t payloadBytes);
    /// Admitted sink of the scheduler: counts the data admitted per worker. \param queue the
    /// worker \param offered the data offered \param admitted the data admitted
    void OnAdmitted(uint32_t queue, double offered, double admitted);
    /// Diverged sink of the server: records the message and stops the simulation.
    /// \param iteration the iteration \param quantity what was not finite
    void OnDiverged(uint32_t iteration, const std::string& quantity);
    /// NotFiniteResult sink of the workers: the server ends training as diverged.
    /// \param context the worker's index \param iteration the task's iteration \param task
    /// its id
    void OnWorkerNotFinite(std::string context, uint32_t iteration, uint32_t task);
    /// Fills m_facts from the applications and the network after the simulation.
    void CollectFacts();
    /// \return the fraction of --iterations that decoded
    double DecodedFraction() const;

    CodedLearningRunSettings m_settings;                        //!< the parameters
    Ptr<Ns3RandomSource> m_orderRng;                            //!< training-set order (stream 0)
    Ptr<Ns3RandomSource> m_dataRng;                             //!< data and model (stream 1)
    std::unique_ptr<coded::RandomSource> m_seededRng;           //!< the same with a fixed seed
    Ptr<LearningSetup> m_setup;                                 //!< data and model
    std::unique_ptr<NetworkScenarioHelper> m_network;           //!< the network's helper
    NetworkScenario m_scenario;                                 //!< the network
    Ptr<LyapunovSlotScheduler> m_scheduler;                     //!< admission (optional)
    CodedLearningHelper m_learning;                             //!< the applications
    std::unique_ptr<IterationCsvWriter> m_iterationCsv;         //!< iterations.csv
    std::unique_ptr<AdmissionCsvWriter> m_admissionCsv;         //!< admission.csv
    std::unique_ptr<EnergyAccountingHelper> m_energy;           //!< energy accounting (optional)
    Callback<void, const IterationRecord&> m_iterationCallback; //!< SetIterationCallback
    std::unique_ptr<coded::RunSummary> m_summary;               //!< summary.csv
    std::vector<double> m_perWorkerData;                        //!< admitted or RESULT bytes
    std::vector<std::string> m_warnings;                        //!< what Run() found
    coded::RunFacts m_facts;                                    //!< for the diagnosis
    std::string m_divergence;                                   //!< divergence message
    uint64_t m_events{0};                                       //!< simulator events executed
    bool m_built{false};                                        //!< whether Build() ran
};

} // namespace ns3

#endif // CODED_LEARNING_CODED_LEARNING_RUN_H
