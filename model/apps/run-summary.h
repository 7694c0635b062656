// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_RUN_SUMMARY_H
#define CODED_LEARNING_RUN_SUMMARY_H

#include "iteration-record.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * \brief The one-row summary of a training run (summary.csv), computed from the per-iteration
 * records of the parameter server and the per-worker amounts of data used for fairness.
 *
 * Pure code (std only): feed it every IterationRecord in order with Add() and, once, the
 * per-worker amounts with SetPerWorkerData(); then read the metrics or WriteCsv().
 *
 * Definitions (times are simulated seconds):
 * - time to target: the endTime of the first iteration whose test accuracy (evaluated, not
 *   NaN) is >= the target, minus the startTime of the first iteration; iterations to target:
 *   that iteration's index + 1. Both NaN when the target is never reached.
 * - final accuracy / final training loss: the last non-NaN testAccuracy / trainLoss.
 * - mean and p95 iteration time: over Duration() of every iteration (decoded or not); p95 is
 *   Quantile(durations, 0.95).
 * - mean compute load, uplink and downlink bytes per iteration: arithmetic means over the
 *   iterations; chunks lost: the sum over the iterations.
 * - compute load done: the work the workers computed (SetComputeLoadDone(); cancelled tasks
 *   up to the cancel) per iteration; storage redundancy: the samples stored by all workers
 *   over the training set's (SetStorageRedundancy()); both NaN when not given.
 * - stragglers: Info::stragglers, or NaN when the scheme ignores it (Info::stragglersUsed).
 * - jain_admitted: Jain's index (sum x)^2 / (n sum x^2) of the per-worker amounts given to
 *   SetPerWorkerData() (1 when all are 0; NaN when none were given).
 * - sim time: the endTime of the last iteration (0 before the first one).
 * - energy (doc/energy.rst; NaN where the records carry NaN, i.e. not modelled): radio,
 *   compute and total (radio + compute) energy per iteration are means over the iterations;
 *   energy to target is the sum of the iterations' energies up to and including the one that
 *   reached the target (NaN if never); total energy the sum over all iterations;
 *   jain_energy Jain's index of the per-worker energies given to SetPerWorkerEnergy() (NaN
 *   when none were given or one is NaN); workers alive the count in the last record (NaN
 *   without one).
 */
class RunSummary
{
  public:
    /// What identifies the run (the first columns of summary.csv).
    struct Info
    {
        std::string scheme;         //!< the gradient code
        std::string network;        //!< wifi, csma, p2p or ideal
        uint32_t workers{0};        //!< n
        uint32_t stragglers{0};     //!< s, the straggler tolerance parameter
        bool stragglersUsed{true};  //!< whether the scheme uses s (else written as NaN)
        uint64_t rngRun{0};         //!< ns-3's RngRun
        double targetAccuracy{0.8}; //!< target test accuracy in [0, 1]
    };

    /**
     * \param info the identity of the run
     * \throws std::invalid_argument if info.targetAccuracy is not in [0, 1]
     */
    explicit RunSummary(const Info& info);

    /// \param record the next iteration (in the order the server ends them)
    void Add(const IterationRecord& record);

    /**
     * Sets the per-worker amounts of data whose fairness jain_admitted measures (e.g. the
     * data each worker's queue admitted, or the uplink bytes delivered from each worker).
     * \param amounts one non-negative finite value per worker (may be empty: NaN index)
     * \throws std::invalid_argument if a value is negative or not finite
     */
    void SetPerWorkerData(const std::vector<double>& amounts);

    /**
     * Sets each worker's energy over the run, whose fairness jain_energy measures.
     * \param energies one value per worker, each >= 0 or NaN (not modelled; the index is then
     *        NaN), may be empty
     * \throws std::invalid_argument if a value is negative or infinite
     */
    void SetPerWorkerEnergy(const std::vector<double>& energies);

    /**
     * Sets the work the workers computed over the run (partition-equivalents; a cancelled
     * task counts up to the cancel).
     * \param load the total, finite and >= 0
     * \throws std::invalid_argument otherwise
     */
    void SetComputeLoadDone(double load);

    /**
     * Sets the data placement's storage redundancy (stored samples over all workers / N).
     * \param redundancy finite and >= 0
     * \throws std::invalid_argument otherwise
     */
    void SetStorageRedundancy(double redundancy);

    /// \return the identity given to the constructor
    const Info& GetInfo() const;
    /// \return iterations added
    uint32_t Iterations() const;
    /// \return iterations that decoded
    uint32_t DecodedIterations() const;
    /// \return whether some evaluation reached the target accuracy
    bool ReachedTarget() const;
    /// \return simulated seconds from the first iteration's start to the target (NaN if not)
    double TimeToTarget() const;
    /// \return iterations done when the target was first reached (NaN if not)
    double IterationsToTarget() const;
    /// \return the last evaluated test accuracy (NaN if none)
    double FinalAccuracy() const;
    /// \return the last decoded training loss (NaN if none)
    double FinalTrainLoss() const;
    /// \return the mean iteration duration (NaN without iterations)
    double MeanIterationTime() const;
    /// \return the 95th percentile of the iteration durations (NaN without iterations)
    double P95IterationTime() const;
    /// \return the mean compute load per iteration (NaN without iterations)
    double MeanComputeLoad() const;

