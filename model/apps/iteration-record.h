// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ITERATION_RECORD_H
#define CODED_LEARNING_ITERATION_RECORD_H

#include <cstdint>
#include <limits>
#include <string>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief What the parameter server reports at the end of every iteration (trace source
 * ParameterServerApplication::IterationEnd); writers turn it into CSV rows.
 */
struct IterationRecord
{
    std::string scheme;          //!< coding scheme
    uint32_t iteration{0};       //!< iteration number, from 0
    double startTime{0};         //!< simulated time the iteration started (s)
    double endTime{0};           //!< simulated time it ended (s)
    double computeLoad{0};       //!< load dispatched (partition-equivalents)
    uint32_t tasks{0};           //!< tasks dispatched
    uint32_t resultsReceived{0}; //!< results received before the end
    bool decoded{false};         //!< the gradient was decoded (else the deadline fired)
    double decodeResidual{std::numeric_limits<double>::quiet_NaN()}; //!< max |a^T B_F - 1|
    uint64_t bytesUp{0};       //!< bytes received by the server during the iteration
    uint64_t bytesDown{0};     //!< bytes sent by the server during the iteration
    uint64_t chunksLost{0};    //!< chunks missing from partial results at the end
    bool stageTwo{false};      //!< the two-stage scheme issued stage 2
    uint32_t stageTwoTasks{0}; //!< stage-2 tasks issued
    double trainLoss{std::numeric_limits<double>::quiet_NaN()};    //!< decoded mean training loss
    double testAccuracy{std::numeric_limits<double>::quiet_NaN()}; //!< NaN unless evaluated
    /**
     * Why the iteration ended: "decoded" (the results sufficed and the model was updated),
     * "deadline" (IterationDeadline fired before the results sufficed; no update) or
     * "not-finite" (decoded, but the update was not finite and was skipped).
     */
    std::string outcome{"deadline"};

    /// \return endTime - startTime
    double Duration() const
    {
        return endTime - startTime;
    }
};

} // namespace ns3

#endif // CODED_LEARNING_ITERATION_RECORD_H
