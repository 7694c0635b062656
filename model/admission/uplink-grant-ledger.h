// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_UPLINK_GRANT_LEDGER_H
#define CODED_LEARNING_UPLINK_GRANT_LEDGER_H

#include <cstdint>
#include <deque>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * \brief Identifies one upload (one RESULT message) of a worker.
 */
struct UploadId
{
    uint32_t iteration{0}; //!< the iteration
    uint32_t task{0};      //!< the coding task id
    uint32_t stage{0};     //!< the coding stage

    /// \param o another id \return whether both name the same upload
    bool operator==(const UploadId& o) const;
};

/**
 * \ingroup coded-learning
 * \brief Chunks of one upload that a worker may send now.
 */
struct ChunkGrant
{
    UploadId upload;             //!< the upload
    std::vector<uint32_t> fresh; //!< chunks never granted before (ascending)
    std::vector<uint32_t> again; //!< chunks granted before whose grant expired (ascending)
    uint64_t bytes{0};           //!< their payload bytes
};

/**
 * \ingroup coded-learning
 * \brief The server's book of the real uplink under admission control (the "measured"
 * channel of LyapunovSlotScheduler): which chunks of each worker's uploads are admitted,
 * granted, in flight, arrived or lost, and the per-worker rate estimate r_i the scheduler
 * uses as capacity.
 *
 * Per worker, uploads are kept in the order they were added; their bytes form one stream.
 * Admit() moves the admitted frontier of that stream forward (the controller's a_i); a chunk
 * can be granted once its last byte is admitted. Grant() hands out pending chunks in stream
 * order (chunks whose earlier grant expired come first as they are the oldest) while their
 * bytes fit the budget plus the credit: when the next chunk does not fit, what is left of
 * the budget is kept as credit for the worker's next grant (deficit round robin: a budget
 * smaller than a chunk still lets the chunk go after a few slots); the credit is less than
 * that chunk, and it is dropped when nothing is left to grant. So the bytes granted in one
 * call never exceed the budget plus less than one chunk, and the bytes granted over a run
 * never exceed the budgets given. A granted chunk is in flight
 * until it arrives (OnChunkArrived(): the bytes the backlog Q_i loses) or until its grant is
 * older than the timeout (ExpireGrants()): then it is pending again and will be granted and
 * sent again (its loss is repaired by the next grant).
 *
 * Rate estimate (bytes per second): initialised to Config::initialRate; every grant of two or
 * more chunks that completes or expires gives a sample, the bytes of its arrived chunks after
 * the first over the time from the first to the last arrival, times the fraction of its bytes
 * that arrived (a goodput: the time the grant takes to reach the worker is not counted, lost
 * chunks are). The estimate is an exponentially weighted average with weight `rateGain` of
 * the new sample, and never falls below `minRate` (so that a worker whose grants were lost
 * keeps being scheduled and measured). A grant of one chunk gives no sample.
 *
 * Pure bookkeeping: no simulator, times are passed in seconds.
 */
class UplinkGrantLedger
{
  public:
    /// The parameters; Validate() says what is wrong with them.
    struct Config
    {
        uint32_t numWorkers{1};    //!< workers >= 1
        double initialRate{2.5e6}; //!< initial r_i (bytes/s) > 0
        double minRate{2.5e4};     //!< lower bound of r_i (bytes/s), in (0, initialRate]
        double rateGain{0.25};     //!< EWMA weight of a new sample, in (0, 1]
        double timeout{0.1};       //!< seconds after which an unfinished grant expires (> 0)
    };

    /// Counters of the ledger (bytes are chunk payload bytes).
    struct Counters
    {
        uint64_t offeredBytes{0};    //!< bytes of the uploads added
        uint64_t grantedBytes{0};    //!< bytes granted (again-granted chunks counted again)
        uint64_t arrivedBytes{0};    //!< bytes arrived (first arrival of each chunk)
        uint64_t expiredBytes{0};    //!< bytes whose grant expired before they arrived
        uint64_t regrantedChunks{0}; //!< chunks granted again after an expiry
        uint64_t duplicateChunks{0}; //!< arrivals of chunks already arrived or unknown
        uint64_t rateSamples{0};     //!< samples that entered a rate estimate
    };

    /**
     * \param config the parameters
     * \throws std::invalid_argument naming the bad parameter, its value and the allowed range
     */
    explicit UplinkGrantLedger(const Config& config);

    /// \param config the parameters to check \throws std::invalid_argument if out of range
    static void Validate(const Config& config);

    /**
     * Adds an upload at the end of a worker's stream.
     * \param worker the worker
     * \param id the upload (must not be in the worker's stream already)
     * \param chunkBytes payload bytes of each chunk, in chunk index order (not empty)
     * \throws std::invalid_argument for a duplicate id or an empty chunk list
     */
    void AddUpload(uint32_t worker, const UploadId& id, const std::vector<uint32_t>& chunkBytes);

