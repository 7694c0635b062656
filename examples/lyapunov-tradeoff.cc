// SPDX-License-Identifier: GPL-2.0-only
//
// The O(V) backlog / O(1/V) utility trade-off of the perturbed-Lyapunov fair admission
// controller, and its fairness, over the slotted uplink of algorithms.md c.2.
//
//   ./build/examples/lyapunov-tradeoff                  # V = 1 .. 1e4, theta = 0 and b_max,
//                                                       # log(1 + x) and linear utility
//   ./build/examples/lyapunov-tradeoff --utilities=log1p,linear,alpha-fair --alpha=2
//   ./build/examples/lyapunov-tradeoff --bandwidth=1e6  # the 1-MHz channel of c.2
//
// Each configuration runs a LyapunovSlotScheduler (the ns-3 slot-timer Object) holding a
// LyapunovAdmissionPolicy (the rules' settings: V, utility, variant, perturbation, slot) on
// its own simulation: n workers with mean SNRs spread evenly over [snrMinDb, snrMaxDb]
// (heterogeneous channels), Rayleigh fading, random arrivals A_i ~ U[0, A_max]. Every
// configuration uses the same random streams (common random numbers, so differences between V
// values are not noise); --RngRun changes them all. The time averages exclude the first --warmup
// slots.
//
// Writes --output (CSV, one row per configuration) and --plot (PNG through gnuplot; the .plt
// script is kept next to it); 'none' skips either. Units: backlog in packets of --packetSize bytes,
// throughput and wasted service in packets per slot, utility sum_i g(average admitted packets per
// slot).

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"
#include "ns3/gnuplot.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

using namespace ns3;

namespace
{

/// Splits a comma-separated list. \param flag the flag (for errors) \param text the list
std::vector<std::string>
SplitList(const std::string& flag, const std::string& text)
{
    std::vector<std::string> items;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        if (item.empty())
        {
            throw std::invalid_argument("--" + flag + "=" + text + ": empty list entry");
        }
        items.push_back(item);
    }
    if (items.empty())
    {
        throw std::invalid_argument("--" + flag + " is empty");
    }
    return items;
}

/// Parses a list of numbers >= lower (or > lower if strict).
std::vector<double>
ParseNumbers(const std::string& flag, const std::string& text, double lower, bool strict)
{
    std::vector<double> values;
    for (const auto& item : SplitList(flag, text))
    {
        std::size_t used = 0;
        double v = 0.0;
        try
        {
            v = std::stod(item, &used);
        }
        catch (const std::exception&)
        {
            used = 0;
        }
        if (used != item.size() || !std::isfinite(v))
        {
            throw std::invalid_argument("--" + flag + "=" + text + ": '" + item +
                                        "' is not a number");
        }
        if (strict ? !(v > lower) : !(v >= lower))
        {
            std::ostringstream os;
            os << "--" << flag << "=" << text << ": " << v << " must be " << (strict ? "> " : ">= ")
               << lower;
            throw std::invalid_argument(os.str());
        }
        values.push_back(v);
    }
    return values;
}

/// One row of the results.
struct Row
{
    double v;             //!< V
    double theta;         //!< perturbation factor (theta_i = theta * b_max,i)
    std::string utility;  //!< utility name
    double thetaSum;      //!< sum_i theta_i (packets)
    double backlog;       //!< time-average total backlog (packets)
    double virtualQueue;  //!< time-average total virtual backlog (packets)
    double utilityValue;  //!< sum_i g(average admitted_i)
    double throughput;    //!< packets per slot
    double wasted;        //!< packets per slot
    double jainAdmitted;  //!< Jain of average admitted
    double jainDelivered; //!< Jain of average delivered
};

/// Everything a run needs.
struct Settings
{
    uint32_t workers;        //!< n
    std::string variant;     //!< aux or direct
    std::string scheduling;  //!< tdma or split
    uint32_t blocks;         //!< resource blocks
    uint64_t slots;          //!< slots per run
    uint64_t warmup;         //!< slots excluded from the averages
    double bandwidth;        //!< Hz
    double slotMs;           //!< slot length (ms)
    uint32_t packetSize;     //!< bytes
    double snrMinDb;         //!< mean SNR of worker 0
    double snrMaxDb;         //!< mean SNR of worker n-1
    bool fading;             //!< Rayleigh fading
    double maxArrivalFactor; //!< A_max / max b_max
    double alpha;            //!< alpha-fair exponent
    double epsilon;          //!< shift of log and alpha-fair
};

