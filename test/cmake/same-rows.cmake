# Runs PROGRAM twice, each in a fresh directory under WORK (run a with ARGS,
# run b with ARGS_B), and checks that the rows of CSV whose first field
# matches ROWS (a regex) are the same, in the same order, in both runs, and
# that there are some.
#   cmake -DPROGRAM=... -DARGS=... -DARGS_B=... -DCSV=... -DROWS=... -DWORK=... -P same-rows.cmake
foreach(run a b)
  file(REMOVE_RECURSE ${WORK}/${run})
  file(MAKE_DIRECTORY ${WORK}/${run})
  if(run STREQUAL "a")
    set(args "${ARGS}")
  else()
    set(args "${ARGS_B}")
  endif()
  execute_process(
    COMMAND ${PROGRAM} ${args}
    WORKING_DIRECTORY ${WORK}/${run}
    RESULT_VARIABLE code
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
  )
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "run ${run} exited ${code}\n${out}\n${err}")
  endif()
  file(STRINGS ${WORK}/${run}/${CSV} lines REGEX "^(${ROWS}),")
  set(rows_${run} "${lines}")
endforeach()
list(LENGTH rows_a count)
if(count EQUAL 0)
  message(FATAL_ERROR "no rows of ${CSV} match '${ROWS}'")
endif()
if(NOT rows_a STREQUAL rows_b)
  message(FATAL_ERROR "the ${ROWS} rows of ${CSV} differ between '${ARGS}' and '${ARGS_B}'")
endif()
