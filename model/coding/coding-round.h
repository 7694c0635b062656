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
 *   if (round->HasStageTwo()) schedule an event at round->StageTwoDeadline();
 *   on each arrival of task id:
 *       if (round->OnResult(id)) { g = round->Decode().Combine(results); cancel the rest; }
 *       else if (round->ShouldStartStageTwo(now)) dispatch round->StartStageTwo();
 *   at the deadline event: if (round->ShouldStartStageTwo(now)) dispatch round->StartStageTwo();
 * \endcode
 *
 * Single-stage schemes have no stage two (HasStageTwo() is false). The two-stage scheme
 * triggers stage 2 at min(tau1, time of the c-th stage-1 result) and builds it from the
 * stage-1 results received so far (the server's knowledge of completion status).
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

    /// \return c, the number of stage-1 results that triggers stage 2 (0 without stage two)
    uint32_t StageTwoTriggerCount() const
    {
        return m_plan.GetTwoStageInfo().triggerCount;
    }

    /// \return tau1, the time since round start that triggers stage 2 (+inf if none)
    double StageTwoDeadline() const
    {
        return m_plan.GetTwoStageInfo().deadline;
    }

    /// \return whether StartStageTwo() has been called
    bool StageTwoStarted() const
    {
        return m_plan.GetTwoStageInfo().started;
    }

    /**
     * \param elapsed time since the round started
     * \return true if stage 2 exists, has not started, the round is not decodable, and
     *         elapsed >= tau1 or at least c stage-1 results are in
     */
    bool ShouldStartStageTwo(double elapsed) const;

    /**
     * Build stage 2 from the stage-1 results reported so far (two-stage only; std::logic_error
     * for other schemes or when called twice). Appends blocks and stage-2 tasks to the plan.
     * \return the ids of the new tasks to dispatch (empty when nothing is left to cover, when
     *         no worker is available, or when the round is already decodable)
     */
    std::vector<uint32_t> StartStageTwo();

    /**
     * The trigger rule as a formula, for tests and analysis.
     * \param stageOneFinishTimes finish (arrival) times of stage-1 results
     * \param c the trigger count
     * \param deadline tau1
     * \return min(tau1, c-th smallest finish time), +inf if neither exists
     */
    static double TriggerTime(std::vector<double> stageOneFinishTimes, uint32_t c, double deadline);

  protected:
    /// Builds stage 2 (called once by StartStageTwo() when not decodable).
    /// \return the new task ids
    virtual std::vector<uint32_t> BuildStageTwo();

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
