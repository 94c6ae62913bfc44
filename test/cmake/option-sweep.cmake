# The generated option sweep (test/option-sweep.py): every option of every
# program with boundary and hostile values, and the ns-3 globals and NS_*
# variables; no signal, no run past the budget, a message on every non-zero
# exit, values in the range accepted and values beyond it refused.
#
# One line per program: "program|base arguments|workload options". The base
# is a tiny run, so that an accepted value finishes at once; the workload
# options are those whose maximum is a long run by design (their maximum is
# not run; beyond it must still be refused). @MMKP@ is test/data/mmkp.

set(EDGE_DML_OPTION_SWEEPS
    # No loss in the base: without a round deadline (roundDeadlineS=0) a lost
    # update keeps the round open for ever, which is the model's reading of
    # "no deadline" under the Full policy, not an option's range.
    "edge-dml-training|--numEdgeServers=2 --samplesPerServer=20 --rounds=1 --trainLimit=100 --testLimit=50 --tasksPerRound=2 --waterfallThreshold=0 --plot=false --quiet|numEdgeServers rounds localSteps tasksPerRound roundDeadlineS roundGapS stragglerShiftS stragglerMeanS"
    "edge-dml-uplink|--numEdgeServers=2 --rounds=1 --payloadBytes=2000 --roundIntervalS=0.5 --drainS=1 --quiet|numEdgeServers rounds payloadBytes roundIntervalS drainS"
    "edge-dml-paper|--numEdgeServers=3 --minTasks=1 --maxTasks=2 --taskStep=1 --instances=1 --bandwidthsMhz=10 --figure3BandwidthMhz=10 --algorithms=Greedy --plot=false --quiet --measureTime=false|numEdgeServers maxTasks instances"
    "edge-dml-mmkp|--input=@MMKP@/small.mmkp --algorithm=Greedy|"
    "edge-dml-scheduler-benchmark|--bandwidthsMhz=10 --minTasks=1 --maxTasks=1 --taskStep=1 --instances=1 --algorithms=Greedy --tabuIterations=1 --scaleSizes=2 --subgradientSteps=1|instances maxTasks subgradientSteps scaleSizes tabuIterations"
    "edge-dml-centralised-sgd|--trainLimit=200 --testLimit=50 --epochs=1|epochs rounds"
    # Reads all of Fashion-MNIST: the base points to no data, so that every
    # run ends at once (its options are the flagship's, swept there).
    "edge-dml-packet-benchmark|--numEdgeServers=2 --samplesPerServer=20 --rounds=1 --bareEvents=1000 --quiet --dataDir=/nonexistent|bareEvents"
    "edge-dml-print-attributes|--table=traces|"
)

# Adds options.sweep.<program>. scripts: test; work: scratch; mmkp: test/data/mmkp.
function(edge_dml_add_option_sweeps sweep work mmkp)
  find_program(EDGE_DML_SWEEP_PYTHON3 NAMES python3 HINTS /usr/bin NO_CACHE)
  if(NOT EDGE_DML_SWEEP_PYTHON3)
    message(STATUS "edge-dml: no python3, the option sweeps are left out")
    return()
  endif()
  set(swept "")
  foreach(entry ${EDGE_DML_OPTION_SWEEPS})
    if(NOT entry MATCHES "^([a-z-]+)\\|([^|]*)\\|([^|]*)$")
      message(FATAL_ERROR "malformed option sweep: '${entry}'")
    endif()
    set(program ${CMAKE_MATCH_1})
    list(APPEND swept ${program})
    string(REPLACE "@MMKP@" "${mmkp}" base "${CMAKE_MATCH_2}")
    separate_arguments(workloads UNIX_COMMAND "${CMAKE_MATCH_3}")
    set(workload_args "")
    foreach(name ${workloads})
      list(APPEND workload_args --workload ${name})
    endforeach()
    # Under the sanitizers every run starts several times slower: every
    # fourth option case (and all the globals) keeps the pass short.
    set(sample 1)
    if(EDGE_DML_SANITIZE)
      set(sample 4)
    endif()
    add_test(
      NAME options.sweep.${program}
      COMMAND ${EDGE_DML_SWEEP_PYTHON3} -B ${sweep} --program $<TARGET_FILE:${program}>
              "--base=${base}" ${workload_args} --budget 30 --jobs 2 --sample ${sample}
              --work ${work}/option-sweep-${program}
    )
    set_tests_properties(options.sweep.${program} PROPERTIES TIMEOUT 600)
  endforeach()
  # Every program of the module has a line above (the standalone build lists
  # them; a new program fails this test until it gets its base and workloads).
  get_property(programs GLOBAL PROPERTY EDGE_DML_LIST_PROGRAMS)
  set(unswept "")
  foreach(program ${programs})
    string(REGEX REPLACE "=.*" "" name "${program}")
    if(NOT name IN_LIST swept)
      list(APPEND unswept ${name})
    endif()
  endforeach()
  list(JOIN unswept " " unswept)
  get_filename_component(scripts ${sweep} DIRECTORY)
  add_test(NAME options.sweep.EveryProgramIsSwept
           COMMAND ${CMAKE_COMMAND} "-DUNSWEPT=${unswept}"
                   -P ${scripts}/cmake/expect-every-program-swept.cmake)
endfunction()