/// \param name a utility name of the CLI \return the attribute value of the Utility enum
std::string
UtilityAttribute(const std::string& name)
{
    static const std::map<std::string, std::string> names = {{"log", "Log"},
                                                             {"log1p", "Log1p"},
                                                             {"alpha-fair", "AlphaFair"},
                                                             {"linear", "Linear"}};
    return names.at(name);
}

/// Runs one configuration. \return its row
Row
RunOne(const Settings& s, double v, double theta, const std::string& utility)
{
    // Slot k ends at (k + 1) Delta: reset the averages half a slot after the warm-up's last
    // slot, stop half a slot after the last one.
    const Time slot = MicroSeconds(std::llround(s.slotMs * 1000.0));
    Ptr<LyapunovAdmissionPolicy> policy = CreateObject<LyapunovAdmissionPolicy>();
    policy->SetAttribute("Slot", TimeValue(slot));
    policy->SetAttribute("V", DoubleValue(v));
    policy->SetAttribute("Utility", StringValue(UtilityAttribute(utility)));
    policy->SetAttribute("UtilityAlpha", DoubleValue(s.alpha));
    policy->SetAttribute("UtilityEpsilon", DoubleValue(s.epsilon));
    policy->SetAttribute("Variant", StringValue(s.variant == "aux" ? "Aux" : "Direct"));
    policy->SetAttribute("PerturbationFactor", DoubleValue(theta));

    Ptr<LyapunovSlotScheduler> sched = CreateObject<LyapunovSlotScheduler>();
    sched->SetAttribute("Policy", PointerValue(policy));
    sched->SetAttribute("NumQueues", UintegerValue(s.workers));
    sched->SetAttribute("Scheduling", StringValue(s.scheduling == "tdma" ? "Tdma" : "Split"));
    sched->SetAttribute("ResourceBlocks", UintegerValue(s.blocks));
    sched->SetAttribute("MaxArrivalFactor", DoubleValue(s.maxArrivalFactor));
    sched->SetAttribute("PacketSize", UintegerValue(s.packetSize));
    sched->SetAttribute("Bandwidth", DoubleValue(s.bandwidth));
    sched->SetAttribute("Fading", BooleanValue(s.fading));
    for (uint32_t i = 0; i < s.workers; ++i)
    {
        const double share = s.workers > 1 ? static_cast<double>(i) / (s.workers - 1) : 0.0;
        sched->SetMeanSnrDb(i, s.snrMinDb + share * (s.snrMaxDb - s.snrMinDb));
    }
    sched->AssignStreams(0);
    sched->Start();
    if (s.warmup > 0)
    {
        Simulator::Schedule(slot * static_cast<int64_t>(s.warmup) + slot / 2,
                            &LyapunovSlotScheduler::ResetMetrics,
                            sched);
    }
    Simulator::Stop(slot * static_cast<int64_t>(s.slots) + slot / 2);
    Simulator::Run();

    const auto& ctl = sched->GetController();
    const auto& m = ctl.Metrics();
    Row row;
    row.v = v;
    row.theta = theta;
    row.utility = utility;
    row.thetaSum = 0.0;
    for (uint32_t i = 0; i < s.workers; ++i)
    {
        row.thetaSum += ctl.Perturbation(i);
    }
    row.backlog = m.AverageTotalBacklog();
    row.virtualQueue = m.AverageTotalVirtualBacklog();
    row.utilityValue = ctl.UtilityOfAdmitted();
    row.throughput = m.Throughput();
    row.wasted = m.TotalWasted();
    row.jainAdmitted = m.JainAdmitted();
    row.jainDelivered = m.JainDelivered();
    sched->Dispose();
    Simulator::Destroy();
    return row;
}

