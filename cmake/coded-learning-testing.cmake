# SPDX-License-Identifier: GPL-2.0-only
#
# Registers one CTest test per Boost.Test case and per ns-3 TestSuite. The test programs are
# asked for their contents when ctest starts (like gtest_discover_tests' PRE_TEST mode), so a
# new test case needs no edit here. Labels:
#   Boost:  the top-level Boost suite is the area (learning, coding, admission, apps,
#           hardening): test "boost/<area>/<case>" gets label <area>.
#   ns-3:   suites are named "coded-learning-<area>-<what>": test "ns3/<suite>" gets label <area>.

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
