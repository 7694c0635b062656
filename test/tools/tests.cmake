# SPDX-License-Identifier: GPL-2.0-only
#
# Area "tools": the scripts of utils/ (label tools): utils/sweep.py, its presets and
# utils/aggregate.py (doc/parameter-studies.rst), utils/coded-learning.lua and
# utils/pcap-analysis.py (doc/pcap-analysis.rst), the bad input of utils/check-ns3-tree.sh.
# Included from CMakeLists.txt.

set(_cl_work ${CMAKE_BINARY_DIR}/test-scripts)
add_test(NAME tools/aggregate-ci COMMAND ${CMAKE_CURRENT_LIST_DIR}/sweep-test.py ci --work
                                         ${_cl_work}/aggregate-ci)
add_test(NAME tools/sweep-cli COMMAND ${CMAKE_CURRENT_LIST_DIR}/sweep-test.py cli --work
                                      ${_cl_work}/sweep-cli)
add_test(NAME tools/sweep-presets COMMAND ${CMAKE_CURRENT_LIST_DIR}/sweep-test.py presets --work
                                          ${_cl_work}/sweep-presets)
add_test(NAME tools/sweep-regime COMMAND ${CMAKE_CURRENT_LIST_DIR}/sweep-test.py regime --work
                                         ${_cl_work}/sweep-regime)
add_test(NAME tools/pcap-dissector COMMAND ${CMAKE_CURRENT_LIST_DIR}/pcap-test.py --crafted --work
                                           ${_cl_work}/pcap-dissector)
add_test(NAME tools/check-ns3-tree-bad-input
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check-ns3-tree-test.sh ${PROJECT_SOURCE_DIR}
                 ${_cl_work}/check-ns3-tree)
set(_cl_tool_tests tools/aggregate-ci tools/sweep-cli tools/sweep-presets tools/sweep-regime
                   tools/pcap-dissector
                   tools/check-ns3-tree-bad-input)
if(CODED_LEARNING_BUILD_EXAMPLES)
  add_test(NAME tools/sweep-reproducible
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/sweep-test.py reproducible --work
                   ${_cl_work}/sweep-reproducible --program $<TARGET_FILE:coded-learning-sim>)
  list(APPEND _cl_tool_tests tools/sweep-reproducible)
  foreach(_cl_transport udp tcp)
    add_test(NAME tools/pcap-analysis-${_cl_transport}
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/pcap-test.py --transport ${_cl_transport} --work
                     ${_cl_work}/pcap-analysis --program $<TARGET_FILE:coded-learning-sim>)
    list(APPEND _cl_tool_tests tools/pcap-analysis-${_cl_transport})
  endforeach()
endif()
set_tests_properties(${_cl_tool_tests} PROPERTIES LABELS tools TIMEOUT 300)
