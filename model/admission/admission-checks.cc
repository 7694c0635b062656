// SPDX-License-Identifier: GPL-2.0-only
#include "admission-checks.h"

#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace coded
{

void
ThrowOutOfRange(const char* owner, const std::string& name, double value, const std::string& range)
{
    std::ostringstream os;
    os << owner << ": " << name << " = " << value << " is out of range " << range;
    throw std::invalid_argument(os.str());
}

} // namespace coded
} // namespace ns3
