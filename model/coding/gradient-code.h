// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_GRADIENT_CODE_H
#define CODED_LEARNING_GRADIENT_CODE_H

#include "coding-round.h"
#include "completion-history.h"

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

    // Two-stage scheme (algorithms.md c.3).
    double stageOneFraction{0.6};  //!< n1 = ceil(fraction * n) when stageOneWorkers == 0
    uint32_t stageOneWorkers{0};   //!< n1; 0 = from stageOneFraction
    uint32_t stageTwoTrigger{0};   //!< c; 0 = min(ceil(n1 / 2) + 1, max(n1 - 1, 1))
    bool stageOneDeadline{true};   //!< use tau1 (else stage 2 starts only after c results)
    double deadlineQuantile{0.5};  //!< tau1 = this quantile of past stage-1 finish times
    uint32_t stageTwoTolerance{2}; //!< s2 (min(s2, m - 1) is used)
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
     * \return a plan holding the n code blocks as blocks 0..n-1
     */
    IterationPlan PlanWithCodeBlocks(uint32_t iteration) const;

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
    std::string m_name;            //!< scheme name for messages
    CodingParameters m_params;     //!< parameters
    DataPartitioner m_partitioner; //!< K partitions of the data set
    RandomSource& m_rng;           //!< random draws
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_GRADIENT_CODE_H
