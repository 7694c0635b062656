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

void
RequireSize(const char* owner, const char* name, std::size_t size, std::size_t expected)
{
    if (size != expected)
    {
        throw std::invalid_argument(std::string(owner) + ": " + name + " has " +
                                    std::to_string(size) + " entries, expected " +
                                    std::to_string(expected));
    }
}

void
RequireIndex(const char* owner, const char* item, std::size_t index, std::size_t count)
{
    if (index >= count)
    {
        throw std::out_of_range(std::string(owner) + ": " + item + " " + std::to_string(index) +
                                " does not exist (" + std::to_string(count) + " " + item + "s)");
    }
}

} // namespace coded
} // namespace ns3
