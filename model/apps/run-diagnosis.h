// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_RUN_DIAGNOSIS_H
#define CODED_LEARNING_RUN_DIAGNOSIS_H

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * What a run saw, as RunDiagnosis reads it (filled by the run recipe from the iteration
 * records, the applications' counters and the network).
 */
struct RunFacts
{
    uint32_t iterationsAsked{0};              //!< --iterations
    std::map<std::string, uint32_t> outcomes; //!< iterations by outcome (iterations.csv)
    double deadline{0};                       //!< iteration deadline (s)
    double lossRate{0};                       //!< the network's packet loss rate
    uint32_t workers{0};                      //!< n
    bool wireless{false};                     //!< the workers are Wi-Fi stations
    uint32_t connected{0};                    //!< workers connected (Wi-Fi: associated) at the end
    uint64_t tasksDispatched{0};              //!< tasks the server sent, over the iterations
    uint64_t resultsReceived{0};              //!< results that arrived in their iteration
    uint64_t resultsSent{0};                  //!< results the workers sent
    uint64_t tasksCancelled{0};               //!< tasks the workers cancelled at a deadline
    uint64_t lateResults{0};                  //!< results that arrived after their iteration
};

/**
 * \ingroup coded-learning
 * \brief Says why a run decoded fewer iterations than it ran, and words divergence.
 *
 * Pure: reads RunFacts only. Causes() lists what the facts show, most basic first:
 * stations not associated; no task computed (models and tasks never reached the workers in
 * time); every task cancelled before it finished (deadline shorter than transfer plus compute);
 * results that arrived after their iteration (deadline shorter than a round trip); results sent
 * and none arrived (lost on the uplink); results that arrived but too few per iteration.
 */
class RunDiagnosis
{
  public:
    /// Iterations by outcome in the order decoded, deadline, diverged, then others by name.
    /// \param facts the run \return e.g. "0 decoded, 10 deadline"
    static std::string OutcomeCounts(const RunFacts& facts);

    /// \param facts the run \return the iterations that ended decoded
    static uint32_t Decoded(const RunFacts& facts);

    /// \param facts the run \return the iterations that ended (rows of iterations.csv)
    static uint32_t Iterations(const RunFacts& facts);

    /**
     * \param facts the run
     * \return the likely causes the facts show when iterations ended without a decode (empty
     *         when every iteration decoded, or when it diverged: Divergence() says why)
     */
    static std::vector<std::string> Causes(const RunFacts& facts);

    /**
     * \param iteration the iteration that ended training
     * \param quantity what was not finite, in words ("the decoded gradient")
     * \param learningRate the learning rate
     * \return the message: the iteration, the quantity and the likely causes
     */
    static std::string Divergence(uint32_t iteration,
                                  const std::string& quantity,
                                  double learningRate);
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_RUN_DIAGNOSIS_H
