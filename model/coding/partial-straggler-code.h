// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_PARTIAL_STRAGGLER_CODE_H
#define CODED_LEARNING_PARTIAL_STRAGGLER_CODE_H

#include "gradient-code.h"

#include <Eigen/Core>
#include <memory>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Partial-straggler gradient code ("partial"; the variant in Tandon et al.'s code
 * src/partial_coded.py, algorithms.md b.1). With p = partialPrivateUnits, the data set is
 * cut into (p+1) n equal units at sample granularity (K plays no role except as the unit of
 * load): worker i owns p private units (one block, sent uncoded as its first message) and
 * the n remaining units are shared blocks, cyclic-coded with tolerance s (B from
 * CyclicRepetitionCode::Construct, worker i covers shared blocks i..i+s mod n; second
 * message). In b.1's terms a worker holds P = p + s + 1 units.
 *
 * Decode (exact): all n private messages (sum, coefficient 1) AND any n - s coded messages
 * (least squares, residual check). Load (p + s + 1) units per worker, i.e.
 * K (p + s + 1) / (p + 1) partition-equivalents in total. Stragglers may be up to
 * (p + s + 1)/p times slower and still finish their private part (b.1).
 * Parameters: numWorkers, stragglers s (default 2), partialPrivateUnits p >= 0 (default 1,
 * ours; p = 0 is plain cyclic repetition on sample-level blocks), maxCodeCoefficient,
 * maxCodeAttempts, decodeTolerance. Needs N >= (p+1) n samples.
 */
class PartialStragglerCode : public GradientCode
{
  public:
    /**
     * \param params parameters (see the class description)
     * \param partitioner the data set's partitions (N and K are used)
     * \param rng source of the Gaussian draws of the cyclic code (drawn once, here)
     */
    PartialStragglerCode(const CodingParameters& params,
                         const DataPartitioner& partitioner,
                         RandomSource& rng);

    std::string Name() const override;
    bool IsExact() const override;
    uint32_t StragglerTolerance() const override;
    std::unique_ptr<CodingRound> StartRound(uint32_t iteration,
                                            const CompletionHistory& history) override;

    /// \return B of the shared part
    const Eigen::MatrixXd& Matrix() const
    {
        return *m_b;
    }

  private:
    std::shared_ptr<const Eigen::MatrixXd> m_b; //!< cyclic code over the shared blocks
    std::vector<RowSet> m_private;              //!< private block of each worker
    std::vector<RowSet> m_shared;               //!< shared blocks
    std::vector<double> m_privateLoad;          //!< loads (partition-equivalents)
    std::vector<double> m_sharedLoad;           //!< loads (partition-equivalents)
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_PARTIAL_STRAGGLER_CODE_H
