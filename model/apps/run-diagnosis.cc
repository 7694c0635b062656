// SPDX-License-Identifier: GPL-2.0-only
#include "run-diagnosis.h"

#include <sstream>

namespace ns3
{
namespace coded
{

namespace
{

/// \param facts the run \param outcome an outcome \return its count (0 if none)
uint32_t
Count(const RunFacts& facts, const std::string& outcome)
{
    const auto it = facts.outcomes.find(outcome);
    return it == facts.outcomes.end() ? 0 : it->second;
}

/// \param lossRate the loss rate \return " at packet loss rate X" when X > 0
std::string
LossNote(double lossRate)
{
    if (lossRate <= 0)
    {
        return "";
    }
    std::ostringstream os;
    os << " at packet loss rate " << lossRate;
    return os.str();
}

} // namespace

uint32_t
RunDiagnosis::Decoded(const RunFacts& facts)
{
    return Count(facts, "decoded");
}

uint32_t
RunDiagnosis::Iterations(const RunFacts& facts)
{
    uint32_t total = 0;
    for (const auto& [outcome, count] : facts.outcomes)
    {
        total += count;
    }
    return total;
}

std::string
RunDiagnosis::OutcomeCounts(const RunFacts& facts)
{
    std::ostringstream os;
    const char* known[] = {"decoded", "deadline", "diverged"};
    for (const char* outcome : known)
    {
        os << (os.tellp() > 0 ? ", " : "") << Count(facts, outcome) << ' ' << outcome;
    }
    for (const auto& [outcome, count] : facts.outcomes)
    {
        if (outcome != "decoded" && outcome != "deadline" && outcome != "diverged")
        {
            os << ", " << count << ' ' << outcome;
        }
    }
    return os.str();
}

std::vector<std::string>
RunDiagnosis::Causes(const RunFacts& facts)
{
    const uint32_t undecoded = Iterations(facts) - Decoded(facts) - Count(facts, "diverged");
    std::vector<std::string> causes;
    if (undecoded == 0)
    {
        return causes;
    }
    std::ostringstream os;
    if (facts.wireless && facts.connected == 0)
    {
        causes.push_back("no Wi-Fi station is associated with the access point, so no model, "
                         "task or result can cross the network (stations out of range never "
                         "associate: check --distance and the propagation loss)");
        return causes;
    }
    if (facts.wireless && facts.connected < facts.workers)
    {
        os << "only " << facts.connected << " of " << facts.workers
           << " Wi-Fi stations are associated with the access point; the others get no model "
              "and send no result";
        causes.push_back(os.str());
        os.str("");
    }
    if (facts.resultsSent == 0 && facts.tasksCancelled == 0)
    {
        os << "no worker finished or cancelled a task: the models and tasks did not reach the "
              "workers before the iteration deadline ("
           << facts.deadline << " s): lost on the downlink" << LossNote(facts.lossRate)
           << ", a link down or too slow, or a deadline shorter than one model transfer";
    }
    else if (facts.resultsSent == 0)
    {
        os << "no worker finished a task: the " << facts.tasksCancelled
           << " tasks started were cancelled at their iteration's deadline; the deadline ("
           << facts.deadline << " s) is shorter than a model transfer plus the compute time";
    }
    else if (facts.resultsReceived == 0 && facts.lateResults > 0)
    {
        os << "the workers sent " << facts.resultsSent << " results, " << facts.lateResults
           << " arrived after their iteration had ended and none in time: the deadline ("
           << facts.deadline
           << " s) is shorter than a model transfer, the compute time and a result transfer";
    }
    else if (facts.resultsReceived == 0)
    {
        os << "the workers sent " << facts.resultsSent
           << " results and none arrived: lost on the uplink" << LossNote(facts.lossRate);
    }
    else
    {
        os << facts.resultsReceived << " of " << facts.tasksDispatched
           << " tasks' results arrived in time, but in " << undecoded
           << " iterations too few to decode: stragglers or losses beyond the code's tolerance"
           << LossNote(facts.lossRate);
        if (facts.lateResults > 0)
        {
            os << "; " << facts.lateResults << " results arrived after their iteration had ended";
        }
        os << " (a longer --deadline or a code that tolerates more stragglers helps)";
    }
    causes.push_back(os.str());
    return causes;
}

std::string
RunDiagnosis::Divergence(uint32_t iteration, const std::string& quantity, double learningRate)
{
    std::ostringstream os;
    os << "training diverged in iteration " << iteration << ": " << quantity
       << " is not finite (NaN or infinite). Likely causes: the learning rate (--learningRate="
       << learningRate
       << ") is too large for this model and data (try one 10 times smaller), or the data has "
          "extreme feature values. The outputs are complete up to iteration "
       << iteration << " (outcome diverged in iterations.csv)";
    return os.str();
}

} // namespace coded
} // namespace ns3
