// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_GRADIENT_CODE_H
#define CODED_LEARNING_GRADIENT_CODE_H

#include "coding-round.h"
#include "completion-history.h"
#include "data-placement.h"

#include "ns3/data-partitioner.h"
#include "ns3/random-source.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Parameters of every gradient code (each scheme reads the ones it needs). Defaults follow
 * algorithms.md c.2; all of them are ours (the paper's values are not public).
 */
struct CodingParameters
{
    uint32_t numWorkers{10}; //!< n

    // Classic schemes.
    uint32_t stragglers{
        2}; //!< s: ignore-stragglers, fractional/cyclic repetition, approximate, partial
    uint32_t kSyncResults{0};  //!< k-sync: results waited for; 0 = n - s
    bool kSyncReshuffle{true}; //!< k-sync: draw a new block-to-worker assignment every iteration
    uint32_t approxDegree{2};  //!< approximate: d, blocks per worker (random d-regular code)
    std::string approxDecoder{
        "optimal"}; //!< approximate: "optimal" (least squares) or "fixed" (n/(n-s))
    uint32_t partialPrivateUnits{1}; //!< partial: private units per worker (P - s - 1 in b.1)

    // Numerics.
    double decodeTolerance{
        1e-6}; //!< residual check: ||B_F^T a - 1||_inf <= tol * max(1, ||B||_max)
    double maxCodeCoefficient{1e5}; //!< cyclic construction: redraw H while max |B_ij| exceeds this
    uint32_t maxCodeAttempts{32};   //!< cyclic construction: draws of H before giving up

    // Data placement (DataPlacement).
    /// Raw-sample transfer: a task may use rows its worker does not store; their raw samples
    /// are sent with the task (k-sync with reshuffling, two-stage). Off: such work is not
    /// assigned (k-sync with reshuffling then needs every partition on every worker).
    bool rawSampleTransfer{false};

    // Two-stage scheme (algorithms.md c.3; doc/coding.rst explains each rule).
    uint32_t replication{3}; //!< r: worker i stores code blocks i..i+r-1 (mod n); 0 or >= n: all
    std::string stageOneSize{"adaptive"}; //!< "adaptive" (network model) or "fixed" (n1)
    double stageOneFraction{1.0}; //!< fixed: n1 = ceil(fraction * n) when stageOneWorkers == 0
    uint32_t stageOneWorkers{0};  //!< fixed: n1; 0 = from stageOneFraction
    uint32_t stageTwoTrigger{0};  //!< c: stage 2 also at the c-th stage-1 result; 0 = off
    bool stageOneDeadline{true};  //!< stage 2 for a stage-1 worker late past its deadline
    std::string deadlineRule{"predicted"}; //!< "predicted" (per worker) or "quantile"
    double deadlineQuantile{0.95};  //!< quantile rule: of past iterations' last stage-1 finish
    double deadlineDeviations{4.0}; //!< predicted rule: mean deviations of margin
    double deadlineSlack{0.1};      //!< predicted rule: smallest margin, fraction of the prediction
    double excludeSlowerThan{3.0};  //!< leave out workers this many times slower than the median
    uint32_t probeInterval{10};     //!< put left-out workers back every this many iterations
    uint32_t stageTwoTolerance{2};  //!< s2 per re-planned piece (min(s2, m - 1) is used)
    std::string stageTwoPool{"idle-and-finished"}; //!< "idle-and-finished" or "idle"
    std::string stageOneSelection{"fastest"};      //!< "fastest" (by history) or "random"
    std::string stageOneLoad{"proportional"};      //!< "proportional" (to speed) or "equal"
};

/**
 * \ingroup coded-learning
 * A straggler-tolerant gradient code (scheme). It splits the data set (K partitions of a
 * DataPartitioner) among n workers iteration by iteration and decodes their results.
 *
 * StartRound() returns a CodingRound: the plan of the iteration (blocks and tasks per worker)
 * and its decoder. Random draws (code matrices, tie breaks, reshuffles) come from the injected
 * RandomSource, which must outlive the code; the same seed gives the same plans.
 *
 * The classic schemes (uncoded, ignore-stragglers, k-sync, fractional and cyclic repetition,
 * approximate) work on n code blocks: block j is the j-th of n groups of consecutive
 * partitions (sizes differ by at most one partition), so they need K >= n; with the default
 * K = n, block j is partition j. Make a code by name with GradientCodeFactory.
 */
class GradientCode
{
  public:
    virtual ~GradientCode() = default;

    GradientCode(const GradientCode&) = delete;
    GradientCode& operator=(const GradientCode&) = delete;

    /// \return the factory name ("uncoded", "cyclic-repetition", ...)
    virtual std::string Name() const = 0;

    /// \return whether a decode recovers the full gradient exactly (not an estimate)
    virtual bool IsExact() const = 0;

    /// \return how many workers may be missing at decode time (in the scheme's own sense)
    virtual uint32_t StragglerTolerance() const = 0;

    /**
     * \param iteration r
     * \param history what is known about the workers' speeds (read by the two-stage scheme;
     *        must have n workers)
     * \return the round: plan and decoder of iteration r
     */
    virtual std::unique_ptr<CodingRound> StartRound(uint32_t iteration,
                                                    const CompletionHistory& history) = 0;

    /// \return n
    uint32_t NumWorkers() const
    {
        return m_params.numWorkers;
    }

    /// \return K
    uint32_t NumPartitions() const
    {
        return m_partitioner.NumPartitions();
    }

    /// \return the partitioner
    const DataPartitioner& Partitioner() const
    {
        return m_partitioner;
    }

    /// \return the parameters
    const CodingParameters& Parameters() const
    {
        return m_params;
    }

    /**
     * \param j a code block, < n
     * \return its partitions (consecutive), for the classic schemes
     */
    std::vector<uint32_t> CodeBlockPartitions(uint32_t j) const;

    /**
     * \param j a code block, < n
     * \return its rows
     */
    RowSet CodeBlockRows(uint32_t j) const;

    /**
     * \return the data placement: which rows each worker stores, fixed when the code is made
     *         (before training); every task of every round uses stored rows only, or, with
     *         raw-sample transfer, names the others in CodingTask::transfer
     */
    const DataPlacement& Placement() const
    {
        return *m_placement;
    }

    /// \return the data placement, shared (for the workers' checks)
    std::shared_ptr<const DataPlacement> SharedPlacement() const
    {
        return m_placement;
    }

  protected:
    /**
     * \param name the scheme name for error messages
     * \param params the parameters (numWorkers >= 1, decodeTolerance > 0 are checked here)
     * \param partitioner the data partitions
     * \param rng the source of random draws (must outlive the code)
     */
    GradientCode(const std::string& name,
                 const CodingParameters& params,
                 const DataPartitioner& partitioner,
                 RandomSource& rng);

    /// Throws std::invalid_argument unless K >= n (the classic schemes' code blocks).
    void RequireCodeBlocks() const;

    /// Throws std::invalid_argument unless the history has n workers. \param history it
    void CheckHistory(const CompletionHistory& history) const;

    /**
     * \param iteration r
     * \param allowTransfer whether tasks may use rows their worker does not store (their raw
     *        samples are then sent with the task)
     * \return an empty plan that checks every task against the placement
     */
    IterationPlan NewPlan(uint32_t iteration, bool allowTransfer = false) const;

    /**
     * \param iteration r
     * \param allowTransfer as for NewPlan()
     * \return a plan holding the n code blocks as blocks 0..n-1
     */
    IterationPlan PlanWithCodeBlocks(uint32_t iteration, bool allowTransfer = false) const;

    /// Sets the data placement (each scheme's constructor does). \param placement it
    void SetPlacement(DataPlacement placement);

    /**
     * \param blocksOfWorker the code blocks each worker stores (n lists)
     * \return the placement storing those blocks' rows
     */
    DataPlacement CodeBlockPlacement(
        const std::vector<std::vector<uint32_t>>& blocksOfWorker) const;

    /// \return the injected source of random draws
    RandomSource& Rng() const
    {
        return m_rng;
    }

    /// \return the scheme name given to the constructor
    const std::string& SchemeName() const
    {
        return m_name;
    }

  private:
    std::string m_name;                               //!< scheme name for messages
    CodingParameters m_params;                        //!< parameters
    DataPartitioner m_partitioner;                    //!< K partitions of the data set
    RandomSource& m_rng;                              //!< random draws
    std::shared_ptr<const DataPlacement> m_placement; //!< which rows each worker stores
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_GRADIENT_CODE_H
