// SPDX-License-Identifier: GPL-2.0-only
#include "ns3-random-source.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ns3RandomSource");

NS_OBJECT_ENSURE_REGISTERED(Ns3RandomSource);

TypeId
Ns3RandomSource::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Ns3RandomSource")
                            .SetParent<Object>()
                            .SetGroupName("CodedLearning")
                            .AddConstructor<Ns3RandomSource>();
    return tid;
}

Ns3RandomSource::Ns3RandomSource()
    : m_uniform(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

double
Ns3RandomSource::Uniform()
{
    return m_uniform->GetValue(0.0, 1.0);
}

int64_t
Ns3RandomSource::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_uniform->SetStream(stream);
    return 1;
}

void
Ns3RandomSource::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_uniform = nullptr;
    Object::DoDispose();
}

} // namespace ns3
