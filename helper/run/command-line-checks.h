// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_COMMAND_LINE_CHECKS_H
#define CODED_LEARNING_COMMAND_LINE_CHECKS_H

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Validation of command-line flags for the module's programs: each check throws
 * std::invalid_argument with a message naming the flag, the value and what is allowed
 * (e.g. "--network=lte: allowed values are wifi, csma, p2p, ideal"); the programs turn it into
 * an error line and exit code 1.
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
};

} // namespace ns3

#endif // CODED_LEARNING_COMMAND_LINE_CHECKS_H
