// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_TWO_STAGE_ROUND_H
#define CODED_LEARNING_TWO_STAGE_ROUND_H

#include "coding-round.h"
#include "span-decoder.h"

#include "ns3/random-source.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * A round of the two-stage scheme (TwoStageCode): stage 1 is planned by the code; each call
 * of BuildStageTwo() re-plans the groups of the stage-1 workers late at that time over the
 * idle workers that store their rows, with a fresh cyclic-repetition code per piece, and
 * registers the new tasks with the round's SpanDecoder.
 */
class TwoStageRound : public CodingRound
{
  public:
    /// What the stage-2 planner needs besides the plan.
    struct Settings
    {
        std::vector<uint32_t> poolOrder;     //!< workers allowed in stage 2, fastest first
        std::vector<uint32_t> fallbackOrder; //!< left-out workers, fastest first: used for
                                             //!< rows no pool worker stores
        bool finishedInPool{true};           //!< finished stage-1 workers may take stage-2 work
        bool rawSampleTransfer{false};       //!< send raw samples when no pool worker stores rows
        uint32_t tolerance{2};               //!< s2
        double maxCodeCoefficient{1e5};      //!< cyclic construction: redraw above this
        uint32_t maxCodeAttempts{32};        //!< cyclic construction: draws before giving up
    };

    /**
     * \param plan the stage-1 plan (two-stage info filled, placement set)
     * \param decoder its decoder, with the stage-1 tasks registered (not null)
     * \param settings the stage-2 rules
     * \param rng source of the stage-2 codes (must outlive the round)
     */
    TwoStageRound(IterationPlan plan,
                  std::unique_ptr<SpanDecoder> decoder,
                  Settings settings,
                  RandomSource& rng);

  protected:
    std::vector<uint32_t> BuildStageTwo(double elapsed, const std::vector<size_t>& late) override;

  private:
    /// \param order workers \return those of them with no task still out (and not in stage 1
    /// with the "idle" pool), in the same order
    std::vector<uint32_t> Idle(const std::vector<uint32_t>& order) const;

    /// \return the round's decoder (a SpanDecoder, owned by the base class)
    SpanDecoder& Span()
    {
        return static_cast<SpanDecoder&>(Decoder());
    }

    Settings m_settings; //!< stage-2 rules
    RandomSource& m_rng; //!< stage-2 code draws
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_TWO_STAGE_ROUND_H
