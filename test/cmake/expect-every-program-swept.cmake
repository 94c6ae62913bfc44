# Fails when a program of the module has no line in EDGE_DML_OPTION_SWEEPS
# (test/cmake/option-sweep.cmake). UNSWEPT: the programs without one.
if(UNSWEPT)
  message(FATAL_ERROR "no option sweep for: ${UNSWEPT}; add a line "
                      "\"program|base arguments|workload options\" to EDGE_DML_OPTION_SWEEPS "
                      "in test/cmake/option-sweep.cmake")
endif()
