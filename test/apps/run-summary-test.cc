// SPDX-License-Identifier: GPL-2.0-only
//
// RunSummary (summary.csv): the quantile definition, time and iterations to the target
// accuracy, final values, means, Jain's index of the per-worker data, the energy columns
// (means, energy to target, Jain's index of the per-worker energy, nan when not modelled), the
// exact CSV header and row, and the errors.

#include "ns3/run-summary.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::coded;

namespace
{

const double NaN = std::numeric_limits<double>::quiet_NaN();

/// An iteration of the given index, 0.1 s long from 1 + 0.1 index (plus extra), with an
/// optional test accuracy.
IterationRecord
Record(uint32_t index, double accuracy = NaN, double extra = 0.0)
{
    IterationRecord r;
    r.scheme = "two-stage";
    r.iteration = index;
    r.startTime = 1.0 + 0.1 * index;
    r.endTime = r.startTime + 0.1 + extra;
    r.computeLoad = 10 + index % 2; // 10, 11, 10, ...
    r.decoded = index % 5 != 4;     // every fifth iteration fails
    r.bytesUp = 1000 + index;
    r.bytesDown = 500;
    r.chunksLost = index % 3 == 0 ? 1 : 0;
    r.trainLoss = r.decoded ? 1.0 / (index + 1) : NaN;
    r.testAccuracy = accuracy;
    return r;
}

RunSummary::Info
MakeInfo(double target = 0.8)
{
    RunSummary::Info info;
    info.scheme = "two-stage";
    info.network = "wifi";
    info.workers = 10;
    info.stragglers = 2;
    info.rngRun = 3;
    info.targetAccuracy = target;
    return info;
}

/// Splits a CSV line at commas.
std::vector<std::string>
Split(const std::string& line)
{
    std::vector<std::string> out;
    std::string cell;
    std::istringstream is(line);
    while (std::getline(is, cell, ','))
    {
        out.push_back(cell);
    }
    if (!line.empty() && line.back() == ',')
    {
        out.emplace_back();
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(apps)

BOOST_AUTO_TEST_CASE(run_summary_quantile_is_type_7)
{
    // numpy.quantile([1, 2, 3, 4], q) gives these (linear interpolation).
    const std::vector<double> x{4, 1, 3, 2}; // unsorted on purpose
    BOOST_TEST(RunSummary::Quantile(x, 0.0) == 1.0);
    BOOST_TEST(RunSummary::Quantile(x, 1.0) == 4.0);
    BOOST_TEST(RunSummary::Quantile(x, 0.5) == 2.5, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(RunSummary::Quantile(x, 0.95) == 3.85, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(RunSummary::Quantile(x, 0.25) == 1.75, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(RunSummary::Quantile({7.0}, 0.95) == 7.0);
    BOOST_TEST(std::isnan(RunSummary::Quantile({}, 0.95)));
    // 20 values 1..20: h = 19 * 0.95 = 18.05 -> 19 + 0.05 = 19.05 (nearest rank would give 19)
    std::vector<double> y;
    for (int i = 20; i >= 1; --i)
    {
        y.push_back(i);
    }
    BOOST_TEST(RunSummary::Quantile(y, 0.95) == 19.05, boost::test_tools::tolerance(1e-12));
    BOOST_CHECK_THROW(RunSummary::Quantile(x, 1.5), std::invalid_argument);
    BOOST_CHECK_THROW(RunSummary::Quantile(x, -0.1), std::invalid_argument);
    BOOST_CHECK_THROW(RunSummary::Quantile(x, NaN), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(run_summary_time_to_target_is_the_first_crossing)
{
    RunSummary s(MakeInfo(0.8));
    for (uint32_t i = 0; i < 40; ++i)
    {
        double acc = NaN;
        if (i == 9)
        {
            acc = 0.7;
        }
        else if (i == 19)
        {
            acc = 0.81; // first crossing
        }
        else if (i == 29)
        {
            acc = 0.79; // falls back below: the crossing stays
        }
        else if (i == 39)
        {
            acc = 0.85;
        }
        s.Add(Record(i, acc));
    }
    BOOST_TEST(s.ReachedTarget());
    BOOST_TEST(s.IterationsToTarget() == 20.0);
    // end of iteration 19 (1 + 1.9 + 0.1 = 3.0) minus start of iteration 0 (1.0)
    BOOST_TEST(s.TimeToTarget() == 2.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.FinalAccuracy() == 0.85); // the last evaluation, not the best
    BOOST_TEST(s.Iterations() == 40u);
    BOOST_TEST(s.DecodedIterations() == 32u); // 4, 9, ..., 39 failed
    // the last decoded loss: iteration 38 (iteration 39 did not decode)
    BOOST_TEST(s.FinalTrainLoss() == 1.0 / 39, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.SimTime() == 1.0 + 3.9 + 0.1, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(run_summary_target_equal_counts_and_unreached_is_nan)
{
    RunSummary equal(MakeInfo(0.8));
    equal.Add(Record(0, 0.8));
    BOOST_TEST(equal.ReachedTarget());
    BOOST_TEST(equal.IterationsToTarget() == 1.0);
    BOOST_TEST(equal.TimeToTarget() == 0.1, boost::test_tools::tolerance(1e-12));

    RunSummary never(MakeInfo(0.9));
    never.Add(Record(0, 0.5));
    never.Add(Record(1, 0.89));
    BOOST_TEST(!never.ReachedTarget());
    BOOST_TEST(std::isnan(never.TimeToTarget()));
    BOOST_TEST(std::isnan(never.IterationsToTarget()));
    const std::vector<std::string> row = Split(never.CsvRow());
    BOOST_REQUIRE(row.size() == 32u);
    BOOST_TEST(row[8] == "0");
    BOOST_TEST(row[9] == "nan");
    BOOST_TEST(row[10] == "nan");
    BOOST_TEST(row[11] == "0.89");

    // target 0: reached at the first evaluation, even a bad one
    RunSummary zero(MakeInfo(0.0));
    zero.Add(Record(0));
    BOOST_TEST(!zero.ReachedTarget()); // not evaluated yet
    zero.Add(Record(1, 0.1));
    BOOST_TEST(zero.IterationsToTarget() == 2.0);
}

BOOST_AUTO_TEST_CASE(run_summary_means_and_p95)
{
    RunSummary s(MakeInfo());
    // durations 0.1 s, except iteration 3 (0.5 s) and 7 (1.1 s)
    for (uint32_t i = 0; i < 10; ++i)
    {
        s.Add(Record(i, NaN, i == 3 ? 0.4 : (i == 7 ? 1.0 : 0.0)));
    }
    BOOST_TEST(s.MeanIterationTime() == (0.1 * 8 + 0.5 + 1.1) / 10,
               boost::test_tools::tolerance(1e-12));
    // sorted: 0.1 x8, 0.5, 1.1; h = 9 * 0.95 = 8.55 -> 0.5 + 0.55 * 0.6 = 0.83
    BOOST_TEST(s.P95IterationTime() == 0.83, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(s.MeanComputeLoad() == 10.5, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.UplinkBytesPerIteration() == 1004.5, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.DownlinkBytesPerIteration() == 500.0);
    BOOST_TEST(s.TotalUplinkBytes() == 10045u);
    BOOST_TEST(s.ChunksLost() == 4u); // 0, 3, 6, 9
    BOOST_TEST(std::isnan(s.FinalAccuracy()));
    BOOST_TEST(std::isnan(s.JainAdmitted()));

    RunSummary empty(MakeInfo());
    BOOST_TEST(std::isnan(empty.MeanIterationTime()));
    BOOST_TEST(std::isnan(empty.P95IterationTime()));
    BOOST_TEST(std::isnan(empty.MeanComputeLoad()));
    BOOST_TEST(empty.SimTime() == 0.0);
    BOOST_TEST(empty.Iterations() == 0u);
}

BOOST_AUTO_TEST_CASE(run_summary_jain_of_per_worker_data)
{
    RunSummary s(MakeInfo());
    s.SetPerWorkerData({5, 5, 5, 5});
    BOOST_TEST(s.JainAdmitted() == 1.0, boost::test_tools::tolerance(1e-12));
    s.SetPerWorkerData({1, 0, 0, 0});
    BOOST_TEST(s.JainAdmitted() == 0.25, boost::test_tools::tolerance(1e-12));
    s.SetPerWorkerData({1, 2, 3}); // 36 / (3 * 14)
    BOOST_TEST(s.JainAdmitted() == 36.0 / 42.0, boost::test_tools::tolerance(1e-12));
    s.SetPerWorkerData({0, 0});
    BOOST_TEST(s.JainAdmitted() == 1.0);
    s.SetPerWorkerData({});
    BOOST_TEST(std::isnan(s.JainAdmitted()));
    BOOST_CHECK_THROW(s.SetPerWorkerData({1, -1}), std::invalid_argument);
    BOOST_CHECK_THROW(s.SetPerWorkerData({1, NaN}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(run_summary_csv_follows_the_contract)
{
    const std::vector<std::string> contract{"scheme",
                                            "network",
                                            "workers",
                                            "stragglers",
                                            "rng_run",
                                            "iterations",
                                            "decoded_iterations",
                                            "target_accuracy",
                                            "reached_target",
                                            "time_to_target_s",
                                            "iterations_to_target",
                                            "final_accuracy",
                                            "final_train_loss",
                                            "mean_iteration_time_s",
                                            "p95_iteration_time_s",
                                            "mean_compute_load",
                                            "compute_load_done",
                                            "storage_redundancy",
                                            "uplink_bytes_per_iteration",
                                            "downlink_bytes_per_iteration",
                                            "chunks_lost",
                                            "jain_admitted",
                                            "sim_time_s",
                                            "radio_energy_per_iteration_j",
                                            "compute_energy_per_iteration_j",
                                            "energy_per_iteration_j",
                                            "energy_to_target_j",
                                            "radio_energy_to_target_j",
                                            "compute_energy_to_target_j",
                                            "total_energy_j",
                                            "jain_energy",
                                            "workers_alive"};
    BOOST_TEST(Split(RunSummary::CsvHeader()) == contract, boost::test_tools::per_element());

    RunSummary s(MakeInfo(0.75));
    s.Add(Record(0, 0.5));
    s.Add(Record(1, 0.76));
    s.SetPerWorkerData({1, 0, 0, 0});
    // Without the work done and the storage, those columns are nan.
    BOOST_TEST(Split(s.CsvRow())[16] == "nan");
    BOOST_TEST(Split(s.CsvRow())[17] == "nan");
    s.SetComputeLoadDone(17.0);
    s.SetStorageRedundancy(3.0);
    // Records without energy (accounting off): the energy columns are nan.
    const std::string expected = "two-stage,wifi,10,2,3,2,2,0.75,1,0.2,2,0.76,0.5,0.1,0.1,10.5,"
                                 "8.5,3,1000.5,500,1,0.25,1.2,nan,nan,nan,nan,nan,nan,nan,nan,nan";
    BOOST_TEST(s.CsvRow() == expected);
    std::ostringstream os;
    s.WriteCsv(os);
    BOOST_TEST(os.str() == RunSummary::CsvHeader() + "\n" + expected + "\n");
    BOOST_CHECK_THROW(s.SetComputeLoadDone(-1.0), std::invalid_argument);
    BOOST_CHECK_THROW(s.SetStorageRedundancy(std::numeric_limits<double>::infinity()),
                      std::invalid_argument);
    // A scheme that ignores s: the stragglers column is nan, not a value that did not apply.
    RunSummary::Info info = MakeInfo(0.75);
    info.stragglersUsed = false;
    BOOST_TEST(Split(RunSummary(info).CsvRow())[3] == "nan");
}

BOOST_AUTO_TEST_CASE(run_summary_energy_columns)
{
    // Four iterations with radio 1, 2, 3, 4 J and compute 0.5, 1, 1.5, 2 J; the target is
    // reached at iteration 2 (index 1); a worker's battery runs out in iteration 3.
    RunSummary s(MakeInfo(0.75));
    const char* alive[] = {"1111", "1111", "1101", "1101"};
    for (uint32_t i = 0; i < 4; ++i)
    {
        IterationRecord r = Record(i, i == 1 ? 0.8 : NaN);
        r.radioEnergy = i + 1.0;
        r.computeEnergy = (i + 1.0) / 2;
        r.alive = alive[i];
        s.Add(r);
    }
    BOOST_TEST(s.RadioEnergyPerIteration() == 2.5, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.ComputeEnergyPerIteration() == 1.25, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.EnergyPerIteration() == 3.75, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.RadioEnergyToTarget() == 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.ComputeEnergyToTarget() == 1.5, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.EnergyToTarget() == 4.5, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.TotalEnergy() == 15.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.WorkersAlive() == 3.0);
    BOOST_TEST(std::isnan(s.JainEnergy()));
    s.SetPerWorkerEnergy({1, 2, 3}); // 36 / (3 * 14)
    BOOST_TEST(s.JainEnergy() == 36.0 / 42.0, boost::test_tools::tolerance(1e-12));
    const std::vector<std::string> row = Split(s.CsvRow());
    BOOST_REQUIRE(row.size() == 32u);
    BOOST_TEST(row[23] == "2.5");
    BOOST_TEST(row[26] == "4.5");
    BOOST_TEST(row[29] == "15");
    BOOST_TEST(row[31] == "3");
    s.SetPerWorkerEnergy({1, NaN, 3}); // a worker without a radio model: not measured
    BOOST_TEST(std::isnan(s.JainEnergy()));
    BOOST_CHECK_THROW(s.SetPerWorkerEnergy({1, -1}), std::invalid_argument);
    BOOST_CHECK_THROW(s.SetPerWorkerEnergy({1, std::numeric_limits<double>::infinity()}),
                      std::invalid_argument);

    // Compute energy only (no radio model): the totals are nan, the compute part is not.
    RunSummary wired(MakeInfo(0.75));
    IterationRecord r = Record(0, 0.8);
    r.computeEnergy = 2.0;
    r.alive = "11";
    wired.Add(r);
    BOOST_TEST(std::isnan(wired.EnergyPerIteration()));
    BOOST_TEST(std::isnan(wired.EnergyToTarget()));
    BOOST_TEST(wired.ComputeEnergyToTarget() == 2.0);
    BOOST_TEST(std::isnan(wired.RadioEnergyToTarget()));
}

BOOST_AUTO_TEST_CASE(run_summary_rejects_bad_target)
{
    BOOST_CHECK_THROW(RunSummary(MakeInfo(1.01)), std::invalid_argument);
    BOOST_CHECK_THROW(RunSummary(MakeInfo(-0.01)), std::invalid_argument);
    BOOST_CHECK_THROW(RunSummary(MakeInfo(NaN)), std::invalid_argument);
    BOOST_CHECK_NO_THROW(RunSummary(MakeInfo(1.0)));
    try
    {
        RunSummary bad(MakeInfo(2.0));
        BOOST_ERROR("no exception");
    }
    catch (const std::invalid_argument& e)
    {
        BOOST_TEST(std::string(e.what()).find("targetAccuracy = 2") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
