// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ALL_OF_DECODER_H
#define CODED_LEARNING_ALL_OF_DECODER_H

#include "gradient-decoder.h"

#include <memory>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Composite for a gradient made of independent parts over disjoint data (e.g. the private
 * and the coded shared part of the partial-straggler scheme): decodable when every part is;
 * the result concatenates the parts' coefficients, is exact when every part is, and its
 * residual is the 2-norm (inf-norm) over all parts.
 */
class AllOfDecoder : public GradientDecoder
{
  public:
    /// \param parts the parts (non-empty, none null); they must use disjoint task ids
    explicit AllOfDecoder(std::vector<std::unique_ptr<GradientDecoder>> parts);

    bool OnResult(uint32_t taskId) override;
    bool IsDecodable() const override;
    const DecodeResult& Result() const override;
    uint32_t MinResults() const override;

  private:
    std::vector<std::unique_ptr<GradientDecoder>> m_parts; //!< the parts
    bool m_decodable{false};                               //!< frozen
    DecodeResult m_result;                                 //!< frozen result
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_ALL_OF_DECODER_H
