# The examples as ctest tests: their runs, determinism and their rejection of
# bad inputs (status 2, one line naming the value, no file written). The
# table-driven hard-input and determinism cases of every program are in
# test/cmake/program-tests.cmake.
include(${CMAKE_CURRENT_LIST_DIR}/program-tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/output-pins.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/option-sweep.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/doc-tables.cmake)

function(edge_dml_example_tests)
  set(scripts ${CMAKE_CURRENT_SOURCE_DIR}/test/cmake)
  set(mmkp_data ${CMAKE_CURRENT_SOURCE_DIR}/test/data/mmkp)
  edge_dml_add_checked_program_tests(${scripts} ${CMAKE_BINARY_DIR}/test-scratch ${mmkp_data})
  edge_dml_add_output_pins(${scripts} ${CMAKE_BINARY_DIR}/test-scratch ${mmkp_data})
  edge_dml_add_doc_tables()
  edge_dml_add_option_sweeps(${CMAKE_CURRENT_SOURCE_DIR}/test/option-sweep.py
                             ${CMAKE_BINARY_DIR}/test-scratch ${mmkp_data})
  set(mmkp $<TARGET_FILE:edge-dml-mmkp>)
  # The exact scheduler gives the brute-force optimum of the sample files (12,
  # and 10.5 with disjoint resources).
  add_test(
      NAME example.edge-dml-mmkp.ExactSolvesSample
      COMMAND
        ${CMAKE_COMMAND} -DPROGRAM=${mmkp} "-DARGS=--input=${mmkp_data}/small.mmkp;--algorithm=Exact"
        "-DEXPECT_STDOUT=algorithm=Exact value=12 feasible=true status=optimal accepted=3"
        -P ${scripts}/expect-stdout.cmake
  )
  add_test(
    NAME example.edge-dml-mmkp.ExactSolvesDisjointSample
    COMMAND
      ${CMAKE_COMMAND} -DPROGRAM=${mmkp}
      "-DARGS=--input=${mmkp_data}/small-disjoint.mmkp;--algorithm=Exact;--disjoint=true"
      "-DEXPECT_STDOUT=algorithm=Exact value=10.5 feasible=true status=optimal accepted=3"
      -P ${scripts}/expect-stdout.cmake
  )
  add_test(
    NAME example.edge-dml-mmkp.AllAlgorithmsFeasible
    COMMAND
      ${CMAKE_COMMAND} -DPROGRAM=${mmkp}
      "-DARGS=--input=${mmkp_data}/small-disjoint.mmkp;--algorithm=all;--disjoint=true"
      "-DEXPECT_STDOUT=algorithm=Random value=[-0-9.e]+ feasible=true.*algorithm=Greedy value=[-0-9.e]+ feasible=true.*algorithm=Tabu value=[-0-9.e]+ feasible=true.*algorithm=Annealing value=[-0-9.e]+ feasible=true.*algorithm=LocalSearch value=[-0-9.e]+ feasible=true.*algorithm=Exact value=10.5 feasible=true"
      -P ${scripts}/expect-stdout.cmake
  )

  # edge-dml-paper: a small sweep, reproducible with --measureTime=false; the
  # exact reference has a zero gap; bad values rejected.
  set(paper $<TARGET_FILE:edge-dml-paper>)
  set(paper_small
      "--instances=1;--taskStep=35;--bandwidthsMhz=10,30;--figure3BandwidthMhz=10;--measureTime=false"
  )
  add_test(
    NAME example.edge-dml-paper.ExactIsTheReference
    COMMAND
      ${CMAKE_COMMAND} -DPROGRAM=${paper} "-DARGS=${paper_small};--plot=false"
      "-DEXPECT_STDOUT=Exact +4/4 +0.000 +0.000" -DWORK=${CMAKE_BINARY_DIR}/test-scratch/paper-exact
      -P ${scripts}/expect-stdout.cmake
  )
  add_test(
    NAME example.edge-dml-paper.StrictPreset
    COMMAND
      ${CMAKE_COMMAND} -DPROGRAM=${paper} "-DARGS=${paper_small};--plot=false;--preset=Strict"
      "-DEXPECT_STDOUT=Exact +[0-4]/4 " -DWORK=${CMAKE_BINARY_DIR}/test-scratch/paper-strict
      -P ${scripts}/expect-stdout.cmake
  )
  # edge-dml-training: the flagship default reaches 80% test accuracy;
  # batteries that run dry take workers out and the rounds still
  # complete (offline drops appear).
  set(training $<TARGET_FILE:edge-dml-training>)
  add_test(
    NAME example.edge-dml-training.DefaultReaches80Percent
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=${training} "-DARGS=--quiet;--plot=false"
            -DWORK=${CMAKE_BINARY_DIR}/test-scratch/training-default -DCSV=rounds.csv
            -DCOLUMN=test_accuracy -DMIN=0.80 -P ${scripts}/expect-csv-column.cmake
  )
  add_test(
    NAME example.edge-dml-training.DepletedWorkersGoOffline
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=${training}
            "-DARGS=--numEdgeServers=10;--rounds=8;--trainLimit=6000;--testLimit=500;--syncN=5;--initialEnergyJ=2;--quiet;--plot=false"
            -DWORK=${CMAKE_BINARY_DIR}/test-scratch/training-depleted -DCSV=rounds.csv
            -DCOLUMN=offline_dropped -DMIN=1 -DSUM=ON -P ${scripts}/expect-csv-column.cmake
  )
  include(${CMAKE_CURRENT_SOURCE_DIR}/examples/sweep/sweep-tests.cmake)
endfunction()
