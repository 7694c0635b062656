# SPDX-License-Identifier: GPL-2.0-only
#
# Registers one CTest test per Boost.Test case and per ns-3 TestSuite. The test programs are
# asked for their contents when ctest starts (like gtest_discover_tests' PRE_TEST mode), so a
# new test case needs no edit here. Labels (the areas are the folders of test/):
#   Boost:  the top-level Boost suite is the area (learning, coding, admission, wire, ...):
#           test "boost/<area>/<case>" gets label <area>.
#   ns-3:   suites are named "coded-learning-<area>-<what>": test "ns3/<suite>" gets label <area>.
#   Tests of bad input, faults and hostile packets also get the label "hardening"
#   (coded-learning-discover.cmake lists them).

set(_CL_TESTING_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/coded-learning-discover.cmake)

function(coded_learning_discover_tests target kind executable)
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/${target}-ctest-include.cmake)
  file(
    GENERATE
    OUTPUT ${include_file}
    CONTENT
      "set(CL_KIND ${kind})\nset(CL_EXECUTABLE \"${executable}\")\nset(CL_TARGET ${target})\ninclude(\"${_CL_TESTING_SCRIPT}\")\n"
  )
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()

# Bad-input tests of the example programs (label hardening): one CTest test per case, named
# "sim/cli/<name>". test/sim/cli-check.py runs the program and passes only when it
# exits with code 1 (no signal, no hang) and stderr matches the regex. Arguments after the regex
# go to the program; @TMP@ is a fresh temporary folder. Options before the target:
#   SETUP <kind>     prepare @TMP@ first (see test/sim/cli-check.py: file, idx:<variant>)
#   EXPECT_SUCCESS   a positive control: exit code 0 and stdout+stderr match the regex
#   EXPECT_STATUS N  exit code N and stderr matches the regex (run-time outcomes: 3 diverged,
#                    4 too few decoded iterations; 0 with a warning)
function(coded_learning_add_cli_test name)
  cmake_parse_arguments(PARSE_ARGV 1 _cl "EXPECT_SUCCESS" "SETUP;TARGET;REGEX;EXPECT_STATUS"
                        "ARGS")
  set(_cl_options)
  if(_cl_SETUP)
    list(APPEND _cl_options --setup ${_cl_SETUP})
  endif()
  if(_cl_EXPECT_SUCCESS)
    list(APPEND _cl_options --expect-success)
  endif()
  if(DEFINED _cl_EXPECT_STATUS)
    list(APPEND _cl_options --expect-status ${_cl_EXPECT_STATUS})
  endif()
  add_test(
    NAME sim/cli/${name}
    COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/test/sim/cli-check.py ${_cl_options}
            --expect "${_cl_REGEX}" $<TARGET_FILE:${_cl_TARGET}> ${_cl_ARGS}
  )
  set_tests_properties(sim/cli/${name} PROPERTIES LABELS "sim;hardening" TIMEOUT 180)
endfunction()
