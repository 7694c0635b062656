// SPDX-License-Identifier: GPL-2.0-only
#include "wifi-data-frame-error-model.h"

#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/wifi-mac-header.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WifiDataFrameErrorModel");

NS_OBJECT_ENSURE_REGISTERED(WifiDataFrameErrorModel);

TypeId
WifiDataFrameErrorModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::WifiDataFrameErrorModel")
            .SetParent<ErrorModel>()
            .SetGroupName("CodedLearning")
            .AddConstructor<WifiDataFrameErrorModel>()
            .AddAttribute("DataErrorModel",
                          "The error model applied to Wi-Fi data frames (default: none, no "
                          "frame is lost); management, control and null frames always pass.",
                          PointerValue(),
                          MakePointerAccessor(&WifiDataFrameErrorModel::m_data),
                          MakePointerChecker<ErrorModel>());
    return tid;
}

WifiDataFrameErrorModel::WifiDataFrameErrorModel()
    : m_dataFrames(0),
      m_dataCorrupted(0),
      m_otherFrames(0)
{
    NS_LOG_FUNCTION(this);
}

WifiDataFrameErrorModel::~WifiDataFrameErrorModel()
{
    NS_LOG_FUNCTION(this);
}

void
WifiDataFrameErrorModel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_data = nullptr;
    ErrorModel::DoDispose();
}

void
WifiDataFrameErrorModel::SetDataErrorModel(Ptr<ErrorModel> model)
{
    NS_LOG_FUNCTION(this << model);
    m_data = model;
}

Ptr<ErrorModel>
WifiDataFrameErrorModel::GetDataErrorModel() const
{
    return m_data;
}

uint64_t
WifiDataFrameErrorModel::GetDataFrames() const
{
    return m_dataFrames;
}

uint64_t
WifiDataFrameErrorModel::GetDataFramesCorrupted() const
{
    return m_dataCorrupted;
}

uint64_t
WifiDataFrameErrorModel::GetOtherFrames() const
{
    return m_otherFrames;
}

bool
WifiDataFrameErrorModel::DoCorrupt(Ptr<Packet> p)
{
    NS_LOG_FUNCTION(this << p);
    WifiMacHeader header;
    p->PeekHeader(header);
    if (!header.IsData() || !header.HasData())
    {
        ++m_otherFrames;
        return false;
    }
    ++m_dataFrames;
    if (m_data && m_data->IsCorrupt(p))
    {
        ++m_dataCorrupted;
        return true;
    }
    return false;
}

void
WifiDataFrameErrorModel::DoReset()
{
    NS_LOG_FUNCTION(this);
    if (m_data)
    {
        m_data->Reset();
    }
}

} // namespace ns3
