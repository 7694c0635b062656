// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_MODEL_DISTRIBUTOR_H
#define CODED_LEARNING_MODEL_DISTRIBUTOR_H

#include "ns3/iteration-plan.h"
#include "ns3/message-transport.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief How the parameter server gets each iteration's model (MODEL) to its workers.
 *
 * Unicast (the default): one copy per worker that has work, sent when the worker first needs
 * it (SendTo()). Broadcast: one copy for all workers at the start of the iteration
 * (Broadcast(): each chunk once to the subnet's broadcast address, worker field
 * CodedLearningHeader::ALL_WORKERS). Broadcast frames are not acknowledged or retransmitted
 * by the link layer (Wi-Fi), so a worker that misses chunks sends a NACK naming them
 * (WorkerApplication's ModelRepairTimeout); HandleNack() sends those chunks to that worker
 * alone, with the broadcast's identity and FLAG_RETRANSMISSION, so that they complete the
 * same partial message. The transport's byte counter sees the broadcast once and every
 * repair chunk.
 */
class ModelDistributor
{
  public:
    /// How the model travels.
    enum Mode
    {
        UNICAST,  ///< one copy per worker
        BROADCAST ///< one copy for all, missing chunks repaired by unicast after a NACK
    };

    /**
     * \param name "unicast" or "broadcast"
     * \return the mode
     * \throws std::invalid_argument naming the value and what is allowed
     */
    static Mode ParseMode(const std::string& name);

    /**
     * \param transport the server's transport (peer i = worker i); must CanBroadcast() for
     *        BROADCAST
     * \param numWorkers n
     * \param mode the delivery mode
     */
    void Setup(Ptr<MessageTransport> transport, uint32_t numWorkers, Mode mode);

    /// \return the delivery mode
    Mode GetMode() const
    {
        return m_mode;
    }

    /**
     * A new iteration's model; the iteration's counters restart. Unicast: sends it to every
     * worker with a task in the plan (the others get it with their first task, SendTo()).
     * Broadcast: sends it once to all workers.
     * \param iteration the iteration \param bytes its MODEL payload \param flags its flags
     * \param plan the iteration's plan
     */
    void StartIteration(uint32_t iteration,
                        std::vector<uint8_t> bytes,
                        uint8_t flags,
                        const coded::IterationPlan& plan);

    /// Sends the iteration's model to one worker by unicast. \param worker the worker
    void SendTo(uint32_t worker);

    /// \param worker a worker \return whether the model was sent to it this iteration
    bool Has(uint32_t worker) const
    {
        return m_has[worker];
    }

    /**
     * A worker's NACK of the current iteration's broadcast model: sends it the chunks named.
     * \param peer the worker it came from \param info its header fields
     * \param payload its chunk list (EncodeChunkList)
     * \param active whether an iteration is running (else the NACK is refused)
     * \return empty when the chunks were sent, else why the NACK was refused
     */
    std::string HandleNack(uint32_t peer,
                           const MessageInfo& info,
                           const std::vector<uint8_t>& payload,
                           bool active);

    /// \return NACKs answered in the current iteration
    uint32_t IterationNacks() const
    {
        return m_iterationNacks;
    }

    /// \return chunks re-sent after NACKs in the current iteration
    uint64_t IterationRepairChunks() const
    {
        return m_iterationRepairChunks;
    }

    /// \return NACKs answered since the start
    uint64_t TotalNacks() const
    {
        return m_totalNacks;
    }

    /// \return chunks re-sent after NACKs since the start
    uint64_t TotalRepairChunks() const
    {
        return m_totalRepairChunks;
    }

    /// \return chunks of the model broadcast since the start (one per chunk and iteration)
    uint64_t TotalBroadcastChunks() const
    {
        return m_totalBroadcastChunks;
    }

    /// Lets go of the transport.
    void Clear();

  private:
    /// Broadcasts the iteration's model once; every worker counts as having it.
    void Broadcast();

    /// \return the identity of this iteration's MODEL (worker: the one it goes to)
    /// \param worker the worker field
    MessageInfo ModelInfo(uint16_t worker) const;

    Ptr<MessageTransport> m_transport;   //!< the server's transport
    uint32_t m_numWorkers{0};            //!< n
    Mode m_mode{UNICAST};                //!< delivery mode
    uint32_t m_iteration{0};             //!< the model's iteration
    std::vector<uint8_t> m_bytes;        //!< the MODEL payload
    uint8_t m_flags{0};                  //!< its flags
    std::vector<bool> m_has;             //!< per worker: the model was sent to it
    uint32_t m_iterationNacks{0};        //!< NACKs this iteration
    uint64_t m_iterationRepairChunks{0}; //!< repair chunks this iteration
    uint64_t m_totalNacks{0};            //!< NACKs since the start
    uint64_t m_totalRepairChunks{0};     //!< repair chunks since the start
    uint64_t m_totalBroadcastChunks{0};  //!< broadcast chunks since the start
};

} // namespace ns3

#endif // CODED_LEARNING_MODEL_DISTRIBUTOR_H
