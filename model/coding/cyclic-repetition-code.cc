// SPDX-License-Identifier: GPL-2.0-only
#include "cyclic-repetition-code.h"

#include "least-squares-decoder.h"

#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

CyclicRepetitionCode::Matrices
CyclicRepetitionCode::Construct(uint32_t n,
                                uint32_t s,
                                RandomSource& rng,
                                double maxCoefficient,
                                uint32_t maxAttempts)
{
    if (n < 1 || n > MAX_WORKERS)
    {
        throw std::invalid_argument("cyclic-repetition: n = " + std::to_string(n) +
                                    ", must be in [1, " + std::to_string(MAX_WORKERS) +
                                    "] (the Gaussian construction is untested above)");
    }
    if (s >= n)
    {
        throw std::invalid_argument("cyclic-repetition: s = " + std::to_string(s) +
                                    ", must be < n = " + std::to_string(n));
    }
    if (!(maxCoefficient > 1.0))
    {
        throw std::invalid_argument("cyclic-repetition: maxCodeCoefficient = " +
                                    std::to_string(maxCoefficient) + ", must be > 1");
    }
    if (maxAttempts < 1)
    {
        throw std::invalid_argument("cyclic-repetition: maxCodeAttempts = 0, must be >= 1");
    }
    Matrices out;
    if (s == 0)
    {
        out.b = Eigen::MatrixXd::Identity(n, n);
        out.h = Eigen::MatrixXd::Zero(0, n);
        out.attempts = 0;
        return out;
    }
    double worst = 0.0;
    for (uint32_t attempt = 1; attempt <= maxAttempts; ++attempt)
    {
        Eigen::MatrixXd h(s, n);
        for (uint32_t r = 0; r < s; ++r)
        {
            double sum = 0.0;
            for (uint32_t c = 0; c + 1 < n; ++c)
            {
                h(r, c) = rng.Normal();
                sum += h(r, c);
            }
            h(r, n - 1) = -sum;
        }
        Eigen::MatrixXd b = Eigen::MatrixXd::Zero(n, n);
        bool ok = true;
        Eigen::MatrixXd a(s, s);
        for (uint32_t i = 0; i < n && ok; ++i)
        {
            for (uint32_t k = 0; k < s; ++k)
            {
                a.col(k) = h.col((i + 1 + k) % n);
            }
            Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(a);
            if (qr.rank() < static_cast<Eigen::Index>(s))
            {
                ok = false;
                break;
            }
            const Eigen::VectorXd x = qr.solve(-h.col(i));
            b(i, i) = 1.0;
            for (uint32_t k = 0; k < s; ++k)
            {
                b(i, (i + 1 + k) % n) = x(k);
            }
        }
        const double largest =
            ok && b.allFinite() ? b.cwiseAbs().maxCoeff() : std::numeric_limits<double>::infinity();
        worst = std::max(worst, largest);
        if (largest <= maxCoefficient)
        {
            out.b = std::move(b);
            out.h = std::move(h);
            out.attempts = attempt;
            return out;
        }
    }
    std::ostringstream msg;
    msg << "cyclic-repetition: no well-conditioned code for n = " << n << ", s = " << s << " in "
        << maxAttempts << " draws (max |B_ij| > maxCodeCoefficient = " << maxCoefficient
        << "); raise maxCodeCoefficient or maxCodeAttempts";
    throw std::runtime_error(msg.str());
}

CyclicRepetitionCode::CyclicRepetitionCode(const CodingParameters& params,
                                           const DataPartitioner& partitioner,
                                           RandomSource& rng)
    : MatrixCode("cyclic-repetition", params, partitioner, rng)
{
    Matrices m = Construct(params.numWorkers,
                           params.stragglers,
                           rng,
                           params.maxCodeCoefficient,
                           params.maxCodeAttempts);
    RequireCodeBlocks();
    // Worker i sums its blocks i, i+1, ..., i+s (mod n) in this order.
    const uint32_t n = params.numWorkers;
    const uint32_t s = params.stragglers;
    std::vector<std::vector<CodedTerm>> terms(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        terms[i].reserve(s + 1);
        for (uint32_t k = 0; k <= s; ++k)
        {
            const uint32_t j = (i + k) % n;
            terms[i].push_back(CodedTerm{j, m.b(i, j)});
        }
    }
    SetCode(std::move(m.b), std::move(terms));
    m_h = std::move(m.h);
}

std::string
CyclicRepetitionCode::Name() const
{
    return "cyclic-repetition";
}

bool
CyclicRepetitionCode::IsExact() const
{
    return true;
}

std::unique_ptr<GradientDecoder>
CyclicRepetitionCode::MakeDecoder(std::vector<uint32_t> tasks, uint32_t needed) const
{
    return std::make_unique<LeastSquaresDecoder>(std::move(tasks),
                                                 SharedMatrix(),
                                                 needed,
                                                 LeastSquaresDecoder::Mode::EXACT,
                                                 Parameters().decodeTolerance);
}

} // namespace coded
} // namespace ns3
