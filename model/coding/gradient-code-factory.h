// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_GRADIENT_CODE_FACTORY_H
#define CODED_LEARNING_GRADIENT_CODE_FACTORY_H

#include "gradient-code.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Makes a GradientCode from its name: "uncoded", "ignore-stragglers", "k-sync",
 * "fractional-repetition", "cyclic-repetition", "approximate", "partial", "two-stage".
 */
class GradientCodeFactory
{
  public:
    /// \return the allowed names, in the order above
    static std::vector<std::string> Names();

    /**
     * \param name one of Names()
     * \return whether the scheme uses the straggler tolerance s (CodingParameters::stragglers);
     *         uncoded and two-stage ignore it
     */
    static bool UsesStragglers(const std::string& name);

    /**
     * \param name one of Names() (std::invalid_argument listing them otherwise)
     * \param params the parameters (checked by the scheme; std::invalid_argument if wrong)
     * \param partitioner the data partitions
     * \param rng the source of random draws; must outlive the code
     * \return the code
     */
    static std::unique_ptr<GradientCode> Create(const std::string& name,
                                                const CodingParameters& params,
                                                const DataPartitioner& partitioner,
                                                RandomSource& rng);
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_GRADIENT_CODE_FACTORY_H
