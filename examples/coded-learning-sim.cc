// SPDX-License-Identifier: GPL-2.0-only
//
// coded-learning-sim: distributed training with a gradient code over an ns-3 network.
//
//   ./build/examples/coded-learning-sim --scheme=two-stage --network=wifi --workers=10
//   ./build/examples/coded-learning-sim --scheme=cyclic-repetition --stragglers=2 --network=p2p
//   ./build/examples/coded-learning-sim --dataset=synthetic --network=ideal --iterations=20
//
// Writes <outDir>/iterations.csv (one row per iteration, flushed as it goes), the one-row
// <outDir>/summary.csv at the end, with --admission=lyapunov <outDir>/admission.csv (the
// scheduler's backlog and fairness over time), and prints a one-line summary. --PrintHelp
// lists every flag. Exit status: 0 trained, 1 bad input or error, 3 training diverged, 4 fewer
// iterations decoded than --requireDecoded asks (doc/applications.rst).
//
// The flags are the fields of CodedLearningRunSettings; CodedLearningRun wires the data, the
// model, the network, the applications, the faults and the writers (doc/applications.rst).

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    try
    {
        CodedLearningRunSettings settings;
        CommandLine cmd(__FILE__);
        cmd.Usage("Distributed training with a gradient code over an ns-3 network.");
        settings.AddFlags(cmd);
        cmd.Parse(argc, argv);
        settings.Validate();

        CodedLearningRun run(settings);
        run.Build();
        run.Run();
        Simulator::Destroy();
        run.Print(std::cout, std::cerr, "coded-learning-sim");
        return run.ExitStatus(); // 0, 3 diverged, 4 fewer decoded than --requireDecoded
    }
    catch (const std::exception& e)
    {
        std::cerr << "coded-learning-sim: error: " << e.what() << '\n';
        return 1;
    }
}
