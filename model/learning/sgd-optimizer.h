// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_SGD_OPTIMIZER_H
#define CODED_LEARNING_SGD_OPTIMIZER_H

#include "learning-types.h"

#include <string>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * (Momentum) gradient descent on a summed gradient:
 *
 *   g_t   = gradientSum / numSamples + weightDecay * w_t     (L2 regularisation)
 *   v_t   = momentum * v_{t-1} + g_t                         (v_0 = 0)
 *   w_t+1 = w_t - eta_t * v_t
 *
 * with the learning rate eta_t given by the schedule, t counting Step() calls from 0:
 * CONSTANT eta_t = eta; STEP eta_t = eta * gamma^floor(t / stepSize);
 * INVERSE_TIME eta_t = eta / (1 + gamma * t).
 */
class SgdOptimizer
{
  public:
    /// Learning-rate schedule.
    enum class Schedule
    {
        CONSTANT,    ///< eta
        STEP,        ///< eta * gamma^floor(t / stepSize)
        INVERSE_TIME ///< eta / (1 + gamma t)
    };

    /// Settings; Validate() says what is wrong with them.
    struct Config
    {
        double learningRate{0.1};              //!< eta > 0
        double momentum{0.0};                  //!< in [0, 1)
        double weightDecay{0.0};               //!< L2 coefficient >= 0
        Schedule schedule{Schedule::CONSTANT}; //!< schedule
        double gamma{0.5};                     //!< decay factor: STEP (0, 1], INVERSE_TIME >= 0
        uint32_t stepSize{100};                //!< STEP: steps per decay, >= 1
    };

    /// \param config the settings (validated; std::invalid_argument if wrong)
    explicit SgdOptimizer(const Config& config);

    /**
     * \param config settings to check
     * \throw std::invalid_argument naming the setting, its value and the allowed range
     */
    static void Validate(const Config& config);

    /**
     * \param name "constant", "step" or "inverse-time"
     * \return the schedule (std::invalid_argument for another name)
     */
    static Schedule ParseSchedule(const std::string& name);

    /**
     * One update.
     * \param params the parameters, updated in place
     * \param gradientSum the gradient summed over numSamples samples
     * \param numSamples the number of samples behind gradientSum, >= 1
     */
    void Step(DenseVector& params, const DenseVector& gradientSum, uint64_t numSamples);

    /// \return eta_t for the next Step()
    double CurrentLearningRate() const;

    /// \return the number of Step() calls so far
    uint64_t StepCount() const
    {
        return m_steps;
    }

  private:
    Config m_config;        //!< settings
    DenseVector m_velocity; //!< momentum buffer
    uint64_t m_steps{0};    //!< steps taken
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_SGD_OPTIMIZER_H
