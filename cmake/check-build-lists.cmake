# SPDX-License-Identifier: GPL-2.0-only
#
# cmake -DROOT=<module folder> -DLIST=<which> -P check-build-lists.cmake
# Fails when a .cc/.h file under model/, helper/, test/ or examples/ is missing from a build
# description, or when a build description names a file that does not exist.
#   LIST = cmake-library | cmake-examples | wscript-library | wscript-examples

if(NOT ROOT OR NOT LIST)
  message(FATAL_ERROR "usage: cmake -DROOT=<dir> -DLIST=<list> -P check-build-lists.cmake")
endif()

# Files that one build system must not list, with the reason.
#  - test/ns3-test-runner-main.cc: the out-of-tree runner; ns-3 trees have their own test-runner.
#  - test/doc/introspection-main.cc: the out-of-tree documentation check.
#  - benchmarks/: Google Benchmark programs are built out of tree only.
set(_cl_not_in_wscript test/ns3-test-runner-main.cc test/doc/introspection-main.cc)

if(LIST STREQUAL "cmake-library")
  set(_cl_file "${ROOT}/CMakeLists.txt")
  set(_cl_dirs model helper test benchmarks)
  set(_cl_prefix "")
  set(_cl_exempt)
elseif(LIST STREQUAL "cmake-examples")
  set(_cl_file "${ROOT}/examples/CMakeLists.txt")
  set(_cl_dirs examples)
  set(_cl_prefix "examples/")
  set(_cl_exempt)
elseif(LIST STREQUAL "wscript-library")
  set(_cl_file "${ROOT}/wscript")
  set(_cl_dirs model helper test)
  set(_cl_prefix "")
  set(_cl_exempt ${_cl_not_in_wscript})
elseif(LIST STREQUAL "wscript-examples")
  set(_cl_file "${ROOT}/examples/wscript")
  set(_cl_dirs examples)
  set(_cl_prefix "examples/")
  set(_cl_exempt)
else()
  message(FATAL_ERROR "unknown LIST '${LIST}' (allowed: cmake-library, cmake-examples, "
                      "wscript-library, wscript-examples)")
endif()

if(NOT EXISTS "${_cl_file}")
  message(FATAL_ERROR "${_cl_file} does not exist")
endif()
file(READ "${_cl_file}" _cl_text)
# Strip comments so that a file named only in a comment does not count as listed.
string(REGEX REPLACE "#[^\n]*" "" _cl_text "${_cl_text}")

set(_cl_errors "")
set(_cl_checked 0)
foreach(_cl_dir IN LISTS _cl_dirs)
  file(GLOB_RECURSE _cl_found RELATIVE "${ROOT}" "${ROOT}/${_cl_dir}/*.cc" "${ROOT}/${_cl_dir}/*.h")
  foreach(_cl_path IN LISTS _cl_found)
    list(FIND _cl_exempt "${_cl_path}" _cl_is_exempt)
    if(_cl_is_exempt GREATER -1 OR (LIST STREQUAL "wscript-library" AND _cl_path MATCHES "^benchmarks/"))
      continue()
    endif()
    math(EXPR _cl_checked "${_cl_checked} + 1")
    string(LENGTH "${_cl_prefix}" _cl_plen)
    string(SUBSTRING "${_cl_path}" ${_cl_plen} -1 _cl_rel)
    string(REGEX REPLACE "([.+])" "\\\\\\1" _cl_re "${_cl_rel}")
    if(NOT _cl_text MATCHES "(^|[ \t\r\n('\"/])${_cl_re}([ \t\r\n)'\",]|$)")
      string(APPEND _cl_errors "  ${_cl_path} is not listed in ${_cl_file}\n")
    endif()
  endforeach()
endforeach()

# The reverse: every listed source must exist.
if(_cl_prefix STREQUAL "")
  set(_cl_named_re "(^|[ \t\r\n('\"])(model|helper|test|benchmarks)/[A-Za-z0-9_./-]+\\.(cc|h)")
else()
  set(_cl_named_re "(^|[ \t\r\n('\"])[A-Za-z0-9_.-]+\\.(cc|h)")
endif()
string(REGEX MATCHALL "${_cl_named_re}" _cl_named "${_cl_text}")
list(TRANSFORM _cl_named REPLACE "^[ \t\r\n('\"]" "")
list(REMOVE_DUPLICATES _cl_named)
foreach(_cl_name IN LISTS _cl_named)
  set(_cl_full "${ROOT}/${_cl_prefix}${_cl_name}")
  if(NOT EXISTS "${_cl_full}")
    string(APPEND _cl_errors "  ${_cl_file} names ${_cl_prefix}${_cl_name}, which does not exist\n")
  endif()
endforeach()

if(NOT _cl_errors STREQUAL "")
  message(FATAL_ERROR "build list '${LIST}' has drifted:\n${_cl_errors}")
endif()
message(STATUS "build list '${LIST}': ${_cl_checked} files listed, all present")