/// \param utility a utility name \param theta a factor \return a legend title
std::string
Title(const std::string& utility, double theta)
{
    std::ostringstream os;
    os << (utility == "log1p" ? "log(1+x)" : utility) << ", ";
    if (theta == 0.0)
    {
        os << "theta = 0";
    }
    else if (theta == 1.0)
    {
        os << "theta = b_{max}";
    }
    else
    {
        os << "theta = " << theta << " b_{max}";
    }
    return os.str();
}

/// Writes the .plt script and runs gnuplot on it. \return whether the PNG was written
bool
Plot(const std::string& png,
     const std::vector<Row>& rows,
     const std::vector<double>& vs,
     const std::vector<double>& thetas,
     const std::vector<std::string>& utilities,
     const Settings& s)
{
    const std::size_t dot = png.rfind('.');
    const std::size_t slash = png.rfind('/');
    const bool hasExtension =
        dot != std::string::npos && (slash == std::string::npos || dot > slash + 1);
    const std::string plt = (hasExtension ? png.substr(0, dot) : png) + ".plt";
    GnuplotCollection collection(png);
    collection.SetTerminal("pngcairo size 1650,560 enhanced font 'Sans,11'");

    std::ostringstream caption;
    caption << s.workers << " workers, mean SNR " << s.snrMinDb << "-" << s.snrMaxDb
            << " dB, W = " << s.bandwidth / 1e6 << " MHz, slot " << s.slotMs << " ms, "
            << s.packetSize << "-B packets, " << s.variant << ", " << s.scheduling;

    Gnuplot backlog;
    backlog.SetTitle("(a) backlog O(V)");
    backlog.SetLegend("V (packets^2 per unit of utility)", "time-average total backlog (packets)");
    backlog.AppendExtra("set multiplot layout 1,3 title \"" + caption.str() + "\"");
    backlog.AppendExtra("set logscale xy");
    backlog.AppendExtra("set format x '10^{%L}'");
    backlog.AppendExtra("set format y '10^{%L}'");
    backlog.AppendExtra("set key top left");
    backlog.AppendExtra("set grid");

    Gnuplot utility;
    utility.SetTitle("(b) utility");
    utility.SetLegend("V (packets^2 per unit of utility)",
                      "sum_i g(admitted packets per slot of i)");
    utility.AppendExtra("unset logscale y");
    utility.AppendExtra("set format y '%g'");
    utility.AppendExtra("set key bottom right");

    const double vMax = vs.back();
    Gnuplot gap;
    gap.SetTitle("(c) utility gap O(1/V)");
    gap.SetLegend("V (packets^2 per unit of utility)", "U(V_{max}) - U(V)");
    gap.AppendExtra("set logscale xy");
    gap.AppendExtra("set format y '10^{%L}'");
    gap.AppendExtra("set key bottom left");

    double constant = 0.0;
    for (const auto& u : utilities)
    {
        for (double theta : thetas)
        {
            Gnuplot2dDataset b(Title(u, theta));
            Gnuplot2dDataset util(Title(u, theta));
            Gnuplot2dDataset g(Title(u, theta));
            for (auto* d : {&b, &util, &g})
            {
                d->SetStyle(Gnuplot2dDataset::LINES_POINTS);
            }
            double best = 0.0;
            for (const auto& r : rows)
            {
                if (r.utility == u && r.theta == theta && r.v == vMax)
                {
                    best = r.utilityValue;
                }
            }
            for (const auto& r : rows)
            {
                if (r.utility != u || r.theta != theta)
                {
                    continue;
                }
                b.Add(r.v, r.backlog);
                util.Add(r.v, r.utilityValue);
                if (r.v < vMax && best - r.utilityValue > 0.0)
                {
                    g.Add(r.v, best - r.utilityValue);
                    if (u == utilities.front() && theta == thetas.front())
                    {
                        // C = max V * gap of the first curve: C/V bounds it from above.
                        constant = std::max(constant, r.v * (best - r.utilityValue));
                    }
                }
            }
            backlog.AddDataset(b);
            utility.AddDataset(util);
            gap.AddDataset(g);
        }
    }
    // Reference line of slope 1 through the first curve's value at the largest V.
    double anchor = 0.0;
    for (const auto& r : rows)
    {
        if (anchor == 0.0 && r.v == vMax)
        {
            anchor = r.backlog / vMax;
        }
    }
    Gnuplot2dFunction linear("slope 1 (O(V))", std::to_string(anchor) + "*x");
    linear.SetExtra("dashtype 2 lc rgb 'gray'");
    backlog.AddDataset(linear);
    if (constant > 0.0)
    {
        std::ostringstream title;
        title << "C/V, C = " << std::setprecision(3) << constant;
        Gnuplot2dFunction inverse(title.str(), std::to_string(constant) + "/x");
        inverse.SetExtra("dashtype 2 lc rgb 'gray'");
        gap.AddDataset(inverse);
    }
    collection.AddPlot(backlog);
    collection.AddPlot(utility);
    collection.AddPlot(gap);
    Gnuplot end;
    end.AppendExtra("unset multiplot");
    collection.AddPlot(end);

    std::ofstream out(plt);
    if (!out)
    {
        throw std::runtime_error("--plot=" + png + ": cannot write " + plt);
    }
    collection.GenerateOutput(out);
    out.close();
    std::cout << "wrote " << plt << '\n';

    if (std::system("command -v gnuplot > /dev/null 2>&1") != 0)
    {
        std::cerr << "lyapunov-tradeoff: gnuplot not found: " << png << " not written (the CSV and "
                  << plt << " are)\n";
        return false;
    }
    const std::string command = "gnuplot '" + plt + "'";
    if (std::system(command.c_str()) != 0)
    {
        std::cerr << "lyapunov-tradeoff: '" << command << "' failed: " << png << " not written\n";
        return false;
    }
    std::cout << "wrote " << png << '\n';
    return true;
}

