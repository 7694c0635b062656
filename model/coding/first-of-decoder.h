// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_FIRST_OF_DECODER_H
#define CODED_LEARNING_FIRST_OF_DECODER_H

#include "gradient-decoder.h"

#include <memory>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Composite of alternative ways to obtain the same gradient (two-stage: (i) every stage-1
 * result, or (ii) the finished stage-1 groups plus a decode of stage 2): decodable as soon as
 * one alternative is; that alternative's result is frozen (on a tie, the one added first).
 * Alternatives may be added later (stage 2); the caller then replays the earlier arrivals into
 * the new alternative before adding it (CodingRound does).
 */
class FirstOfDecoder : public GradientDecoder
{
  public:
    FirstOfDecoder() = default;

    /**
     * \param alternative a decoder (not null), already told of earlier arrivals
     * \return whether this object is decodable afterwards
     */
    bool AddAlternative(std::unique_ptr<GradientDecoder> alternative);

    /// \return the number of alternatives
    size_t NumAlternatives() const
    {
        return m_alternatives.size();
    }

    /// \return the alternative that decoded (std::logic_error if none yet)
    size_t Winner() const;

    bool OnResult(uint32_t taskId) override;
    bool IsDecodable() const override;
    const DecodeResult& Result() const override;
    uint32_t MinResults() const override;

  private:
    /// Freezes the first decodable alternative, if any.
    void Check();

    std::vector<std::unique_ptr<GradientDecoder>> m_alternatives; //!< the alternatives
    int64_t m_winner{-1};                                         //!< frozen winner
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_FIRST_OF_DECODER_H
