// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_COMPLETION_HISTORY_H
#define CODED_LEARNING_COMPLETION_HISTORY_H

#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * What the server has learnt about its workers' speeds, updated from observed completion
 * times (algorithms.md c.2 and c.3 step 11; the rules and defaults are ours):
 *
 * - per-unit time T_i (time per partition-equivalent of load), an EWMA with weight beta:
 *   on a completion  T_i <- beta T_i + (1 - beta) duration / load;
 *   censored (the worker had not finished when the iteration decoded and was cancelled):
 *   T_i <- max(T_i, beta T_i + (1 - beta) elapsed / load), i.e. only ever slower, because
 *   elapsed / load is a lower bound of the true per-unit time;
 * - speed v_i = 1 / T_i;
 * - a sliding window of stage-1 finish times (time from iteration start), whose q-quantile
 *   is the two-stage deadline tau1 (+infinity while the window is empty).
 *
 * The server (ns-3 application) calls RecordCompletion() / RecordCensored() for every task
 * it dispatched, with the time measured from the task's start, and RecordStageOneFinish()
 * for every stage-1 worker (for cancelled ones, with the elapsed time at cancellation: a lower
 * bound, which biases tau1 low, i.e. towards an earlier stage 2).
 */
class CompletionHistory
{
  public:
    /**
     * \param numWorkers n >= 1
     * \param beta EWMA weight of the old value, in [0, 1) (default 0.8)
     * \param initialPerUnitTime T_i before any observation, > 0 (default 1)
     * \param finishWindow number of stage-1 finish times kept, >= 1 (default 200)
     */
    explicit CompletionHistory(uint32_t numWorkers,
                               double beta = 0.8,
                               double initialPerUnitTime = 1.0,
                               uint32_t finishWindow = 200);

    /// \return n
    uint32_t NumWorkers() const
    {
        return static_cast<uint32_t>(m_perUnitTime.size());
    }

    /// \return beta
    double Beta() const
    {
        return m_beta;
    }

    /**
     * \param worker the worker
     * \param duration time from the task's start to its completion, >= 0
     * \param load the task's load in partition-equivalents, > 0
     */
    void RecordCompletion(uint32_t worker, double duration, double load);

    /**
     * \param worker the worker
     * \param elapsed time from the task's start to its cancellation, >= 0
     * \param load the task's load in partition-equivalents, > 0
     */
    void RecordCensored(uint32_t worker, double elapsed, double load);

    /// \param time a stage-1 finish time since the iteration started (>= 0, finite)
    void RecordStageOneFinish(double time);

    /**
     * \param worker the worker
     * \return T_i
     */
    double PerUnitTime(uint32_t worker) const;

    /**
     * \param worker the worker
     * \return 1 / T_i
     */
    double Speed(uint32_t worker) const;

    /**
     * \param worker the worker
     * \return the number of completions and censored updates recorded for it
     */
    uint32_t NumObservations(uint32_t worker) const;

    /// \return T_i of every worker
    const std::vector<double>& PerUnitTimes() const
    {
        return m_perUnitTime;
    }

    /**
     * \param q the quantile, in [0, 1]
     * \return the q-quantile (nearest rank: the ceil(q m)-th smallest of the m kept, the
     *         smallest for q = 0) of the stage-1 finish times; +infinity when none is kept
     */
    double StageOneFinishQuantile(double q) const;

    /// \return the number of stage-1 finish times kept
    size_t NumStageOneFinishes() const
    {
        return m_finishTimes.size();
    }

  private:
    /// Throws std::invalid_argument for a bad worker, time or load.
    /// \param what the caller, for the message \param worker index \param time a duration (s)
    /// \param load a load (partition-equivalents)
    void Check(const char* what, uint32_t worker, double time, double load) const;

    double m_beta;                        //!< EWMA weight of the old value
    uint32_t m_finishWindow;              //!< stage-1 finish times kept
    std::vector<double> m_perUnitTime;    //!< T_i
    std::vector<uint32_t> m_observations; //!< updates per worker
    std::deque<double> m_finishTimes;     //!< recent stage-1 finish times
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_COMPLETION_HISTORY_H