/// The flags: the run settings and the grid as given on the command line.
struct Options
{
    Settings s;                                             //!< the run settings
    std::string vGrid{"1,3,10,30,100,300,1000,3000,10000"}; //!< V values
    std::string thetaList{"0,1"};                           //!< perturbation factors
    std::string utilityList{"log1p,linear"};                //!< utilities
    std::string output{"lyapunov-tradeoff.csv"};            //!< CSV file or none
    std::string plot{"lyapunov-tradeoff.png"};              //!< PNG file or none
};

/// The grid to run, checked.
struct Grid
{
    std::vector<double> vs;             //!< V values, ascending
    std::vector<double> thetas;         //!< perturbation factors
    std::vector<std::string> utilities; //!< utility names
};

/// \param argc argument count \param argv arguments \return the flags (defaults if not given)
Options
ParseFlags(int argc, char* argv[])
{
    Options o;
    Settings& s = o.s;
    s.workers = 10;
    s.variant = "aux";
    s.scheduling = "tdma";
    s.blocks = 1;
    s.slots = 150000;
    s.warmup = 50000;
    s.bandwidth = 20e6;
    s.slotMs = 1.0;
    s.packetSize = 1500;
    s.snrMinDb = 0.0;
    s.snrMaxDb = 20.0;
    s.fading = true;
    s.maxArrivalFactor = 1.5;
    s.alpha = 2.0;
    s.epsilon = 0.01;

    CommandLine cmd(__FILE__);
    cmd.Usage("Backlog / utility / fairness trade-off of the perturbed-Lyapunov fair admission "
              "controller over a V grid (one LyapunovSlotScheduler run per configuration).");
    cmd.AddValue("workers", "Number of workers n (1..1000)", s.workers);
    cmd.AddValue("vGrid", "Comma-separated V values (> 0), ascending", o.vGrid);
    cmd.AddValue("perturbation",
                 "Comma-separated perturbation factors (>= 0): theta_i = factor * b_max,i",
                 o.thetaList);
    cmd.AddValue("utilities",
                 "Comma-separated utilities: log1p, log, alpha-fair, linear",
                 o.utilityList);
    cmd.AddValue("variant", "Admission variant: aux or direct", s.variant);
    cmd.AddValue("scheduling", "Scheduling: tdma or split", s.scheduling);
    cmd.AddValue("blocks", "Resource blocks per slot (1..1000)", s.blocks);
    cmd.AddValue("slots", "Slots per configuration (>= 1)", s.slots);
    cmd.AddValue("warmup", "Slots excluded from the averages (< slots)", s.warmup);
    cmd.AddValue("bandwidth", "Channel bandwidth W in Hz (> 0; c.2 uses 1e6)", s.bandwidth);
    cmd.AddValue("slot", "Slot length in ms (> 0)", s.slotMs);
    cmd.AddValue("packetSize", "Bytes per packet, the data unit (>= 1)", s.packetSize);
    cmd.AddValue("snrMinDb", "Mean SNR of the worst worker (dB)", s.snrMinDb);
    cmd.AddValue("snrMaxDb", "Mean SNR of the best worker (dB)", s.snrMaxDb);
    cmd.AddValue("fading", "Rayleigh fading (true) or a constant channel (false)", s.fading);
    cmd.AddValue("maxArrivalFactor", "A_max = factor * max_i b_max,i (> 0)", s.maxArrivalFactor);
    cmd.AddValue("alpha", "Exponent of the alpha-fair utility (>= 0)", s.alpha);
    cmd.AddValue("epsilon", "Shift of the log and alpha-fair utilities (> 0)", s.epsilon);
    cmd.AddValue("output", "CSV file ('none' = do not write one)", o.output);
    cmd.AddValue("plot", "PNG file drawn with gnuplot ('none' = no plot)", o.plot);
    cmd.Parse(argc, argv);
    return o;
}

