// SPDX-License-Identifier: GPL-2.0-only
#include "least-squares-decoder.h"

#include <Eigen/QR>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

LeastSquaresDecoder::LeastSquaresDecoder(std::vector<uint32_t> taskIds,
                                         std::shared_ptr<const Eigen::MatrixXd> code,
                                         uint32_t threshold,
                                         Mode mode,
                                         double tolerance)
    : CodeMatrixDecoder("LeastSquaresDecoder", std::move(taskIds), std::move(code)),
      m_mode(mode)
{
    if (!Code().allFinite())
    {
        throw std::invalid_argument("LeastSquaresDecoder: the code matrix has non-finite entries");
    }
    SetMinResults("threshold", threshold);
    if (!(tolerance > 0.0) || !std::isfinite(tolerance))
    {
        throw std::invalid_argument("LeastSquaresDecoder: tolerance = " +
                                    std::to_string(tolerance) + ", must be finite and > 0");
    }
    IndexTasks(tolerance);
}

void
LeastSquaresDecoder::Solve(const Eigen::MatrixXd& rows,
                           Eigen::VectorXd& a,
                           Eigen::VectorXd& residual,
                           double rankThreshold)
{
    const Eigen::MatrixXd m = rows.transpose();
    const Eigen::VectorXd ones = Eigen::VectorXd::Ones(m.rows());
    if (rankThreshold > 0.0)
    {
        Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod;
        cod.setThreshold(rankThreshold);
        cod.compute(m);
        a = cod.solve(ones);
    }
    else
    {
        a = m.colPivHouseholderQr().solve(ones);
    }
    residual = m * a - ones;
}

void
LeastSquaresDecoder::Decode()
{
    const std::vector<uint32_t>& received = Received();
    const auto f = static_cast<Eigen::Index>(received.size());
    Eigen::MatrixXd rows(f, Code().cols());
    for (Eigen::Index j = 0; j < f; ++j)
    {
        rows.row(j) = Code().row(received[j]);
    }
    Eigen::VectorXd a;
    Eigen::VectorXd r;
    Solve(rows, a, r, m_mode == Mode::BEST_EFFORT ? BEST_EFFORT_RANK_THRESHOLD : -1.0);
    ++m_solves;
    const double maxResidual =
        a.allFinite() ? r.cwiseAbs().maxCoeff() : std::numeric_limits<double>::infinity();
    const bool passed = maxResidual <= Tolerance();
    if (!passed && m_mode == Mode::EXACT && !AllReceived())
    {
        return; // wait for one more row
    }
    if (!a.allFinite())
    {
        a.setZero(); // never hand out NaN coefficients; the residual says how bad this is
        r = -Eigen::VectorXd::Ones(Code().cols());
    }
    Freeze(std::vector<double>(a.data(), a.data() + a.size()), r, passed);
}

std::string
LeastSquaresDecoder::Progress() const
{
    return std::to_string(Received().size()) + " rows received (threshold " +
           std::to_string(MinResults()) + ")";
}

} // namespace coded
} // namespace ns3
