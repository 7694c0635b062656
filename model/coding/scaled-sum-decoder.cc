// SPDX-License-Identifier: GPL-2.0-only
#include "scaled-sum-decoder.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

ScaledSumDecoder::ScaledSumDecoder(std::vector<uint32_t> taskIds,
                                   std::shared_ptr<const Eigen::MatrixXd> code,
                                   uint32_t count,
                                   double weight,
                                   double tolerance)
    : CodeMatrixDecoder("ScaledSumDecoder", std::move(taskIds), std::move(code)),
      m_weight(weight)
{
    SetMinResults("count", count);
    if (!std::isfinite(weight))
    {
        throw std::invalid_argument("ScaledSumDecoder: weight is not finite");
    }
    if (!(tolerance > 0.0))
    {
        throw std::invalid_argument("ScaledSumDecoder: tolerance = " + std::to_string(tolerance) +
                                    ", must be > 0");
    }
    IndexTasks(tolerance);
}

void
ScaledSumDecoder::Decode()
{
    Eigen::VectorXd r = -Eigen::VectorXd::Ones(Code().cols());
    for (uint32_t i : Received())
    {
        r.noalias() += m_weight * Code().row(i).transpose();
    }
    const double maxResidual = r.cwiseAbs().maxCoeff();
    Freeze(std::vector<double>(Received().size(), m_weight), r, maxResidual <= Tolerance());
}

std::string
ScaledSumDecoder::Progress() const
{
    return std::to_string(Received().size()) + " of the " + std::to_string(MinResults()) +
           " results needed have arrived";
}

} // namespace coded
} // namespace ns3