/// \param o the flags \return the grid \throws std::invalid_argument naming a bad flag
Grid
CheckFlags(const Options& o)
{
    const Settings& s = o.s;
    Grid g;
    CommandLineChecks::RequireRange("workers", s.workers, 1, 1000);
    g.vs = ParseNumbers("vGrid", o.vGrid, 0.0, true);
    for (std::size_t k = 1; k < g.vs.size(); ++k)
    {
        if (!(g.vs[k] > g.vs[k - 1]))
        {
            throw std::invalid_argument("--vGrid=" + o.vGrid + ": values must be ascending");
        }
    }
    CommandLineChecks::RequireRange("vGrid", g.vs.back(), 0.0, 1e9);
    g.thetas = ParseNumbers("perturbation", o.thetaList, 0.0, false);
    for (double t : g.thetas)
    {
        CommandLineChecks::RequireRange("perturbation", t, 0.0, 1e6);
    }
    g.utilities = SplitList("utilities", o.utilityList);
    for (const auto& u : g.utilities)
    {
        if (u != "log" && u != "log1p" && u != "alpha-fair" && u != "linear")
        {
            throw std::invalid_argument("--utilities=" + o.utilityList + ": unknown utility '" + u +
                                        "' (allowed: log1p, log, alpha-fair, linear)");
        }
    }
    if (s.variant != "aux" && s.variant != "direct")
    {
        throw std::invalid_argument("--variant=" + s.variant + ": allowed values are aux, direct");
    }
    if (s.scheduling != "tdma" && s.scheduling != "split")
    {
        throw std::invalid_argument("--scheduling=" + s.scheduling +
                                    ": allowed values are tdma, split");
    }
    CommandLineChecks::RequireRange("blocks", s.blocks, 1, 1000);
    CommandLineChecks::RequireRange("slots", static_cast<double>(s.slots), 1, 1e9);
    if (s.warmup >= s.slots)
    {
        throw std::invalid_argument("--warmup=" + std::to_string(s.warmup) +
                                    ": must be smaller than --slots=" + std::to_string(s.slots));
    }
    CommandLineChecks::RequireRange("bandwidth", s.bandwidth, 1.0, 1e12);
    CommandLineChecks::RequireRange("slot", s.slotMs, 1e-3, 1e6);
    CommandLineChecks::RequireRange("packetSize", s.packetSize, 1, 1e9);
    CommandLineChecks::RequireRange("snrMinDb", s.snrMinDb, -100.0, 100.0);
    CommandLineChecks::RequireRange("snrMaxDb", s.snrMaxDb, s.snrMinDb, 100.0);
    CommandLineChecks::RequireRange("maxArrivalFactor", s.maxArrivalFactor, 1e-9, 1e9);
    CommandLineChecks::RequireRange("alpha", s.alpha, 0.0, 1e6);
    CommandLineChecks::RequireRange("epsilon", s.epsilon, 1e-12, 1e12);
    // Also validates the combination (e.g. epsilon for the chosen utilities).
    coded::UtilityFunction(coded::UtilityFunction::ALPHA_FAIR, s.alpha, s.epsilon);
    return g;
}

