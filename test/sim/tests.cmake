# SPDX-License-Identifier: GPL-2.0-only
#
# Area "sim": the example programs as a user runs them (label sim). Included from
# CMakeLists.txt once the test programs and examples are defined.

if(NOT CODED_LEARNING_BUILD_EXAMPLES)
  return()
endif()

# summary.csv of coded-learning-sim against its iterations.csv (tiny synthetic runs).
add_test(NAME sim/summary-csv
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/summary-csv-test.sh
                 $<TARGET_FILE:coded-learning-sim> ${CMAKE_BINARY_DIR}/test-output/sim-summary)
set_tests_properties(sim/summary-csv PROPERTIES LABELS sim TIMEOUT 120)

# utils/compare-schemes.sh end to end (GNU parallel, comparison.csv, table, figures).
add_test(NAME sim/compare-schemes
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/compare-schemes-test.sh ${PROJECT_SOURCE_DIR}
                 ${CMAKE_BINARY_DIR} ${CMAKE_BINARY_DIR}/test-output/compare-schemes)
set_tests_properties(sim/compare-schemes PROPERTIES LABELS sim TIMEOUT 300)

# The bad-input catalogue of the three programs (labels sim and hardening).
include(${CMAKE_CURRENT_LIST_DIR}/cli-cases.cmake)

# Determinism: the same --RngRun gives byte-identical CSVs; another run other draws.
add_test(NAME sim/determinism/rng-run COMMAND ${CMAKE_CURRENT_LIST_DIR}/determinism-test.sh
                                              $<TARGET_FILE:coded-learning-sim>)
set_tests_properties(sim/determinism/rng-run PROPERTIES LABELS "sim;hardening" TIMEOUT 300)

# The CTest sample of the randomized fault campaign (doc/hardening.rst, "Fault campaign"): 30
# seeded schedules of faults over networks, transports and schemes, every third run twice;
# fails on a hang, a crash or any invariant violation.
add_test(NAME sim/fault-campaign-sample
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/utils/fault-campaign.py --schedules 30
                 --seed 1 --rerun 3 -j 2 --timeout 300 --program $<TARGET_FILE:coded-learning-sim>
                 --out ${CMAKE_BINARY_DIR}/test-output/fault-campaign)
set_tests_properties(sim/fault-campaign-sample PROPERTIES LABELS "sim;hardening" TIMEOUT 900
                                                          PROCESSORS 2)

# valgrind memcheck of a short simulation (doc/hardening.rst); fails on any memcheck error.
# Not in sanitizer builds (valgrind cannot run AddressSanitizer programs).
find_program(CL_VALGRIND valgrind)
if(CL_VALGRIND AND NOT CODED_LEARNING_SANITIZE)
  add_test(NAME sim/valgrind COMMAND ${PROJECT_SOURCE_DIR}/utils/valgrind-sim.sh
                                     $<TARGET_FILE:coded-learning-sim>)
  set_tests_properties(sim/valgrind PROPERTIES LABELS "sim;hardening" TIMEOUT 600)
endif()
