// SPDX-License-Identifier: GPL-2.0-only
#include "approximate-code.h"

#include "least-squares-decoder.h"

#include <stdexcept>
#include <string>
#include <utility>

namespace ns3
{
namespace coded
{

namespace
{

/**
 * Adds one perfect matching that avoids the edges already in a.
 * \param a the adjacency so far (modified)
 * \param rng random draws
 * \return false if no matching was found within the budget
 */
bool
AddMatching(Eigen::MatrixXd& a, RandomSource& rng)
{
    const auto n = static_cast<uint32_t>(a.rows());
    for (uint32_t restart = 0; restart < 100; ++restart)
    {
        std::vector<uint32_t> perm = rng.Permutation(n);
        for (uint32_t sweep = 0; sweep < 50; ++sweep)
        {
            bool clean = true;
            for (uint32_t i = 0; i < n; ++i)
            {
                if (a(i, perm[i]) == 0.0)
                {
                    continue;
                }
                clean = false;
                // Swap with a random row so that both rows avoid existing edges.
                for (uint32_t tries = 0; tries < 4 * n; ++tries)
                {
                    const uint32_t j = rng.UniformInt(n);
                    if (a(i, perm[j]) == 0.0 && a(j, perm[i]) == 0.0)
                    {
                        std::swap(perm[i], perm[j]);
                        break;
                    }
                }
            }
            if (clean)
            {
                for (uint32_t i = 0; i < n; ++i)
                {
                    a(i, perm[i]) = 1.0;
                }
                return true;
            }
        }
    }
    return false;
}

} // namespace

Eigen::MatrixXd
ApproximateCode::RandomRegular(uint32_t n, uint32_t d, RandomSource& rng)
{
    if (n < 1)
    {
        throw std::invalid_argument("approximate: n = 0, must be >= 1");
    }
    if (d < 1 || d > n)
    {
        throw std::invalid_argument("approximate: approxDegree d = " + std::to_string(d) +
                                    ", must be in [1, n = " + std::to_string(n) + "]");
    }
    if (2 * d > n)
    {
        // The complement of an (n-d)-regular bipartite graph is d-regular.
        Eigen::MatrixXd c = d == n ? Eigen::MatrixXd::Zero(n, n) : RandomRegular(n, n - d, rng);
        return Eigen::MatrixXd::Ones(n, n) - c;
    }
    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n, n);
    for (uint32_t layer = 0; layer < d; ++layer)
    {
        if (!AddMatching(a, rng))
        {
            throw std::runtime_error("approximate: could not draw a " + std::to_string(d) +
                                     "-regular bipartite graph on n = " + std::to_string(n) +
                                     " vertices");
        }
    }
    return a;
}

ApproximateCode::ApproximateCode(const CodingParameters& params,
                                 const DataPartitioner& partitioner,
                                 RandomSource& rng)
    : MatrixCode("approximate", params, partitioner, rng)
{
    RequireFewerStragglersThanWorkers();
    if (params.approxDecoder == "optimal")
    {
        m_optimal = true;
    }
    else if (params.approxDecoder == "fixed")
    {
        m_optimal = false;
    }
    else
    {
        throw std::invalid_argument("approximate: approxDecoder = \"" + params.approxDecoder +
                                    "\", allowed: \"optimal\", \"fixed\"");
    }
    RequireCodeBlocks();
    Eigen::MatrixXd b = RandomRegular(params.numWorkers, params.approxDegree, rng) /
                        static_cast<double>(params.approxDegree);
    std::vector<std::vector<CodedTerm>> terms = NonZeroTerms(b);
    SetCode(std::move(b), std::move(terms));
}

std::string
ApproximateCode::Name() const
{
    return "approximate";
}

bool
ApproximateCode::IsExact() const
{
    return false;
}

std::unique_ptr<GradientDecoder>
ApproximateCode::MakeDecoder(std::vector<uint32_t> tasks, uint32_t needed) const
{
    if (m_optimal)
    {
        return std::make_unique<LeastSquaresDecoder>(std::move(tasks),
                                                     SharedMatrix(),
                                                     needed,
                                                     LeastSquaresDecoder::Mode::BEST_EFFORT,
                                                     Parameters().decodeTolerance);
    }
    return MakeScaledSumDecoder(std::move(tasks), needed);
}

} // namespace coded
} // namespace ns3
