// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_GROUP_DECODER_H
#define CODED_LEARNING_GROUP_DECODER_H

#include "gradient-decoder.h"

#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Exact decoder for codes whose tasks come in groups of identical copies: the gradient is
 * the sum over groups of one result of each group (coefficient 1). Decodable as soon as every
 * group has delivered one result; the first result of each group is used.
 *
 * Uncoded: n groups of one task. Fractional repetition: n/(s+1) groups of s+1 tasks.
 * Two-stage, case (i): one group per stage-1 worker. Residual 0 (combinatorial).
 */
class GroupDecoder : public GradientDecoder
{
  public:
    /**
     * \param groups task ids per group; every group non-empty, no id twice
     */
    explicit GroupDecoder(std::vector<std::vector<uint32_t>> groups);

    bool OnResult(uint32_t taskId) override;
    bool IsDecodable() const override;
    const DecodeResult& Result() const override;
    uint32_t MinResults() const override;

  private:
    std::vector<int64_t> m_groupOf; //!< group of each task id, -1 if unused
    std::vector<int64_t> m_firstOf; //!< first arrived task of each group, -1 if none
    uint32_t m_numGroups;           //!< number of groups
    uint32_t m_groupsDone{0};       //!< groups with a result
    DecodeResult m_result;          //!< frozen result
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_GROUP_DECODER_H
