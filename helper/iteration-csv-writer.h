// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ITERATION_CSV_WRITER_H
#define CODED_LEARNING_ITERATION_CSV_WRITER_H

#include "ns3/iteration-record.h"
#include "ns3/parameter-server-application.h"

#include <fstream>
#include <string>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Writes one CSV row per iteration from the server's IterationEnd trace, flushed as it
 * goes (a crashed or stopped run keeps every finished row). Columns:
 * scheme,iteration,sim_time_s,iteration_time_s,compute_load,tasks,results_received,decoded,
 * decode_residual,bytes_up,bytes_down,chunks_lost,stage_two,stage_two_tasks,train_loss,
 * test_accuracy (empty where not measured),outcome (decoded, deadline or diverged: why the
 * iteration ended, IterationRecord::outcome), then the energy of the iteration (J; empty where
 * not modelled, doc/energy.rst): radio_energy_j,compute_energy_j,energy_j (the two added),
 * max_worker_energy_j,server_radio_energy_j, and workers_alive,alive (the count and one 0/1
 * per worker: whose battery still holds). No wall-clock values: the same run gives the same
 * bytes.
 */
class IterationCsvWriter
{
  public:
    /**
     * Opens the file and writes the header line.
     * \param path the CSV file (std::runtime_error if it cannot be written)
     */
    explicit IterationCsvWriter(const std::string& path);

    /// \param server the server whose IterationEnd trace to follow (its records carry no
    ///        energy: CodedLearningRun writes the rows itself, after EnergyAccountingHelper
    ///        filled them in)
    void Connect(Ptr<ParameterServerApplication> server);

    /// \param record one iteration, appended as a row
    void Write(const IterationRecord& record);

    /// \return rows written
    uint32_t GetRows() const
    {
        return m_rows;
    }

  private:
    std::string m_path;  //!< file
    std::ofstream m_out; //!< stream
    uint32_t m_rows{0};  //!< rows written
};

} // namespace ns3

#endif // CODED_LEARNING_ITERATION_CSV_WRITER_H
