// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ADMISSION_CHECKS_H
#define CODED_LEARNING_ADMISSION_CHECKS_H

#include <cstddef>
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

/**
 * \ingroup coded-learning
 * Checks the size of a per-queue (or per-block) vector.
 * \param owner the class that checks, e.g. "AdmissionMetrics"
 * \param name what the vector is, e.g. "arrivals"
 * \param size its size
 * \param expected the size it must have
 * \throws std::invalid_argument "<owner>: <name> has <size> entries, expected <expected>"
 */
void RequireSize(const char* owner, const char* name, std::size_t size, std::size_t expected);

/**
 * \ingroup coded-learning
 * Checks an index.
 * \param owner the class that checks, e.g. "AdmissionMetrics"
 * \param item what is indexed, e.g. "queue"
 * \param index the index
 * \param count the number of items
 * \throws std::out_of_range "<owner>: <item> <index> does not exist (<count> <item>s)" unless
 * index < count
 */
void RequireIndex(const char* owner, const char* item, std::size_t index, std::size_t count);

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_ADMISSION_CHECKS_H
