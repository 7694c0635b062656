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
 * What the server has learnt about its workers (algorithms.md c.2 and c.3 step 11; the rules
 * and defaults are ours). Per worker, two estimates kept apart:
 *
 * - the per-unit compute time T_i (compute time per partition-equivalent of load, as the
 *   worker reports it with each result) and its mean deviation D_i;
 * - the network time N_i (time from dispatch to arrival minus the reported compute time:
 *   downlink of model and task, uplink of the result, any wait at the worker) and its mean
 *   deviation E_i.
 *
 * Updates are exponentially weighted with weight beta on the old value, as TCP's round-trip
 * estimator (RFC 6298): the first completion sets T_i = x and D_i = x / 2; later ones
 * D_i <- beta D_i + (1 - beta) |x - T_i|, T_i <- beta T_i + (1 - beta) x; the same for N_i, E_i.
 *
 * Censored observations (a task cancelled when the iteration decoded, or never answered by a
 * crashed worker): the server knows only that the worker had not finished after `elapsed`,
 * so its compute time was at least elapsed - N_i (elapsed alone when N_i is unknown): the
 * per-unit lower bound b = max(0, elapsed - N_i) / load enters as a lower bound, i.e. only
 * ever slower: if b > T_i, then D_i <- beta D_i + (1 - beta)(b - T_i) and
 * T_i <- beta T_i + (1 - beta) b; a first observation that is censored sets T_i = b, D_i = b/2.
 *
 * The window of stage-1 finish times keeps, per iteration, the time (since the iteration
 * started) at which its LAST stage-1 result arrived, or, when a stage-1 result never arrived
 * (the iteration decoded without it, or ended at its deadline), the time the iteration ended:
 * a lower bound, recorded as such (so the window is not biased towards the iterations in which
 * every stage-1 worker was on time). Its q-quantile is the two-stage deadline of the
 * "quantile" rule.
 *
 * The network window keeps, per two-stage iteration, the number m of stage-1 workers and the
 * largest network time of their results: on a shared medium (a Wi-Fi cell, a CSMA bus) every
 * participant's model and result take air time from the others, so it grows with m; on
 * dedicated links it does not. StageOneNetworkModel() fits N(m) = a + b m to the window by
 * least squares (b >= 0), which the two-stage scheme uses to choose m.
 *
 * The server (ParameterServerApplication) calls RecordCompletion() for every result with the
 * worker's reported compute time, RecordCensored() for every task still out when an
 * iteration ends, and RecordStageOneFinish() and RecordStageOneNetwork() once per two-stage
 * iteration.
 */
class CompletionHistory
{
  public:
    /**
     * \param numWorkers n >= 1
     * \param beta EWMA weight of the old value, in [0, 1) (default 0.8)
     * \param initialPerUnitTime T_i before any observation, > 0 (default 1); only orders
     *        workers that were never observed
     * \param finishWindow number of iterations' stage-1 finish times kept, >= 1 (default 200)
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
     * \param computeTime its compute time for the task, >= 0
     * \param load the task's load in partition-equivalents, > 0
     * \param networkTime the rest of the time from dispatch to arrival, >= 0
     */
    void RecordCompletion(uint32_t worker, double computeTime, double load, double networkTime = 0);

    /**
     * \param worker the worker
     * \param elapsed time from the task's dispatch to its cancellation, >= 0
     * \param load the task's load in partition-equivalents, > 0
     */
    void RecordCensored(uint32_t worker, double elapsed, double load);

    /**
     * \param time the last stage-1 finish of an iteration since it started (>= 0, finite)
     * \param censored whether it is only a lower bound (a stage-1 result never arrived)
     */
    void RecordStageOneFinish(double time, bool censored = false);

    /**
     * \param participants m, the number of stage-1 workers of an iteration (>= 1)
     * \param networkTime the largest network time of their results that arrived (>= 0, finite)
     */
    void RecordStageOneNetwork(uint32_t participants, double networkTime);

    /// The fitted network time of a stage-1 iteration with m workers: a + b m.
    struct NetworkModel
    {
        double intercept{0}; //!< a (>= 0)
        double slope{0};     //!< b (>= 0; 0 when not fitted)
        bool fitted{false};  //!< the window holds at least two different m
    };

    /**
     * \return the least-squares line through the network window (slope and intercept clipped
     *         at 0); without two different m in the window, slope 0 and the mean as intercept
     *         (0 for an empty window)
     */
    NetworkModel StageOneNetworkModel() const;

    /// \return the number of (m, network time) pairs kept
    size_t NumStageOneNetworkSamples() const
    {
        return m_network.size();
    }

    /**
     * \param worker the worker
     * \return T_i (the initial value before any observation)
     */
    double PerUnitTime(uint32_t worker) const;

    /**
     * \param worker the worker
     * \return D_i, the mean deviation of the per-unit compute time (0 before any observation)
     */
    double PerUnitDeviation(uint32_t worker) const;

    /**
     * \param worker the worker
     * \return N_i (0 before any completion)
     */
    double NetworkTime(uint32_t worker) const;

    /**
     * \param worker the worker
     * \return E_i, the mean deviation of the network time (0 before any completion)
     */
    double NetworkDeviation(uint32_t worker) const;

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

    /**
     * \param worker the worker
     * \return the number of censored observations recorded for it
     */
    uint32_t NumCensored(uint32_t worker) const;

    /**
     * \param worker the worker
     * \return whether T_i comes from an observation (completed or censored)
     */
    bool HasEstimate(uint32_t worker) const
    {
        return NumObservations(worker) > 0;
    }

    /**
     * \param worker the worker
     * \return whether N_i comes from a completion
     */
    bool HasNetworkEstimate(uint32_t worker) const;

    /// \return T_i of every worker
    const std::vector<double>& PerUnitTimes() const
    {
        return m_perUnitTime;
    }

    /**
     * \param q the quantile, in [0, 1]
     * \return the q-quantile (nearest rank: the ceil(q m)-th smallest of the m kept, the
     *         smallest for q = 0) of the kept stage-1 finish times; +infinity when none is kept
     */
    double StageOneFinishQuantile(double q) const;

    /// \return the number of stage-1 finish times kept
    size_t NumStageOneFinishes() const
    {
        return m_finishTimes.size();
    }

    /// \return the number of the kept stage-1 finish times that are lower bounds
    size_t NumCensoredStageOneFinishes() const;

  private:
    /// Throws std::invalid_argument for a bad worker, time or load.
    /// \param what the caller, for the message \param worker index \param time a duration (s)
    /// \param load a load (partition-equivalents)
    void Check(const char* what, uint32_t worker, double time, double load) const;

    /// Throws std::out_of_range for a bad worker. \param what the caller \param worker it
    void CheckWorker(const char* what, uint32_t worker) const;

    double m_beta;                                     //!< EWMA weight of the old value
    uint32_t m_finishWindow;                           //!< stage-1 finish times kept
    std::vector<double> m_perUnitTime;                 //!< T_i
    std::vector<double> m_perUnitDeviation;            //!< D_i
    std::vector<double> m_networkTime;                 //!< N_i
    std::vector<double> m_networkDeviation;            //!< E_i
    std::vector<uint32_t> m_observations;              //!< updates per worker
    std::vector<uint32_t> m_censored;                  //!< censored updates per worker
    std::vector<uint32_t> m_networkSamples;            //!< completions per worker
    std::deque<std::pair<double, bool>> m_finishTimes; //!< (last stage-1 finish, censored)
    std::deque<std::pair<uint32_t, double>> m_network; //!< (stage-1 workers, network time)
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_COMPLETION_HISTORY_H
