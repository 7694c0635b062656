// SPDX-License-Identifier: GPL-2.0-only
#include "lyapunov-admission-policy.h"

#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"

#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LyapunovAdmissionPolicy");

NS_OBJECT_ENSURE_REGISTERED(LyapunovAdmissionPolicy);

TypeId
LyapunovAdmissionPolicy::GetTypeId()
{
    using Controller = coded::LyapunovAdmissionController;
    using Utility = coded::UtilityFunction;
    static TypeId tid =
        TypeId("ns3::LyapunovAdmissionPolicy")
            .SetParent<Object>()
            .SetGroupName("CodedLearning")
            .AddConstructor<LyapunovAdmissionPolicy>()
            .AddAttribute("Slot",
                          "Slot length Delta: the slot scheduler's slot; the queue disc's period "
                          "of the virtual queues and Direct budgets.",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&LyapunovAdmissionPolicy::m_slot),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("V",
                          "Lyapunov penalty weight V > 0 (unit: data unit^2 per unit of "
                          "utility).",
                          DoubleValue(100.0),
                          MakeDoubleAccessor(&LyapunovAdmissionPolicy::m_v),
                          MakeDoubleChecker<double>(std::numeric_limits<double>::min()))
            .AddAttribute(
                "Utility",
                "Utility g of the data admitted per slot (in data units).",
                EnumValue(Utility::LOG1P),
                CODED_LEARNING_MAKE_ENUM_ACCESSOR(coded::UtilityFunction::Kind,
                                                  &LyapunovAdmissionPolicy::m_utilityKind),
                MakeEnumChecker(Utility::LOG,
                                "Log",
                                Utility::LOG1P,
                                "Log1p",
                                Utility::ALPHA_FAIR,
                                "AlphaFair",
                                Utility::LINEAR,
                                "Linear"))
            .AddAttribute("UtilityAlpha",
                          "Exponent alpha >= 0 of the AlphaFair utility.",
                          DoubleValue(2.0),
                          MakeDoubleAccessor(&LyapunovAdmissionPolicy::m_utilityAlpha),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("UtilityEpsilon",
                          "Shift epsilon > 0 (data units per slot) of the Log and AlphaFair "
                          "utilities: g'(0) = 1/epsilon^alpha stays finite.",
                          DoubleValue(0.01),
                          MakeDoubleAccessor(&LyapunovAdmissionPolicy::m_utilityEpsilon),
                          MakeDoubleChecker<double>(1e-12))
            .AddAttribute(
                "Variant",
                "Admission variant: Aux (virtual queues) or Direct.",
                EnumValue(Controller::AUX),
                CODED_LEARNING_MAKE_ENUM_ACCESSOR(coded::LyapunovAdmissionController::Variant,
                                                  &LyapunovAdmissionPolicy::m_variant),
                MakeEnumChecker(Controller::AUX, "Aux", Controller::DIRECT, "Direct"))
            .AddAttribute("PerturbationFactor",
                          "theta_i = PerturbationFactor * b_max,i, b_max,i being the most one "
                          "scheduling decision serves queue i (slot scheduler: the data worker i "
                          "can send in one slot; queue disc: one data unit, so theta_i is the "
                          "factor in data units) unless the holder's SetPerturbation() gives "
                          "theta_i; 0 gives the unperturbed controller.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LyapunovAdmissionPolicy::m_perturbationFactor),
                          MakeDoubleChecker<double>(0.0, 1e9));
    return tid;
}

LyapunovAdmissionPolicy::LyapunovAdmissionPolicy()
    : m_slot(MilliSeconds(1)),
      m_v(100.0),
      m_utilityKind(coded::UtilityFunction::LOG1P),
      m_utilityAlpha(2.0),
      m_utilityEpsilon(0.01),
      m_variant(coded::LyapunovAdmissionController::AUX),
      m_perturbationFactor(1.0)
{
    NS_LOG_FUNCTION(this);
}

LyapunovAdmissionPolicy::~LyapunovAdmissionPolicy()
{
    NS_LOG_FUNCTION(this);
}

coded::LyapunovAdmissionController::Config
LyapunovAdmissionPolicy::MakeConfig(const std::vector<double>& maxService,
                                    const std::map<uint32_t, double>& weights,
                                    const std::map<uint32_t, double>& perturbations) const
{
    NS_LOG_FUNCTION(this << maxService.size());
    const auto n = static_cast<uint32_t>(maxService.size());
    coded::LyapunovAdmissionController::Config c;
    c.numQueues = n;
    c.v = m_v;
    c.utility = coded::UtilityFunction(m_utilityKind, m_utilityAlpha, m_utilityEpsilon);
    c.variant = m_variant;
    c.weights.assign(n, 1.0);
    for (const auto& [queue, weight] : weights)
    {
        if (queue < n)
        {
            c.weights[queue] = weight;
        }
    }
    c.perturbation.clear();
    for (double b : maxService)
    {
        c.perturbation.push_back(m_perturbationFactor * b);
    }
    for (const auto& [queue, theta] : perturbations)
    {
        if (queue < n)
        {
            c.perturbation[queue] = theta;
        }
    }
    return c;
}

Time
LyapunovAdmissionPolicy::GetSlot() const
{
    return m_slot;
}

} // namespace ns3
