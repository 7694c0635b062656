// SPDX-License-Identifier: GPL-2.0-only
#include "compute-time-model.h"

#include "ns3/abort.h"
#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"

#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ComputeTimeModel");

NS_OBJECT_ENSURE_REGISTERED(ComputeTimeModel);

TypeId
ComputeTimeModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ComputeTimeModel")
            .SetParent<Object>()
            .SetGroupName("CodedLearning")
            .AddConstructor<ComputeTimeModel>()
            .AddAttribute("Distribution",
                          "Distribution of the per-unit time u.",
                          EnumValue(ComputeTimeModel::SHIFTED_EXPONENTIAL),
                          CODED_LEARNING_MAKE_ENUM_ACCESSOR(ComputeTimeModel::Distribution,
                                                            &ComputeTimeModel::m_distribution),
                          MakeEnumChecker(ComputeTimeModel::SHIFTED_EXPONENTIAL,
                                          "shifted-exponential",
                                          ComputeTimeModel::PARETO,
                                          "pareto",
                                          ComputeTimeModel::BIMODAL,
                                          "bimodal",
                                          ComputeTimeModel::DETERMINISTIC,
                                          "deterministic"))
            .AddAttribute("LoadScaling",
                          "proportional: T = l*u; additive: T = l*a + (u - a).",
                          EnumValue(ComputeTimeModel::PROPORTIONAL),
                          CODED_LEARNING_MAKE_ENUM_ACCESSOR(ComputeTimeModel::LoadScaling,
                                                            &ComputeTimeModel::m_scaling),
                          MakeEnumChecker(ComputeTimeModel::PROPORTIONAL,
                                          "proportional",
                                          ComputeTimeModel::ADDITIVE,
                                          "additive"))
            .AddAttribute("UnitTime",
                          "Time of one unit of u for a load of one partition.",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&ComputeTimeModel::m_unitTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("Shift",
                          "a: the minimum per-unit time (shifted exponential, bimodal, "
                          "deterministic).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&ComputeTimeModel::m_shift),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("Rate",
                          "mu: rate of the exponential part (its mean is 1/mu).",
                          DoubleValue(2.0),
                          MakeDoubleAccessor(&ComputeTimeModel::m_rate),
                          MakeDoubleChecker<double>(1e-9))
            .AddAttribute("ParetoScale",
                          "t_min: the smallest Pareto draw.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&ComputeTimeModel::m_paretoScale),
                          MakeDoubleChecker<double>(1e-12))
            .AddAttribute("ParetoShape",
                          "alpha: the Pareto tail index (mean finite for alpha > 1).",
                          DoubleValue(1.5),
                          MakeDoubleAccessor(&ComputeTimeModel::m_paretoShape),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("BimodalProbability",
                          "p: probability of the slow mode.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&ComputeTimeModel::m_bimodalProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("BimodalFactor",
                          "beta: slow-down of the slow mode.",
                          DoubleValue(8.0),
                          MakeDoubleAccessor(&ComputeTimeModel::m_bimodalFactor),
                          MakeDoubleChecker<double>(1.0))
            .AddAttribute("SlowdownFactor",
                          "Persistent slow-down of this worker (1 = nominal).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&ComputeTimeModel::m_slowdown),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("TransientProbability",
                          "Probability that a task is slowed down transiently.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ComputeTimeModel::m_transientProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("TransientFactor",
                          "Slow-down of a transiently slowed task.",
                          DoubleValue(5.0),
                          MakeDoubleAccessor(&ComputeTimeModel::m_transientFactor),
                          MakeDoubleChecker<double>(1.0));
    return tid;
}

ComputeTimeModel::ComputeTimeModel()
    : m_exponential(CreateObject<ExponentialRandomVariable>()),
      m_pareto(CreateObject<ParetoRandomVariable>()),
      m_bimodal(CreateObject<UniformRandomVariable>()),
      m_transient(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

double
ComputeTimeModel::DrawUnit()
{
    switch (m_distribution)
    {
    case SHIFTED_EXPONENTIAL:
        return m_shift + m_exponential->GetValue(1.0 / m_rate, 0.0);
    case PARETO:
        return m_pareto->GetValue(m_paretoScale, m_paretoShape, 0.0);
    case BIMODAL:
        return m_shift * (m_bimodal->GetValue() < m_bimodalProbability ? m_bimodalFactor : 1.0);
    case DETERMINISTIC:
        return m_shift;
    }
    return m_shift;
}

Time
ComputeTimeModel::Sample(double load)
{
    NS_LOG_FUNCTION(this << load);
    NS_ABORT_MSG_IF(!(load >= 0.0) || !std::isfinite(load),
                    "ComputeTimeModel::Sample: load " << load << " must be finite and >= 0");
    const double u = DrawUnit();
    double z = 1.0;
    if (m_transientProbability > 0.0 && m_transient->GetValue() < m_transientProbability)
    {
        z = m_transientFactor;
    }
    const double units =
        m_scaling == PROPORTIONAL ? load * u : load * m_shift + std::max(0.0, u - m_shift);
    return Seconds(m_unitTime.GetSeconds() * m_slowdown * z * units);
}

double
ComputeTimeModel::MeanUnitTime() const
{
    switch (m_distribution)
    {
    case SHIFTED_EXPONENTIAL:
        return m_shift + 1.0 / m_rate;
    case PARETO:
        return m_paretoShape > 1.0 ? m_paretoShape * m_paretoScale / (m_paretoShape - 1.0)
                                   : std::numeric_limits<double>::infinity();
    case BIMODAL:
        return m_shift * (1.0 + m_bimodalProbability * (m_bimodalFactor - 1.0));
    case DETERMINISTIC:
        return m_shift;
    }
    return m_shift;
}

int64_t
ComputeTimeModel::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_exponential->SetStream(stream);
    m_pareto->SetStream(stream + 1);
    m_bimodal->SetStream(stream + 2);
    m_transient->SetStream(stream + 3);
    return 4;
}

void
ComputeTimeModel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_exponential = nullptr;
    m_pareto = nullptr;
    m_bimodal = nullptr;
    m_transient = nullptr;
    Object::DoDispose();
}

} // namespace ns3
