// SPDX-License-Identifier: GPL-2.0-only
#include "command-line-checks.h"

#include <cmath>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace ns3
{

void
CommandLineChecks::RequireOneOf(const std::string& flag,
                                const std::string& value,
                                const std::vector<std::string>& allowed)
{
    std::string list;
    for (const auto& a : allowed)
    {
        if (value == a)
        {
            return;
        }
        list += (list.empty() ? "" : ", ") + a;
    }
    throw std::invalid_argument("--" + flag + "=" + value + ": allowed values are " + list);
}

void
CommandLineChecks::RequireRange(const std::string& flag, double value, double lower, double upper)
{
    if (!(value >= lower && value <= upper))
    {
        std::ostringstream os;
        os << std::setprecision(12) << "--" << flag << "=" << value << ": allowed range is ["
           << lower << ", " << upper << "]";
        throw std::invalid_argument(os.str());
    }
}

void
CommandLineChecks::RequireAfter(const std::string& flag,
                                double value,
                                double after,
                                const std::string& what)
{
    if (!(value > after) || !std::isfinite(value))
    {
        std::ostringstream os;
        os << "--" << flag << "=" << value << ": must be a finite time after " << what << " ("
           << after << " s)";
        throw std::invalid_argument(os.str());
    }
}

} // namespace ns3
