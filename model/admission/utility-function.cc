// SPDX-License-Identifier: GPL-2.0-only
#include "utility-function.h"

#include "admission-checks.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace coded
{

/// The class named in the error messages.
constexpr const char* OWNER = "UtilityFunction";

UtilityFunction::UtilityFunction()
    : m_kind(LOG1P),
      m_alpha(1.0),
      m_epsilon(1.0)
{
}

UtilityFunction::UtilityFunction(Kind kind, double alpha, double epsilon)
    : m_kind(kind),
      m_alpha(alpha),
      m_epsilon(epsilon)
{
    if (kind != LOG && kind != LOG1P && kind != ALPHA_FAIR && kind != LINEAR)
    {
        ThrowOutOfRange(OWNER, "kind", static_cast<int>(kind), "{LOG, LOG1P, ALPHA_FAIR, LINEAR}");
    }
    if (kind == ALPHA_FAIR && !(std::isfinite(alpha) && alpha >= 0.0))
    {
        ThrowOutOfRange(OWNER, "alpha", alpha, "[0, inf)");
    }
    if ((kind == LOG || kind == ALPHA_FAIR) && !(std::isfinite(epsilon) && epsilon > 0.0))
    {
        ThrowOutOfRange(OWNER, "epsilon", epsilon, "(0, inf)");
    }
    if (kind == LOG1P)
    {
        m_epsilon = 1.0;
    }
}

UtilityFunction
UtilityFunction::Log(double epsilon)
{
    return UtilityFunction(LOG, 1.0, epsilon);
}

UtilityFunction
UtilityFunction::Log1p()
{
    return UtilityFunction(LOG1P, 1.0, 1.0);
}

UtilityFunction
UtilityFunction::AlphaFair(double alpha, double epsilon)
{
    return UtilityFunction(ALPHA_FAIR, alpha, epsilon);
}

UtilityFunction
UtilityFunction::Linear()
{
    return UtilityFunction(LINEAR, 1.0, 1.0);
}

UtilityFunction::Kind
UtilityFunction::ParseKind(const std::string& name)
{
    if (name == "log")
    {
        return LOG;
    }
    if (name == "log1p")
    {
        return LOG1P;
    }
    if (name == "alpha-fair")
    {
        return ALPHA_FAIR;
    }
    if (name == "linear")
    {
        return LINEAR;
    }
    throw std::invalid_argument("UtilityFunction: unknown utility '" + name +
                                "' (allowed: log, log1p, alpha-fair, linear)");
}

std::string
UtilityFunction::KindName(Kind kind)
{
    switch (kind)
    {
    case LOG:
        return "log";
    case LOG1P:
        return "log1p";
    case ALPHA_FAIR:
        return "alpha-fair";
    case LINEAR:
        return "linear";
    }
    return "unknown";
}

UtilityFunction::Kind
UtilityFunction::GetKind() const
{
    return m_kind;
}

double
UtilityFunction::GetAlpha() const
{
    return m_alpha;
}

double
UtilityFunction::GetEpsilon() const
{
    return m_epsilon;
}

std::string
UtilityFunction::Describe() const
{
    std::ostringstream os;
    switch (m_kind)
    {
    case LOG:
        os << "log(x+" << m_epsilon << ")";
        break;
    case LOG1P:
        os << "log(1+x)";
        break;
    case ALPHA_FAIR:
        os << "alpha-fair(alpha=" << m_alpha << ",eps=" << m_epsilon << ")";
        break;
    case LINEAR:
        os << "x";
        break;
    }
    return os.str();
}

double
UtilityFunction::Value(double x) const
{
    if (!(std::isfinite(x) && x >= 0.0))
    {
        ThrowOutOfRange(OWNER, "x", x, "[0, inf)");
    }
    switch (m_kind)
    {
    case LOG:
        return std::log(x + m_epsilon);
    case LOG1P:
        return std::log1p(x);
    case ALPHA_FAIR:
        if (m_alpha == 1.0)
        {
            return std::log(x + m_epsilon);
        }
        return std::pow(x + m_epsilon, 1.0 - m_alpha) / (1.0 - m_alpha);
    case LINEAR:
        return x;
    }
    return 0.0;
}

double
UtilityFunction::Derivative(double x) const
{
    if (!(std::isfinite(x) && x >= 0.0))
    {
        ThrowOutOfRange(OWNER, "x", x, "[0, inf)");
    }
    switch (m_kind)
    {
    case LOG:
        return 1.0 / (x + m_epsilon);
    case LOG1P:
        return 1.0 / (1.0 + x);
    case ALPHA_FAIR:
        return std::pow(x + m_epsilon, -m_alpha);
    case LINEAR:
        return 1.0;
    }
    return 0.0;
}

double
UtilityFunction::SlopeAtZero() const
{
    return Derivative(0.0);
}

double
UtilityFunction::Maximise(double scale, double price, double upper) const
{
    if (!(std::isfinite(scale) && scale > 0.0))
    {
        ThrowOutOfRange(OWNER, "scale", scale, "(0, inf)");
    }
    if (std::isnan(price))
    {
        ThrowOutOfRange(OWNER, "price", price, "(-inf, inf)");
    }
    if (!(std::isfinite(upper) && upper >= 0.0))
    {
        ThrowOutOfRange(OWNER, "upper", upper, "[0, inf)");
    }
    if (price <= 0.0)
    {
        // g is non-decreasing: the objective does not decrease in x.
        return upper;
    }
    // Solve scale * g'(x) = price, i.e. g'(x) = price / scale, then clamp to [0, upper].
    double x = 0.0;
    switch (m_kind)
    {
    case LOG:
        x = scale / price - m_epsilon;
        break;
    case LOG1P:
        x = scale / price - 1.0;
        break;
    case ALPHA_FAIR:
        if (m_alpha == 0.0)
        {
            // Linear in x: all or nothing.
            return scale > price ? upper : 0.0;
        }
        x = std::pow(scale / price, 1.0 / m_alpha) - m_epsilon;
        break;
    case LINEAR:
        return scale > price ? upper : 0.0;
    }
    return std::min(upper, std::max(0.0, x));
}

} // namespace coded
} // namespace ns3
