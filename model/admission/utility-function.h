// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_UTILITY_FUNCTION_H
#define CODED_LEARNING_UTILITY_FUNCTION_H

#include <string>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * A concave, non-decreasing utility g(x) of an amount x >= 0 of data per slot (in the data
 * unit of the controller, e.g. packets of 1500 B), as used by the Lyapunov admission
 * controller (algorithms.md b.4, b.5):
 *
 *  - LOG:        g(x) = log(x + epsilon)  (proportional fairness; epsilon > 0 keeps g'(0) =
 *                1/epsilon finite, which the deterministic backlog bounds need)
 *  - LOG1P:      g(x) = log(1 + x)        (the default of algorithms.md c.2)
 *  - ALPHA_FAIR: g(x) = (x + epsilon)^(1 - alpha) / (1 - alpha), alpha >= 0, alpha != 1;
 *                log(x + epsilon) for alpha = 1 (Mo & Walrand)
 *  - LINEAR:     g(x) = x                 (max-throughput)
 *
 * Per-queue weights w_i multiply g (w_i g(x_i)); they are held by the controller.
 * The only non-trivial operation is Maximise(), the closed-form argmax of
 * scale * g(x) - price * x over [0, upper] used for the auxiliary variables and the
 * direct admission rule.
 */
class UtilityFunction
{
  public:
    /// The family of the utility (unscoped so that it can be an ns-3 EnumValue).
    enum Kind
    {
        LOG,        ///< log(x + epsilon)
        LOG1P,      ///< log(1 + x)
        ALPHA_FAIR, ///< (x + epsilon)^(1 - alpha) / (1 - alpha); log(x + epsilon) if alpha = 1
        LINEAR      ///< x
    };

    /// log(1 + x), the default.
    UtilityFunction();

    /**
     * \param kind the family
     * \param alpha the fairness exponent of ALPHA_FAIR (>= 0, finite; ignored otherwise)
     * \param epsilon the shift of LOG and ALPHA_FAIR (> 0, finite; ignored otherwise)
     * \throws std::invalid_argument naming the bad parameter, its value and the allowed range
     */
    UtilityFunction(Kind kind, double alpha, double epsilon);

    /// \return log(x + epsilon) \param epsilon the shift (> 0)
    static UtilityFunction Log(double epsilon);
    /// \return log(1 + x)
    static UtilityFunction Log1p();
    /// \return the alpha-fair utility \param alpha (>= 0) \param epsilon the shift (> 0)
    static UtilityFunction AlphaFair(double alpha, double epsilon);
    /// \return x
    static UtilityFunction Linear();

    /**
     * \param name one of "log", "log1p", "alpha-fair", "linear"
     * \return the kind
     * \throws std::invalid_argument for another name
     */
    static Kind ParseKind(const std::string& name);

    /// \param kind a kind \return its name as accepted by ParseKind()
    static std::string KindName(Kind kind);

    /// \return the family
    Kind GetKind() const;
    /// \return alpha (meaningful for ALPHA_FAIR)
    double GetAlpha() const;
    /// \return epsilon (meaningful for LOG and ALPHA_FAIR)
    double GetEpsilon() const;

    /// \return a readable formula such as "log(1+x)" or "alpha-fair(alpha=2,eps=0.01)"
    std::string Describe() const;

    /**
     * \param x the amount (>= 0)
     * \return g(x)
     * \throws std::invalid_argument if x is negative or not finite
     */
    double Value(double x) const;

    /**
     * \param x the amount (>= 0)
     * \return g'(x)
     */
    double Derivative(double x) const;

    /// \return g'(0), the largest slope (finite for every kind): nu in the backlog bounds
    double SlopeAtZero() const;

    /**
     * The closed-form maximiser used by the controller:
     * argmax over x in [0, upper] of scale * g(x) - price * x. If price <= 0 the answer is
     * upper; ties (a flat objective) resolve to the smaller x.
     *
     * \param scale V times the queue's weight (> 0)
     * \param price the queue (or virtual queue) length that prices one unit of data
     * \param upper the largest admissible x (>= 0)
     * \return the maximiser
     */
    double Maximise(double scale, double price, double upper) const;

  private:
    Kind m_kind;      //!< the family
    double m_alpha;   //!< alpha of ALPHA_FAIR
    double m_epsilon; //!< shift of LOG and ALPHA_FAIR
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_UTILITY_FUNCTION_H
