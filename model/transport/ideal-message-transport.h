// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_IDEAL_MESSAGE_TRANSPORT_H
#define CODED_LEARNING_IDEAL_MESSAGE_TRANSPORT_H

#include "message-transport.h"

#include "ns3/node.h"

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The oracle network: a message reaches its peer in zero simulated time, whole, with
 * no packets, no loss and no contention. Used to separate the cost of the network from the
 * cost of computing and coding. Bytes are still counted as if sent (payload only, no header).
 */
class IdealMessageTransport : public MessageTransport
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    IdealMessageTransport() = default;

    /**
     * \param node the node this endpoint lives on (events run in its context)
     */
    void SetNode(Ptr<Node> node);

    /**
     * Connect this endpoint to a peer.
     * \param peer the peer's endpoint (appended: the first call makes peer 0, ...)
     * \param indexAtPeer the number by which the peer knows this endpoint
     */
    void AddPeer(Ptr<IdealMessageTransport> peer, uint32_t indexAtPeer);

    void Start() override;
    void Stop() override;
    void Send(uint32_t peer, const MessageInfo& info, const std::vector<uint8_t>& payload) override;

  protected:
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

  private:
    /// Delivery at the receiving endpoint.
    /// \param fromPeer the sender \param info header fields \param payload the message
    void Receive(uint32_t fromPeer, MessageInfo info, std::vector<uint8_t> payload);

    Ptr<Node> m_node;                                //!< node
    std::vector<Ptr<IdealMessageTransport>> m_peers; //!< peers
    std::vector<uint32_t> m_indexAtPeer;             //!< our number at each peer
    bool m_running{false};                           //!< between Start() and Stop()
};

} // namespace ns3

#endif // CODED_LEARNING_IDEAL_MESSAGE_TRANSPORT_H
