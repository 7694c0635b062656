// SPDX-License-Identifier: GPL-2.0-only
// Out-of-tree runner for the ns-3 TestSuites compiled into this program (ns-3 trees have
// their own utils/test-runner). Accepts the usual options: --list, --suite=NAME, --verbose.
#include "ns3/test.h"

int
main(int argc, char* argv[])
{
    return ns3::TestRunner::Run(argc, argv);
}
