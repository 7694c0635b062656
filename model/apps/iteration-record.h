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
    uint64_t bytesUp{0};           //!< bytes received by the server during the iteration
    uint64_t bytesDown{0};         //!< bytes sent by the server during the iteration
    uint64_t chunksLost{0};        //!< chunks missing from partial results at the end
    uint32_t modelNacks{0};        //!< NACKs of the broadcast model answered (not in the CSV)
    uint64_t modelRepairChunks{0}; //!< model chunks sent again after NACKs (not in the CSV)
    bool stageTwo{false};          //!< the two-stage scheme issued stage 2
    uint32_t stageTwoTasks{0};     //!< stage-2 tasks issued
    double trainLoss{std::numeric_limits<double>::quiet_NaN()};    //!< decoded mean training loss
    double testAccuracy{std::numeric_limits<double>::quiet_NaN()}; //!< NaN unless evaluated
    /**
     * Why the iteration ended: "decoded" (the results sufficed and the model was updated),
     * "deadline" (IterationDeadline fired before the results sufficed; no update) or
     * "diverged" (a decoded gradient or loss, the updated model or a worker's result was not
     * finite: training ends with this iteration, the model keeps its last finite value).
     */
    std::string outcome{"deadline"};
    /// Energy of the workers' radios during the iteration (J; NaN when not modelled: energy
    /// accounting off, or a network without a radio energy model). Filled by
    /// EnergyAccountingHelper::FillIteration, like the fields below.
    double radioEnergy{std::numeric_limits<double>::quiet_NaN()};
    /// Energy of the workers' CPUs during the iteration (J; NaN when not accounted).
    double computeEnergy{std::numeric_limits<double>::quiet_NaN()};
    /// The largest radio + compute energy of one worker during the iteration (J; NaN unless
    /// both are modelled).
    double maxWorkerEnergy{std::numeric_limits<double>::quiet_NaN()};
    /// Energy of the server's radio (the access point) during the iteration (J; NaN when not
    /// modelled).
    double serverRadioEnergy{std::numeric_limits<double>::quiet_NaN()};
    /// One character per worker, worker 0 first: '1' alive, '0' its battery ran empty; empty
    /// when not accounted.
    std::string alive;

    /// \return endTime - startTime
    double Duration() const
    {
        return endTime - startTime;
    }

    /// \return radioEnergy + computeEnergy (NaN unless both are modelled)
    double Energy() const
    {
        return radioEnergy + computeEnergy;
    }

    /// \return the workers alive at the end of the iteration (the '1's of alive)
    uint32_t WorkersAlive() const
    {
        uint32_t n = 0;
        for (char c : alive)
        {
            n += c == '1' ? 1 : 0;
        }
        return n;
    }
};

} // namespace ns3

#endif // CODED_LEARNING_ITERATION_RECORD_H
