// SPDX-License-Identifier: GPL-2.0-only
// Out-of-tree runner for the ns-3 TestSuites compiled into this program (ns-3 trees have
// their own utils/test-runner). Accepts the usual options: --list, --suite=NAME, --verbose.
//
// Packet metadata is switched on first, as in an ns-3 tree, where a test suite of the
// internet module enables packet printing while test-runner starts, so that the suites run
// under the same conditions in both places. (What goes wrong there, packets created during
// static initialisation or built from thousands of separate pieces, is caught by NS_ASSERTs
// that Debian's release build of ns-3 compiles out: verify in an ns-3 tree, see README.)
#include "ns3/packet.h"
#include "ns3/test.h"

int
main(int argc, char* argv[])
{
    ns3::Packet::EnablePrinting();
    return ns3::TestRunner::Run(argc, argv);
}
