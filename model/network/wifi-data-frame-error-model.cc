// SPDX-License-Identifier: GPL-2.0-only
#include "wifi-data-frame-error-model.h"

#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/wifi-mac-header.h"

#include <algorithm>

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

namespace
{

/**
 * Whether a frame given to a WifiPhy PostReceptionErrorModel is a data frame with data.
 * \param p the frame as the error model sees it
 * \return true for a data frame carrying an MSDU
 */
bool
IsDataFrameWithData(Ptr<const Packet> p)
{
#if CODED_LEARNING_WIFI_ERROR_MODEL_SEES_MAC_HEADER
    // up to ns-3.42: the whole MPDU, MAC header first
    if (p->GetSize() < 10) // shorter than the smallest MAC header (Ack, CTS)
    {
        return false;
    }
    WifiMacHeader header;
    p->PeekHeader(header);
    return header.IsData() && header.HasData();
#else
    // ns-3.43 and later: only the MPDU's payload, without MAC header. A data frame's MSDU
    // starts with the LLC/SNAP header AA-AA-03-00-00-00; management frame bodies, Block Ack
    // (Request) bodies and the empty payloads of Ack, CTS and QoS Null frames do not.
    // (A-MSDUs, off by default, start with a subframe header and count as "other".)
    static const uint8_t llcSnap[6] = {0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00};
    uint8_t start[6];
    return p->GetSize() >= 8 && p->CopyData(start, 6) == 6 && std::equal(start, start + 6, llcSnap);
#endif
}

} // namespace

bool
WifiDataFrameErrorModel::DoCorrupt(Ptr<Packet> p)
{
    NS_LOG_FUNCTION(this << p);
    if (!IsDataFrameWithData(p))
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