    /// \return the work done per iteration (NaN without SetComputeLoadDone() or iterations)
    double ComputeLoadDone() const;

    /// \return the storage redundancy (NaN without SetStorageRedundancy())
    double StorageRedundancy() const;
    /// \return the mean uplink bytes per iteration (NaN without iterations)
    double UplinkBytesPerIteration() const;
    /// \return the mean downlink bytes per iteration (NaN without iterations)
    double DownlinkBytesPerIteration() const;
    /// \return total uplink bytes of all iterations
    uint64_t TotalUplinkBytes() const;
    /// \return chunks lost, summed over the iterations
    uint64_t ChunksLost() const;
    /// \return Jain's index of the per-worker data (NaN if SetPerWorkerData was not called
    ///         or got no values)
    double JainAdmitted() const;
    /// \return the endTime of the last iteration (0 without iterations)
    double SimTime() const;
    /// \return the mean radio energy per iteration (J; NaN if not modelled)
    double RadioEnergyPerIteration() const;
    /// \return the mean compute energy per iteration (J; NaN if not modelled)
    double ComputeEnergyPerIteration() const;
    /// \return the mean radio + compute energy per iteration (J; NaN if not modelled)
    double EnergyPerIteration() const;
    /// \return radio + compute energy up to the target (J; NaN if not reached or not modelled)
    double EnergyToTarget() const;
    /// \return radio energy up to the target (J)
    double RadioEnergyToTarget() const;
    /// \return compute energy up to the target (J)
    double ComputeEnergyToTarget() const;
    /// \return radio + compute energy of all iterations (J)
    double TotalEnergy() const;
    /// \return Jain's index of the per-worker energies (NaN if not given or not modelled)
    double JainEnergy() const;
    /// \return the workers alive at the last iteration (NaN if not accounted)
    double WorkersAlive() const;

    /// \return the CSV header line (without newline)
    static std::string CsvHeader();
    /// \return the CSV data row (without newline); NaN is written as "nan"
    std::string CsvRow() const;
    /// Writes the header line and the data row, each followed by a newline.
    /// \param os the stream
    void WriteCsv(std::ostream& os) const;
    /**
     * Writes the CSV file.
     * \param path the file
     * \throws std::runtime_error if it cannot be written
     */
    void WriteCsvFile(const std::string& path) const;

    /**
     * The p-quantile of a sample by linear interpolation between order statistics (type 7 of
     * Hyndman and Fan, the default of R and numpy.quantile): with the values sorted
     * x_0 <= ... <= x_{m-1} and h = (m - 1) p, Q(p) = x_{floor h} + (h - floor h)
     * (x_{floor h + 1} - x_{floor h}).
     * \param values the sample (NaN if empty)
     * \param p the probability in [0, 1]
     * \return Q(p)
     * \throws std::invalid_argument if p is not in [0, 1]
     */
    static double Quantile(std::vector<double> values, double p);

  private:
    Info m_info;                     //!< identity
    std::vector<double> m_durations; //!< iteration durations
    uint32_t m_decoded{0};           //!< decoded iterations
    double m_firstStart{0};          //!< start of the first iteration
    double m_lastEnd{0};             //!< end of the last iteration
    double m_loadSum{0};             //!< total compute load
    uint64_t m_bytesUp{0};           //!< total uplink bytes
    uint64_t m_bytesDown{0};         //!< total downlink bytes
    uint64_t m_chunksLost{0};        //!< total chunks lost
    double m_finalAccuracy;          //!< last evaluated accuracy
    double m_finalLoss;              //!< last decoded loss
    double m_timeToTarget;           //!< NaN until reached
    double m_iterationsToTarget;     //!< NaN until reached
    bool m_reached{false};           //!< target reached
    double m_jain;                   //!< Jain index of the per-worker data
    double m_radioEnergy{0};         //!< radio energy of all iterations
    double m_computeEnergy{0};       //!< compute energy of all iterations
    double m_radioToTarget;          //!< radio energy up to the target
    double m_computeToTarget;        //!< compute energy up to the target
    double m_jainEnergy;             //!< Jain index of the per-worker energies
    double m_workersAlive;           //!< workers alive at the last iteration
    double m_loadDone;               //!< total work done (NaN: not given)
    double m_storage;                //!< storage redundancy (NaN: not given)
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_RUN_SUMMARY_H
