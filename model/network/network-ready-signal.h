// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_NETWORK_READY_SIGNAL_H
#define CODED_LEARNING_NETWORK_READY_SIGNAL_H

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/simple-ref-count.h"

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief When a network can carry traffic between the server and every worker: fired once
 * (at time 0 on wired networks, once every station is associated on Wi-Fi), it records the
 * time and calls the ready callback.
 *
 * Reference counted, so that the events and trace connections that fire it keep it alive
 * after the helper that made it is gone.
 */
class NetworkReadySignal : public SimpleRefCount<NetworkReadySignal>
{
  public:
    NetworkReadySignal();

    /**
     * \param callback what to call when the network becomes ready (at once if it already is)
     */
    void SetCallback(Callback<void> callback);

    /// Marks the network ready and calls the callback; later calls do nothing.
    void Fire();

    /// \return whether the network is ready
    bool IsReady() const;

    /// \return when the network became ready (meaningful once IsReady())
    Time GetReadyTime() const;

  private:
    bool m_ready;              //!< whether ready
    Time m_readyTime;          //!< when it became ready
    Callback<void> m_callback; //!< what to call when ready
};

} // namespace ns3

#endif // CODED_LEARNING_NETWORK_READY_SIGNAL_H