    /// \param worker the worker \param id an upload \return whether it is in the stream
    bool HasUpload(uint32_t worker, const UploadId& id) const;

    /// \param worker the worker \param bytes data admitted (moves the frontier forward)
    void Admit(uint32_t worker, double bytes);

    /**
     * Grants pending, admitted chunks in stream order while they fit the budget plus the
     * credit kept from the worker's last grant.
     * \param worker the worker
     * \param budget bytes the worker may send (b_i(t) in bytes)
     * \param now the time (s)
     * \return one entry per upload with granted chunks; total bytes <= budget + credit
     */
    std::vector<ChunkGrant> Grant(uint32_t worker, double budget, double now);

    /**
     * A chunk arrived at the server.
     * \param worker the worker \param id its upload \param chunk its index \param now time (s)
     * \return its bytes when it is a granted chunk arriving for the first time, else 0
     */
    uint64_t OnChunkArrived(uint32_t worker, const UploadId& id, uint32_t chunk, double now);

    /**
     * Returns the in-flight chunks of grants older than the timeout to the pending state.
     * \param now the time (s)
     * \return the bytes returned
     */
    uint64_t ExpireGrants(double now);

    /// Forgets a worker's uploads and grants (its rate estimate is kept). \param worker it
    void Flush(uint32_t worker);

    /// \param worker the worker \return r_i (bytes/s)
    double Rate(uint32_t worker) const;
    /// \param worker the worker \return bytes added and not yet arrived (Q_i + R_i in bytes)
    uint64_t Outstanding(uint32_t worker) const;
    /// \param worker the worker \return bytes granted and neither arrived nor expired
    uint64_t InFlight(uint32_t worker) const;
    /// \param worker the worker \return admitted bytes that can be granted now
    uint64_t Grantable(uint32_t worker) const;
    /// \param worker the worker \return its credit (bytes, less than its next chunk)
    double Credit(uint32_t worker) const;
    /// \return the counters
    const Counters& GetCounters() const;
    /// \return the number of workers
    uint32_t NumWorkers() const;

  private:
    /// State of one chunk.
    enum class ChunkState : uint8_t
    {
        PENDING,   ///< not granted, or its grant expired
        IN_FLIGHT, ///< granted, not arrived
        ARRIVED    ///< arrived
    };

    /// One upload in a worker's stream.
    struct Upload
    {
        UploadId id;                     //!< its identity
        std::vector<uint32_t> bytes;     //!< payload bytes per chunk
        std::vector<ChunkState> state;   //!< state per chunk
        std::vector<uint32_t> grant;     //!< grant serial of an in-flight chunk
        std::vector<bool> grantedBefore; //!< whether the chunk was granted before
        double start{0.0};               //!< stream offset of its first byte
    };

    /// One grant (of one worker in one slot).
    struct GrantRecord
    {
        uint32_t serial{0};        //!< its serial number
        double time{0.0};          //!< when it was made
        uint64_t bytes{0};         //!< bytes granted
        uint32_t chunks{0};        //!< chunks granted
        uint32_t remaining{0};     //!< chunks neither arrived nor expired
        uint64_t arrivedBytes{0};  //!< bytes arrived
        uint32_t arrivedChunks{0}; //!< chunks arrived
        uint64_t firstBytes{0};    //!< bytes of the first chunk that arrived
        double firstArrival{0.0};  //!< time of the first arrival
        double lastArrival{0.0};   //!< time of the last arrival
    };

    /// Everything about one worker.
    struct Worker
    {
        std::deque<Upload> uploads;     //!< its stream
        std::deque<GrantRecord> grants; //!< grants not finished
        double streamEnd{0.0};          //!< bytes added to the stream (current uploads)
        double admitted{0.0};           //!< admitted frontier (stream offset)
        uint64_t outstanding{0};        //!< bytes added and not arrived
        uint64_t inFlight{0};           //!< bytes in flight
        double rate{0.0};               //!< r_i (bytes/s)
        double credit{0.0};             //!< budget kept from the last grant (bytes)
        uint32_t nextSerial{0};         //!< serial of the next grant
    };

    /// \param worker an index \return its state \throws std::out_of_range for a bad index
    Worker& At(uint32_t worker);
    /// \param worker an index \return its state \throws std::out_of_range for a bad index
    const Worker& At(uint32_t worker) const;
    /// Removes finished grants and uploads whose chunks all arrived. \param w the worker
    void Prune(Worker& w);
    /// Feeds a finished grant's sample into the rate estimate. \param w worker \param g grant
    void Sample(Worker& w, const GrantRecord& g);

    Config m_config;               //!< parameters
    std::vector<Worker> m_workers; //!< per worker
    Counters m_counters;           //!< counters
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_UPLINK_GRANT_LEDGER_H
