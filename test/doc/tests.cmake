# SPDX-License-Identifier: GPL-2.0-only
#
# The documentation stays true to the code (label build): doc/coded-learning.rst's generated
# list of every Attribute and trace source must match the TypeIds (regenerate with
# build/coded-learning-doc-introspection --update doc/coded-learning.rst), every flag of the
# three programs has a row in its chapter, docutils parses every chapter, and doxygen documents
# our headers without a warning. Included from CMakeLists.txt.

add_executable(coded-learning-doc-introspection ${coded_learning_doc_introspection_sources})
target_link_libraries(coded-learning-doc-introspection PRIVATE ns3-coded-learning)
add_test(NAME build/doc/introspection COMMAND coded-learning-doc-introspection --check
                                              ${PROJECT_SOURCE_DIR}/doc/coded-learning.rst)
set_tests_properties(build/doc/introspection PROPERTIES LABELS build)
if(CODED_LEARNING_BUILD_EXAMPLES)
  foreach(_cl_pair coded-learning-sim:applications centralised-training:coded-learning
                   lyapunov-tradeoff:admission)
    string(REPLACE ":" ";" _cl_pair ${_cl_pair})
    list(GET _cl_pair 0 _cl_program)
    list(GET _cl_pair 1 _cl_doc)
    add_test(NAME build/doc/flags-${_cl_program}
             COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/flags-check.py
                     $<TARGET_FILE:${_cl_program}> ${PROJECT_SOURCE_DIR}/doc/${_cl_doc}.rst)
    set_tests_properties(build/doc/flags-${_cl_program} PROPERTIES LABELS build)
  endforeach()
endif()
add_test(NAME build/doc/rst COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/rst-check.py
                                    ${PROJECT_SOURCE_DIR}/doc)
set_tests_properties(build/doc/rst PROPERTIES LABELS build)
find_program(CL_DOXYGEN doxygen)
if(CL_DOXYGEN)
  set(CL_SOURCE_DIR ${PROJECT_SOURCE_DIR})
  set(CL_DOXYGEN_OUTPUT ${CMAKE_BINARY_DIR}/doxygen)
  configure_file(${PROJECT_SOURCE_DIR}/doc/Doxyfile.in ${CMAKE_BINARY_DIR}/Doxyfile @ONLY)
  add_custom_target(coded-learning-doxygen COMMAND ${CL_DOXYGEN} ${CMAKE_BINARY_DIR}/Doxyfile
                    COMMENT "API documentation in ${CL_DOXYGEN_OUTPUT}/html")
  add_test(NAME build/doc/doxygen COMMAND ${CL_DOXYGEN} ${CMAKE_BINARY_DIR}/Doxyfile)
  set_tests_properties(build/doc/doxygen PROPERTIES LABELS build)
else()
  message(STATUS "coded-learning: doxygen not found; the API documentation check is skipped")
endif()
