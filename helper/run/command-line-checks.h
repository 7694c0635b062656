// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_COMMAND_LINE_CHECKS_H
#define CODED_LEARNING_COMMAND_LINE_CHECKS_H

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Validation of command-line flags (the run settings' Validate() and the programs' own
 * flags): each check throws std::invalid_argument with a message naming the flag, the value
 * and what is allowed (e.g. "--network=lte: allowed values are wifi, csma, p2p, ideal"); the
 * programs turn it into an error line and exit code 1.
 */
class CommandLineChecks
{
  public:
    /**
     * \param flag the flag's name without dashes
     * \param value its value
     * \param allowed the allowed values
     */
    static void RequireOneOf(const std::string& flag,
                             const std::string& value,
                             const std::vector<std::string>& allowed);

    /**
     * \param flag the flag's name without dashes
     * \param value its value
     * \param lower the smallest allowed value
     * \param upper the largest allowed value
     */
    static void RequireRange(const std::string& flag, double value, double lower, double upper);

    /**
     * Requires a finite time after a bound (e.g. a fault after the applications' start).
     * \param flag the flag's name without dashes
     * \param value its value (s)
     * \param after the bound (s); the value must be larger
     * \param what what the bound is, e.g. "the applications' start" or "--linkDownAt"
     */
    static void RequireAfter(const std::string& flag,
                             double value,
                             double after,
                             const std::string& what);
};

} // namespace ns3

#endif // CODED_LEARNING_COMMAND_LINE_CHECKS_H
