// SPDX-License-Identifier: GPL-2.0-only
#include "model-distributor.h"

#include "ns3/abort.h"
#include "ns3/coded-learning-header.h"
#include "ns3/wire-codec.h"

#include <stdexcept>

namespace ns3
{

ModelDistributor::Mode
ModelDistributor::ParseMode(const std::string& name)
{
    if (name == "unicast")
    {
        return UNICAST;
    }
    if (name == "broadcast")
    {
        return BROADCAST;
    }
    throw std::invalid_argument("model delivery '" + name +
                                "' is unknown; allowed: unicast, broadcast");
}

void
ModelDistributor::Setup(Ptr<MessageTransport> transport, uint32_t numWorkers, Mode mode)
{
    NS_ABORT_MSG_IF(mode == BROADCAST && !transport->CanBroadcast(),
                    "ModelDelivery=broadcast: the transport "
                        << transport->GetInstanceTypeId().GetName()
                        << " cannot broadcast (it needs UDP on one subnet: Wi-Fi or CSMA)");
    m_transport = transport;
    m_numWorkers = numWorkers;
    m_mode = mode;
    m_has.assign(numWorkers, false);
}

void
ModelDistributor::StartIteration(uint32_t iteration,
                                 std::vector<uint8_t> bytes,
                                 uint8_t flags,
                                 const coded::IterationPlan& plan)
{
    m_iteration = iteration;
    m_bytes = std::move(bytes);
    m_flags = flags;
    m_has.assign(m_numWorkers, false);
    m_iterationNacks = 0;
    m_iterationRepairChunks = 0;
    if (m_mode == BROADCAST)
    {
        Broadcast();
        return;
    }
    // The model goes to the workers with work (all of them for the single-stage schemes); a
    // worker that gets stage-2 work later gets it then (SendTo()).
    for (uint32_t w = 0; w < m_numWorkers; ++w)
    {
        if (!plan.TasksOfWorker(w).empty())
        {
            SendTo(w);
        }
    }
}

MessageInfo
ModelDistributor::ModelInfo(uint16_t worker) const
{
    MessageInfo info;
    info.type = CodedLearningHeader::MODEL;
    info.iteration = m_iteration;
    info.worker = worker;
    info.flags = m_flags;
    return info;
}

void
ModelDistributor::Broadcast()
{
    m_transport->Broadcast(ModelInfo(CodedLearningHeader::ALL_WORKERS), m_bytes);
    m_totalBroadcastChunks += m_transport->ChunkSizes(m_bytes.size()).size();
    m_has.assign(m_numWorkers, true);
}

void
ModelDistributor::SendTo(uint32_t worker)
{
    m_transport->Send(worker, ModelInfo(static_cast<uint16_t>(worker)), m_bytes);
    m_has[worker] = true;
}

std::string
ModelDistributor::HandleNack(uint32_t peer,
                             const MessageInfo& info,
                             const std::vector<uint8_t>& payload,
                             bool active)
{
    if (m_mode != BROADCAST)
    {
        return "NACK without a model broadcast";
    }
    if (!active)
    {
        return "NACK between iterations";
    }
    if (info.iteration != m_iteration || info.worker != peer)
    {
        return "NACK of iteration " + std::to_string(info.iteration) + " from worker " +
               std::to_string(peer) + " (current model: iteration " + std::to_string(m_iteration) +
               ")";
    }
    const auto count = static_cast<uint32_t>(m_transport->ChunkSizes(m_bytes.size()).size());
    std::vector<uint32_t> chunks;
    try
    {
        chunks = coded::DecodeChunkList(payload.data(), payload.size(), count);
    }
    catch (const std::exception& e)
    {
        return std::string("bad NACK: ") + e.what();
    }
    if (chunks.empty())
    {
        return "NACK naming no chunk";
    }
    MessageInfo repair = ModelInfo(CodedLearningHeader::ALL_WORKERS);
    repair.flags |= CodedLearningHeader::FLAG_RETRANSMISSION;
    m_transport->SendChunks(peer, repair, m_bytes, chunks);
    ++m_iterationNacks;
    ++m_totalNacks;
    m_iterationRepairChunks += chunks.size();
    m_totalRepairChunks += chunks.size();
    return "";
}

void
ModelDistributor::Clear()
{
    m_transport = nullptr;
    m_bytes.clear();
}

} // namespace ns3
