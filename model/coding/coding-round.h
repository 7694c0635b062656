// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CODING_ROUND_H
#define CODED_LEARNING_CODING_ROUND_H

#include "gradient-decoder.h"
#include "iteration-plan.h"

#include <memory>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * One iteration of a gradient code, as the parameter server drives it event by event:
 *
 * \code
 *   auto round = code->StartRound(r, history);       // plan of stage 1 (or of everything)
 *   dispatch every task of round->Plan() (per worker, in TasksOfWorker() order);
 *   schedule a check at round->NextStageTwoTime();    // two-stage: the next deadline
 *   on each arrival of task id:
 *       if (round->OnResult(id)) { g = round->Decode().Combine(results); cancel the rest; }
 *       else if (round->ShouldStartStageTwo(now)) dispatch round->StartStageTwo(now);
 *   at a check: if (round->ShouldStartStageTwo(now)) dispatch round->StartStageTwo(now);
 *               schedule the next check at round->NextStageTwoTime();
 * \endcode
 *
 * Single-stage schemes have no stage two (HasStageTwo() is false). In the two-stage scheme
 * every stage-1 worker has a deadline (TwoStageInfo::deadlines); a worker still out past its
 * deadline is late, and StartStageTwo() re-plans the groups of the workers late at that time
 * (a wave; a later deadline may start another wave). With the count trigger c, the c-th
 * stage-1 result makes every stage-1 worker still out late.
 */
class CodingRound
{
  public:
    /**
     * \param plan the plan (stage 1, or everything)
     * \param decoder its decoder (not null)
     */
    CodingRound(IterationPlan plan, std::unique_ptr<GradientDecoder> decoder);
    virtual ~CodingRound() = default;

    CodingRound(const CodingRound&) = delete;
    CodingRound& operator=(const CodingRound&) = delete;

    /// \return the plan (stage-2 tasks are appended by StartStageTwo())
    const IterationPlan& Plan() const
    {
        return m_plan;
    }

    /**
     * Report that the result of a task arrived at the server.
     * \param taskId a task of the plan, not reported before (std::invalid_argument otherwise)
     * \return IsDecodable()
     */
    bool OnResult(uint32_t taskId);

    /// \return whether the gradient (or the scheme's estimate) can be formed now
    bool IsDecodable() const;

    /// \return the decode, frozen when the round first became decodable (std::logic_error before)
    const DecodeResult& Decode() const;

    /// \return the number of results reported
    uint32_t NumReceived() const
    {
        return static_cast<uint32_t>(m_arrivals.size());
    }

    /// \return the number of results reported when the round became decodable (0 before)
    uint32_t NumReceivedAtDecode() const
    {
        return m_receivedAtDecode;
    }

    /**
     * \param stage 1 or 2
     * \return the number of results of that stage reported
     */
    uint32_t NumReceived(uint32_t stage) const;

    /**
     * \param taskId a task id
     * \return whether its result was reported
     */
    bool IsReceived(uint32_t taskId) const;

    /// \return the reported task ids in arrival order
    const std::vector<uint32_t>& Arrivals() const
    {
        return m_arrivals;
    }

    /// \return whether this round has a stage-two rule (two-stage scheme)
    bool HasStageTwo() const
    {
        return m_plan.GetTwoStageInfo().enabled;
    }

    /// \return c, the number of stage-1 results that triggers stage 2 (0: no count trigger)
    uint32_t StageTwoTriggerCount() const
    {
        return m_plan.GetTwoStageInfo().triggerCount;
    }

    /// \return whether StartStageTwo() has issued at least one wave
    bool StageTwoStarted() const
    {
        return m_plan.GetTwoStageInfo().StageTwoStarted();
    }

    /**
     * \return the earliest deadline (since round start) of a stage-1 worker whose result is
     *         not in and whose group was not re-planned; +inf if none, or without stage two
     */
    double NextStageTwoTime() const;

    /**
     * \param elapsed time since the round started
     * \return true if the round has stage two, is not decodable, and some stage-1 worker is
     *         late at elapsed (still out, not re-planned, past its deadline, or the count
     *         trigger has fired)
     */
    bool ShouldStartStageTwo(double elapsed) const;

    /**
     * Re-plans the groups of the stage-1 workers late at elapsed (two-stage only;
     * std::logic_error for other schemes). Appends blocks and stage-2 tasks to the plan and
     * records a wave in TwoStageInfo.
     * \param elapsed time since the round started
     * \return the ids of the new tasks to dispatch (empty when nobody is late, when no
     *         available worker stores the late rows, or when the round is already decodable)
     */
    std::vector<uint32_t> StartStageTwo(double elapsed);

  protected:
    /**
     * Builds a wave of stage 2 (called by StartStageTwo() when not decodable and some
     * stage-1 worker is late).
     * \param elapsed time since the round started
     * \param late indices into TwoStageInfo::stageOneWorkers of the late workers (not yet
     *        re-planned; marked re-planned by the caller)
     * \return the new task ids
     */
    virtual std::vector<uint32_t> BuildStageTwo(double elapsed, const std::vector<size_t>& late);

    /// \return the plan, for subclasses that extend it
    IterationPlan& MutablePlan()
    {
        return m_plan;
    }

    /// \return the decoder, for subclasses that extend it
    GradientDecoder& Decoder()
    {
        return *m_decoder;
    }

  private:
    /// \param elapsed time since the round started \return the late stage-1 workers (indices
    /// into TwoStageInfo::stageOneWorkers)
    std::vector<size_t> Late(double elapsed) const;

    IterationPlan m_plan;                       //!< the plan
    std::unique_ptr<GradientDecoder> m_decoder; //!< its decoder
    std::vector<bool> m_received;               //!< per task id
    std::vector<uint32_t> m_arrivals;           //!< task ids in arrival order
    uint32_t m_receivedAtDecode{0};             //!< arrivals when decodable
    uint32_t m_stageCount[2]{0, 0};             //!< arrivals per stage
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_CODING_ROUND_H
