# SPDX-License-Identifier: GPL-2.0-only
#
# Runs inside ctest (TEST_INCLUDE_FILES). Inputs: CL_KIND (BOOST or NS3), CL_EXECUTABLE,
# CL_TARGET. Adds one test per Boost test case or ns-3 suite. If the program is missing or
# cannot list its contents, a single failing test says so instead of silently running nothing.

set(_cl_areas learning coding admission wire transport apps network energy sim)
# Tests that also carry the label "hardening" (bad input, hostile packets, faults).
set(_cl_hardening ns3/coded-learning-apps-attribute-ranges ns3/coded-learning-apps-hostile-packets
                  ns3/coded-learning-apps-faults)
set(_cl_hardening_boost_prefix "boost/learning/data_")

if(NOT EXISTS "${CL_EXECUTABLE}")
  add_test(${CL_TARGET}/NOT_BUILT "${CMAKE_COMMAND}" -E echo
           "${CL_EXECUTABLE} was not built: run cmake --build first")
  set_tests_properties(${CL_TARGET}/NOT_BUILT PROPERTIES WILL_FAIL TRUE LABELS build)
  return()
endif()

if(CL_KIND STREQUAL "BOOST")
  # Boost 1.74 prints the tree to stderr: "suite*" then "    case*" (4 spaces per level).
  execute_process(
    COMMAND "${CL_EXECUTABLE}" --list_content
    RESULT_VARIABLE _cl_rc
    OUTPUT_VARIABLE _cl_out
    ERROR_VARIABLE _cl_err
  )
  set(_cl_listing "${_cl_out}${_cl_err}")
else()
  execute_process(
    COMMAND "${CL_EXECUTABLE}" --print-test-name-list
    RESULT_VARIABLE _cl_rc
    OUTPUT_VARIABLE _cl_listing
    ERROR_VARIABLE _cl_err
  )
endif()

if(NOT _cl_rc EQUAL 0)
  add_test(${CL_TARGET}/LIST_FAILED "${CMAKE_COMMAND}" -E echo
           "${CL_EXECUTABLE} could not list its tests (exit ${_cl_rc})")
  set_tests_properties(${CL_TARGET}/LIST_FAILED PROPERTIES WILL_FAIL TRUE LABELS build)
  return()
endif()

string(REPLACE "\n" ";" _cl_lines "${_cl_listing}")
set(_cl_suite "")
set(_cl_count 0)
foreach(_cl_line IN LISTS _cl_lines)
  if(_cl_line STREQUAL "")
    continue()
  endif()
  if(CL_KIND STREQUAL "BOOST")
    if(_cl_line MATCHES "^([A-Za-z0-9_]+)\\*?$")
      set(_cl_suite "${CMAKE_MATCH_1}")
      continue()
    endif()
    if(NOT _cl_line MATCHES "^    ([A-Za-z0-9_]+)\\*?$")
      # Deeper nesting is not used in this project; refuse it loudly.
      add_test(${CL_TARGET}/BAD_LISTING "${CMAKE_COMMAND}" -E echo
               "unexpected Boost listing line: '${_cl_line}'")
      set_tests_properties(${CL_TARGET}/BAD_LISTING PROPERTIES WILL_FAIL TRUE LABELS build)
      continue()
    endif()
    set(_cl_case "${CMAKE_MATCH_1}")
    set(_cl_name "boost/${_cl_suite}/${_cl_case}")
    add_test("${_cl_name}" "${CL_EXECUTABLE}" "--run_test=${_cl_suite}/${_cl_case}"
             --log_level=test_suite --report_level=short)
    set(_cl_label "${_cl_suite}")
  else()
    string(STRIP "${_cl_line}" _cl_suite_name)
    set(_cl_name "ns3/${_cl_suite_name}")
    add_test("${_cl_name}" "${CL_EXECUTABLE}" "--suite=${_cl_suite_name}" --verbose)
    set(_cl_label "unlabelled")
    if(_cl_suite_name MATCHES "^coded-learning-([a-z]+)-")
      set(_cl_label "${CMAKE_MATCH_1}")
    endif()
  endif()
  list(FIND _cl_areas "${_cl_label}" _cl_known)
  if(_cl_known LESS 0)
    # A test outside the known areas would escape "ctest -L <area>": make that visible.
    add_test("${_cl_name}/UNKNOWN_AREA" "${CMAKE_COMMAND}" -E echo
             "test '${_cl_name}' has area '${_cl_label}', expected one of: ${_cl_areas}")
    set_tests_properties("${_cl_name}/UNKNOWN_AREA" PROPERTIES WILL_FAIL TRUE LABELS build)
  endif()
  list(FIND _cl_hardening "${_cl_name}" _cl_is_hardening)
  string(FIND "${_cl_name}" "${_cl_hardening_boost_prefix}" _cl_prefix_at)
  if(_cl_is_hardening GREATER -1 OR _cl_prefix_at EQUAL 0)
    set(_cl_label "${_cl_label};hardening")
  endif()
  set_tests_properties("${_cl_name}" PROPERTIES LABELS "${_cl_label}" TIMEOUT 1500)
  math(EXPR _cl_count "${_cl_count} + 1")
endforeach()

if(_cl_count EQUAL 0)
  add_test(${CL_TARGET}/NO_TESTS "${CMAKE_COMMAND}" -E echo "${CL_EXECUTABLE} lists no tests")
  set_tests_properties(${CL_TARGET}/NO_TESTS PROPERTIES WILL_FAIL TRUE LABELS build)
endif()
