// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_COMPUTE_TIME_MODEL_H
#define CODED_LEARNING_COMPUTE_TIME_MODEL_H

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief How long a worker needs to compute a task (the straggler model).
 *
 * A draw for a task of load l (in partition-equivalents: 1 = one of the K data partitions):
 *
 *   u = a + X,  X ~ Exp(mean 1/mu)                  (SHIFTED_EXPONENTIAL, Lee et al.)
 *   u = Pareto(scale t_min, shape alpha)            (PARETO: P(u > t) = (t_min/t)^alpha)
 *   u = a * (beta with probability p, else 1)       (BIMODAL)
 *   u = a                                           (DETERMINISTIC)
 *
 *   T = UnitTime * SlowdownFactor * z * l * u                  (LoadScaling PROPORTIONAL)
 *   T = UnitTime * SlowdownFactor * z * (l * a + (u - a))      (LoadScaling ADDITIVE)
 *
 * where z = TransientFactor with probability TransientProbability (transient straggling,
 * drawn anew for every task) and 1 otherwise. A persistently slow worker is one whose model
 * has a larger SlowdownFactor (or a smaller Rate); the helper sets that per worker.
 * Defaults (ours, after Lee et al. and the reconstruction notes): shifted exponential with
 * a = 1, mu = 2, UnitTime = 10 ms.
 */
class ComputeTimeModel : public Object
{
  public:
    /// Distribution of the per-unit time u.
    enum Distribution
    {
        SHIFTED_EXPONENTIAL, ///< a + Exp(mu)
        PARETO,              ///< Pareto(t_min, alpha)
        BIMODAL,             ///< a or a * beta
        DETERMINISTIC        ///< a
    };

    /// How the time grows with the load.
    enum LoadScaling
    {
        PROPORTIONAL, ///< the whole draw is multiplied by the load
        ADDITIVE      ///< only the shift is multiplied by the load
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ComputeTimeModel();

    /**
     * \param load the task's load in partition-equivalents (>= 0)
     * \return a compute time
     */
    Time Sample(double load);

    /**
     * \return the mean of the per-unit time u (infinite for Pareto with alpha <= 1)
     */
    double MeanUnitTime() const;

    /**
     * \param stream first stream index
     * \return the number of streams used (4)
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

  private:
    /// \return one draw of u
    double DrawUnit();

    Distribution m_distribution;                  //!< distribution of u
    LoadScaling m_scaling;                        //!< load scaling
    Time m_unitTime;                              //!< time of one unit of u
    double m_shift;                               //!< a
    double m_rate;                                //!< mu
    double m_paretoScale;                         //!< t_min
    double m_paretoShape;                         //!< alpha
    double m_bimodalProbability;                  //!< p
    double m_bimodalFactor;                       //!< beta
    double m_slowdown;                            //!< persistent slow-down factor
    double m_transientProbability;                //!< probability of a transient slow-down
    double m_transientFactor;                     //!< transient slow-down factor
    Ptr<ExponentialRandomVariable> m_exponential; //!< X
    Ptr<ParetoRandomVariable> m_pareto;           //!< Pareto draws
    Ptr<UniformRandomVariable> m_bimodal;         //!< bimodal coin
    Ptr<UniformRandomVariable> m_transient;       //!< transient coin
};

} // namespace ns3

#endif // CODED_LEARNING_COMPUTE_TIME_MODEL_H