/// Prints one row to stdout. \param r the row
void
PrintRow(const Row& r)
{
    std::cout << std::left << std::setw(8) << r.v << std::setw(7) << r.theta << std::setw(8)
              << r.utility << std::right << std::fixed << std::setprecision(1) << std::setw(11)
              << r.backlog << std::setprecision(4) << std::setw(10) << r.utilityValue
              << std::setw(11) << r.throughput << std::setw(9) << r.wasted << std::setprecision(3)
              << std::setw(9) << r.jainAdmitted << std::setw(9) << r.jainDelivered << '\n';
    std::cout.unsetf(std::ios::fixed);
    std::cout << std::setprecision(6);
}

/// Writes one CSV row. \param csv the file \param r the row \param s the settings
void
WriteCsvRow(std::ostream& csv, const Row& r, const Settings& s)
{
    const double mbps = r.throughput * s.packetSize * 8.0 / (s.slotMs * 1e-3) / 1e6;
    csv << r.v << ',' << r.theta << ',' << r.utility << ',' << r.backlog << ',' << r.utilityValue
        << ',' << r.throughput << ',' << r.wasted << ',' << r.jainAdmitted << ',' << r.jainDelivered
        << ',' << r.thetaSum << ',' << r.virtualQueue << ',' << mbps << ',' << s.variant << ','
        << s.scheduling << ',' << s.workers << ',' << s.slots << ',' << s.warmup << '\n';
}

/// Runs every configuration of the grid, prints and writes the rows.
/// \param o the flags \param g the grid \return the rows
std::vector<Row>
RunGrid(const Options& o, const Grid& g)
{
    const Settings& s = o.s;
    std::ofstream csv;
    if (o.output != "none" && !o.output.empty())
    {
        csv.open(o.output);
        if (!csv)
        {
            throw std::runtime_error("--output=" + o.output + ": cannot open for writing");
        }
        csv << "V,theta,utility_fn,avg_total_backlog,avg_utility,throughput,wasted_service,"
               "jain_admitted,jain_delivered,theta_sum,avg_total_virtual_backlog,"
               "throughput_mbps,variant,scheduling,workers,slots,warmup\n";
        csv << std::setprecision(9);
    }

    std::cout << "V grid " << o.vGrid << "; perturbation " << o.thetaList << " x b_max; utilities "
              << o.utilityList << "; " << s.slots << " slots (" << s.warmup << " warm-up) each\n";
    std::cout << std::left << std::setw(8) << "V" << std::setw(7) << "theta" << std::setw(8)
              << "utility" << std::right << std::setw(11) << "backlog" << std::setw(10) << "utility"
              << std::setw(11) << "throughput" << std::setw(9) << "wasted" << std::setw(9)
              << "Jain_a" << std::setw(9) << "Jain_d" << '\n';
    std::vector<Row> rows;
    for (const auto& u : g.utilities)
    {
        for (double theta : g.thetas)
        {
            for (double v : g.vs)
            {
                const Row r = RunOne(s, v, theta, u);
                rows.push_back(r);
                PrintRow(r);
                if (csv.is_open())
                {
                    WriteCsvRow(csv, r, s);
                }
            }
        }
    }
    if (csv.is_open())
    {
        csv.close();
        std::cout << "wrote " << o.output << '\n';
    }
    return rows;
}

int
Run(int argc, char* argv[])
{
    const Options o = ParseFlags(argc, argv);
    const Grid g = CheckFlags(o);
    const std::vector<Row> rows = RunGrid(o, g);
    if (o.plot != "none" && !o.plot.empty())
    {
        Plot(o.plot, rows, g.vs, g.thetas, g.utilities, o.s);
    }
    return 0;
}

} // namespace

int
main(int argc, char* argv[])
{
    try
    {
        return Run(argc, argv);
    }
    catch (const std::exception& e)
    {
        std::cerr << "lyapunov-tradeoff: error: " << e.what() << '\n';
        return 1;
    }
}
