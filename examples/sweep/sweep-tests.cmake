# ctest entries of the sweep study (examples/sweep), standalone build only.
# Included by edge_dml_example_tests() in cmake/standalone-build.cmake:
#   sweep.unittest    the Python unittests (t quantile, aggregation, argument
#                     checks, both drivers on a stand-in program)
#   sweep.TinySweep   run_sweep.py on the real edge-dml-training: 2 bandwidths
#                     x 2 runs, summary.csv checked, then a cached re-run
# Both use Debian's /usr/bin/python3 and its standard library only.

find_program(EDGE_DML_SWEEP_PYTHON NAMES python3 HINTS /usr/bin NO_CACHE)
if(NOT EDGE_DML_SWEEP_PYTHON)
  message(STATUS "edge-dml: no python3, the sweep tests are left out")
  return()
endif()

set(sweep_dir ${CMAKE_CURRENT_LIST_DIR})
add_test(
  NAME sweep.unittest
  COMMAND ${EDGE_DML_SWEEP_PYTHON} -B -m unittest discover -s ${sweep_dir}/test -v
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR}/test-scratch
)
set_tests_properties(sweep.unittest PROPERTIES TIMEOUT 600)
add_test(
  NAME sweep.TinySweep
  COMMAND ${EDGE_DML_SWEEP_PYTHON} -B ${sweep_dir}/test/check_tiny_sweep.py
          --program $<TARGET_FILE:edge-dml-training>
          --work ${CMAKE_BINARY_DIR}/test-scratch/sweep-tiny
)
set_tests_properties(sweep.TinySweep PROPERTIES TIMEOUT 900)
