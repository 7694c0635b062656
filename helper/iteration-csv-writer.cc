// SPDX-License-Identifier: GPL-2.0-only
#include "iteration-csv-writer.h"

#include "ns3/callback.h"

#include <cmath>
#include <iomanip>
#include <stdexcept>

namespace ns3
{

namespace
{

/// Writes a value, or nothing for NaN.
void
Optional(std::ostream& os, double v)
{
    if (!std::isnan(v))
    {
        os << v;
    }
}

} // namespace

IterationCsvWriter::IterationCsvWriter(const std::string& path)
    : m_path(path),
      m_out(path)
{
    if (!m_out)
    {
        throw std::runtime_error("cannot write '" + path + "'");
    }
    m_out << "scheme,iteration,sim_time_s,iteration_time_s,compute_load,tasks,results_received,"
             "decoded,decode_residual,bytes_up,bytes_down,chunks_lost,stage_two,stage_two_tasks,"
             "train_loss,test_accuracy,outcome,radio_energy_j,compute_energy_j,energy_j,"
             "max_worker_energy_j,server_radio_energy_j,workers_alive,alive\n";
    m_out << std::setprecision(10);
    m_out.flush();
}

void
IterationCsvWriter::Connect(Ptr<ParameterServerApplication> server)
{
    server->TraceConnectWithoutContext("IterationEnd",
                                       MakeCallback(&IterationCsvWriter::Write, this));
}

void
IterationCsvWriter::Write(const IterationRecord& r)
{
    m_out << r.scheme << ',' << r.iteration << ',' << r.endTime << ',' << r.Duration() << ','
          << r.computeLoad << ',' << r.tasks << ',' << r.resultsReceived << ','
          << (r.decoded ? 1 : 0) << ',';
    Optional(m_out, r.decodeResidual);
    m_out << ',' << r.bytesUp << ',' << r.bytesDown << ',' << r.chunksLost << ','
          << (r.stageTwo ? 1 : 0) << ',' << r.stageTwoTasks << ',';
    Optional(m_out, r.trainLoss);
    m_out << ',';
    Optional(m_out, r.testAccuracy);
    m_out << ',' << r.outcome;
    for (double v :
         {r.radioEnergy, r.computeEnergy, r.Energy(), r.maxWorkerEnergy, r.serverRadioEnergy})
    {
        m_out << ',';
        Optional(m_out, v);
    }
    m_out << ',';
    if (!r.alive.empty())
    {
        m_out << r.WorkersAlive();
    }
    m_out << ',' << r.alive << '\n';
    m_out.flush();
    if (!m_out)
    {
        throw std::runtime_error("write error on '" + m_path + "'");
    }
    ++m_rows;
}

} // namespace ns3
