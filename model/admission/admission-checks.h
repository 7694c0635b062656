// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ADMISSION_CHECKS_H
#define CODED_LEARNING_ADMISSION_CHECKS_H

#include <string>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Throws the argument error of the pure admission classes (LyapunovAdmissionController,
 * RayleighSlotChannel, UtilityFunction).
 * \param owner the class that refuses the value, e.g. "UtilityFunction"
 * \param name the parameter, e.g. "alpha" or "weights[2]"
 * \param value its value (printed with the default stream format)
 * \param range what is allowed, e.g. "[0, inf)"
 * \throws std::invalid_argument "<owner>: <name> = <value> is out of range <range>"
 */
[[noreturn]] void ThrowOutOfRange(const char* owner,
                                  const std::string& name,
                                  double value,
                                  const std::string& range);

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_ADMISSION_CHECKS_H
