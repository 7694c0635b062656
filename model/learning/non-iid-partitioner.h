// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_NON_IID_PARTITIONER_H
#define CODED_LEARNING_NON_IID_PARTITIONER_H

#include "random-source.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Orders a training set so that the contiguous partitions of DataPartitioner(N, K) hold a
 * chosen label distribution (non-IID data), without changing the partition sizes the codes
 * rely on (sizes m_j differ by at most one).
 *
 * Kinds (Config::kind):
 *  - IID: the order is kept (shuffle the set first for random partitions);
 *  - SORTED: stable sort by label, so partition j holds the labels of rows
 *    [begin_j, end_j) of the sorted set (with K = C balanced classes: one class each);
 *  - LABEL_SKEW (k classes per partition): the classes are relabelled by a random
 *    permutation pi; partition j holds the classes pi((j k + t) mod C), t = 0..k-1, with
 *    quotas m_j / k each (the first m_j mod k of them one more). When every class has
 *    exactly the samples its quotas ask for (e.g. balanced classes and C | K k), every
 *    partition holds exactly k classes with exactly these counts; otherwise a partition
 *    short of samples of its classes takes the rest first from its other classes, then from
 *    the classes with most samples left (the "spill", counted by Plan::spilled);
 *  - DIRICHLET (alpha): every partition draws label proportions p_j ~ Dir(alpha 1_C)
 *    (Gamma draws, Marsaglia-Tsang); the matrix (m_j p_jc) is fitted to the partition
 *    sizes and the class counts by iterative proportional fitting (both margins must hold
 *    exactly: every sample is used once and the partition sizes are fixed), then rounded to
 *    integers with both margins exact. Small alpha: few classes per partition; large alpha:
 *    close to IID. This is the balanced variant of the Dirichlet split of Hsu et al. (2019),
 *    whose per-class draws give unequal partition sizes.
 * Within a partition, rows keep their relative order from the input (shuffled data stays
 * shuffled).
 */
class NonIidPartitioner
{
  public:
    /// The label distribution across partitions.
    enum class Kind
    {
        IID,        ///< keep the order
        SORTED,     ///< sort by label
        LABEL_SKEW, ///< k classes per partition
        DIRICHLET   ///< proportions from Dir(alpha)
    };

    /// The parameters.
    struct Config
    {
        Kind kind{Kind::IID};             //!< the distribution
        uint32_t classesPerPartition{2};  //!< k of LABEL_SKEW, 1..C
        double alpha{0.5};                //!< concentration of DIRICHLET, > 0
        uint32_t fittingIterations{1000}; //!< IPF sweeps of DIRICHLET at most
    };

    /// The result of Make().
    struct Plan
    {
        std::vector<uint32_t> order;                  //!< row i of the result = row order[i]
        std::vector<std::vector<uint32_t>> counts;    //!< K x C label counts of the partitions
        std::vector<std::vector<double>> proportions; //!< DIRICHLET: the K drawn p_j (else empty)
        uint64_t spilled{0}; //!< LABEL_SKEW: samples placed outside their partition's classes
    };

    /**
     * \param name "iid", "sorted", "label-skew" or "dirichlet"
     * \return the kind
     * \throws std::invalid_argument naming the value and the allowed names
     */
    static Kind ParseKind(const std::string& name);

    /// \param kind a kind \return its name, as ParseKind() reads it
    static std::string KindName(Kind kind);

    /// \return the names ParseKind() accepts
    static std::vector<std::string> KindNames();

    /**
     * \param config the parameters
     * \param numPartitions K >= 1
     * \throws std::invalid_argument for K = 0, alpha <= 0 (or not finite), k = 0 or no
     *         fitting iterations
     */
    NonIidPartitioner(const Config& config, uint32_t numPartitions);

    /**
     * \param labels the labels of the N samples in their current order (N >= K)
     * \param numClasses C; every label < C
     * \param rng the source of the random draws (class permutation, Dirichlet)
     * \return the order and the label counts of the partitions it gives
     * \throws std::invalid_argument for N < K, a label >= C, or k > C
     */
    Plan Make(const std::vector<uint32_t>& labels, uint32_t numClasses, RandomSource& rng) const;

    /**
     * \param labels labels of a data set already in partition order
     * \param numClasses C
     * \param numPartitions K (<= labels.size())
     * \return the K x C label counts of DataPartitioner(N, K)'s partitions
     */
    static std::vector<std::vector<uint32_t>> Histograms(const std::vector<uint32_t>& labels,
                                                         uint32_t numClasses,
                                                         uint32_t numPartitions);

    /**
     * \param shape the shape k > 0
     * \param rng the source
     * \return a Gamma(k, 1) draw (Marsaglia-Tsang; k < 1 through k + 1 and U^(1/k))
     */
    static double Gamma(double shape, RandomSource& rng);

    /**
     * \param alpha the concentration of every component, > 0
     * \param dim the dimension >= 1
     * \param rng the source
     * \return a draw from Dir(alpha 1_dim) (normalised Gamma draws; sums to 1)
     */
    static std::vector<double> Dirichlet(double alpha, uint32_t dim, RandomSource& rng);

  private:
    /// \param labels the labels \param numClasses C \return the rows of each class, in order
    static std::vector<std::vector<uint32_t>> Pools(const std::vector<uint32_t>& labels,
                                                    uint32_t numClasses);
    /// \param plan the plan to fill (counts, spilled) \param labels the labels \param c C
    /// \param rng the source
    void LabelSkewCounts(Plan& plan,
                         const std::vector<uint32_t>& labels,
                         uint32_t c,
                         RandomSource& rng) const;
    /// \param plan the plan to fill (counts, proportions) \param labels the labels \param c C
    /// \param rng the source
    void DirichletCounts(Plan& plan,
                         const std::vector<uint32_t>& labels,
                         uint32_t c,
                         RandomSource& rng) const;

    Config m_config;          //!< parameters
    uint32_t m_numPartitions; //!< K
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_NON_IID_PARTITIONER_H
