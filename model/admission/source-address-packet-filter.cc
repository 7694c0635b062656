// SPDX-License-Identifier: GPL-2.0-only
#include "source-address-packet-filter.h"

#include "ns3/ipv4-queue-disc-item.h"
#include "ns3/log.h"

#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SourceAddressPacketFilter");

NS_OBJECT_ENSURE_REGISTERED(SourceAddressPacketFilter);

TypeId
SourceAddressPacketFilter::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SourceAddressPacketFilter")
                            .SetParent<Ipv4PacketFilter>()
                            .SetGroupName("CodedLearning")
                            .AddConstructor<SourceAddressPacketFilter>();
    return tid;
}

SourceAddressPacketFilter::SourceAddressPacketFilter()
{
    NS_LOG_FUNCTION(this);
}

SourceAddressPacketFilter::~SourceAddressPacketFilter()
{
    NS_LOG_FUNCTION(this);
}

void
SourceAddressPacketFilter::SetAddresses(const std::vector<Ipv4Address>& addresses)
{
    std::map<Ipv4Address, int32_t> classOf;
    for (uint32_t i = 0; i < addresses.size(); ++i)
    {
        if (!classOf.emplace(addresses[i], static_cast<int32_t>(i)).second)
        {
            std::ostringstream text;
            text << addresses[i];
            throw std::invalid_argument(
                "SourceAddressPacketFilter: address " + text.str() + " of class " +
                std::to_string(i) + " is already the address of class " +
                std::to_string(classOf[addresses[i]]) + " (allowed: each address once)");
        }
    }
    m_classOf = classOf;
}

uint32_t
SourceAddressPacketFilter::GetNAddresses() const
{
    return static_cast<uint32_t>(m_classOf.size());
}

int32_t
SourceAddressPacketFilter::DoClassify(Ptr<QueueDiscItem> item) const
{
    Ptr<Ipv4QueueDiscItem> ipv4 = DynamicCast<Ipv4QueueDiscItem>(item);
    if (!ipv4)
    {
        return PF_NO_MATCH;
    }
    const auto it = m_classOf.find(ipv4->GetHeader().GetSource());
    if (it == m_classOf.end())
    {
        NS_LOG_LOGIC("no class for source " << ipv4->GetHeader().GetSource());
        return PF_NO_MATCH;
    }
    return it->second;
}

} // namespace ns3
