// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_WIFI_DATA_FRAME_ERROR_MODEL_H
#define CODED_LEARNING_WIFI_DATA_FRAME_ERROR_MODEL_H

#include "ns3/error-model.h"
#include "ns3/ptr.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup coded-learning
 * A Wi-Fi PHY post-reception error model that applies another error model to data frames
 * only (MPDUs of a data type with a payload: the frames carrying IP and ARP packets).
 * Management frames (association, ADDBA Request/Response), control frames (Ack, Block Ack,
 * BlockAckReq, RTS/CTS) and null data frames always pass, and do not consume draws of the
 * inner model.
 *
 * The packet a WifiPhy hands to its post-reception error model starts with the MPDU's
 * WifiMacHeader (ns-3.35 to 3.37 check every MPDU, also those of an A-MPDU, separately).
 * Corrupting the Ack of an ADDBA Response made ns-3.37 dereference a missing Block Ack
 * agreement (see doc/networks.rst, "Loss").
 */
class WifiDataFrameErrorModel : public ErrorModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    WifiDataFrameErrorModel();
    ~WifiDataFrameErrorModel() override;

    /**
     * Set the error model applied to data frames.
     * \param model the model (null: no data frame is lost)
     */
    void SetDataErrorModel(Ptr<ErrorModel> model);

    /// \return the error model applied to data frames
    Ptr<ErrorModel> GetDataErrorModel() const;

    /// \return the number of data frames seen
    uint64_t GetDataFrames() const;

    /// \return the number of data frames the inner model corrupted
    uint64_t GetDataFramesCorrupted() const;

    /// \return the number of other frames (management, control, null data) passed unchanged
    uint64_t GetOtherFrames() const;

  protected:
    /// Releases the inner model.
    void DoDispose() override;

  private:
    /**
     * \param p the MPDU as the PHY hands it over: WifiMacHeader, payload, FCS
     * \return true if p is a data frame with a payload and the inner model corrupts it
     */
    bool DoCorrupt(Ptr<Packet> p) override;
    /// Resets the inner model.
    void DoReset() override;

    Ptr<ErrorModel> m_data;   //!< the model applied to data frames
    uint64_t m_dataFrames;    //!< data frames seen
    uint64_t m_dataCorrupted; //!< data frames corrupted
    uint64_t m_otherFrames;   //!< other frames passed
};

} // namespace ns3

#endif // CODED_LEARNING_WIFI_DATA_FRAME_ERROR_MODEL_H
