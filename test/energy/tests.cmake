# SPDX-License-Identifier: GPL-2.0-only
#
# Area "energy": the script tests of the energy accounting (label energy). The pure model's
# Boost cases and the ns-3 suites (coded-learning-energy-*) are discovered with the others.
# Included from CMakeLists.txt once the test programs and examples are defined.

if(NOT CODED_LEARNING_BUILD_EXAMPLES)
  return()
endif()

# The energy figures are byte-identical per --RngRun, and differ for another.
add_test(NAME energy/determinism
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/determinism-test.sh
                 $<TARGET_FILE:coded-learning-sim> ${CMAKE_BINARY_DIR}/test-output/energy-determinism)
set_tests_properties(energy/determinism PROPERTIES LABELS "energy;hardening" TIMEOUT 300)
