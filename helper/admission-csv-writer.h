// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ADMISSION_CSV_WRITER_H
#define CODED_LEARNING_ADMISSION_CSV_WRITER_H

#include "ns3/lyapunov-slot-scheduler.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Writes the time series of a LyapunovSlotScheduler (the server's uplink admission) to
 * a CSV file, one row every Interval slots, from the scheduler's Admitted, Backlog and Slot
 * trace sources, flushed as it goes.
 *
 * Columns (amounts in the scheduler's data unit, PacketSize bytes, default 1500 B):
 * time_s (simulated time at the end of the slot), slot (index k from 0), total_backlog
 * (sum_i Q_i after the slot), total_virtual_backlog (sum_i Z_i), total_reservoir (sum_i R_i:
 * reported data not yet admitted), admitted_total and delivered_total (cumulative sums over
 * workers and slots), jain_admitted (Jain's index of the per-worker data admitted so far; 1
 * while nothing was admitted), min_admitted_share and max_admitted_share (the smallest and
 * largest worker's share of the data admitted so far; 0 while nothing was admitted).
 *
 * Sampling keeps every information in the cumulative columns; the backlogs are the values
 * after the sampled slot. No wall-clock values: the same run gives the same bytes.
 */
class AdmissionCsvWriter
{
  public:
    /**
     * Opens the file and writes the header line.
     * \param path the CSV file
     * \param interval write a row every this many slots (>= 1): after slots interval - 1,
     *        2 interval - 1, ...
     * \throws std::runtime_error if the file cannot be written, std::invalid_argument if
     *         interval is 0
     */
    AdmissionCsvWriter(const std::string& path, uint32_t interval);

    /**
     * Follows a scheduler's traces. Call once, before the simulation runs.
     * \param scheduler the scheduler (its NumQueues is read at every slot)
     */
    void Connect(Ptr<LyapunovSlotScheduler> scheduler);

    /// \return the data admitted so far per worker (data units), indexed by queue
    const std::vector<double>& GetAdmittedPerWorker() const
    {
        return m_admitted;
    }

    /// \return rows written
    uint32_t GetRows() const
    {
        return m_rows;
    }

  private:
    /// Admitted trace sink. \param queue i \param offered A_i \param admitted a_i
    void OnAdmitted(uint32_t queue, double offered, double admitted);
    /// Backlog trace sink. \param queue i \param backlog Q_i \param virtualBacklog Z_i
    void OnBacklog(uint32_t queue, double backlog, double virtualBacklog);
    /// Slot trace sink. \param slot k \param admitted total a \param delivered total
    /// \param wasted total wasted
    void OnSlot(uint64_t slot, double admitted, double delivered, double wasted);
    /// \param queue make the per-queue vectors at least queue + 1 long
    void Grow(uint32_t queue);

    std::string m_path;                 //!< file
    std::ofstream m_out;                //!< stream
    uint32_t m_interval;                //!< slots between rows
    uint32_t m_rows{0};                 //!< rows written
    Ptr<LyapunovSlotScheduler> m_sched; //!< the scheduler
    std::vector<double> m_admitted;     //!< cumulative admitted per queue
    std::vector<double> m_backlog;      //!< Q_i after the last slot
    std::vector<double> m_virtual;      //!< Z_i after the last slot
    double m_delivered{0};              //!< cumulative delivered
    double m_wasted{0};                 //!< cumulative wasted service
};

} // namespace ns3

#endif // CODED_LEARNING_ADMISSION_CSV_WRITER_H
