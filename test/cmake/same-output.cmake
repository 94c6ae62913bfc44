# Runs PROGRAM with ARGS (a ;-list) twice, each in a fresh directory under
# WORK, and checks that it exits 0 both times and that every file it writes
# (FILES, a ;-list) is byte-identical between the two runs.
foreach(run a b)
  file(REMOVE_RECURSE ${WORK}/${run})
  file(MAKE_DIRECTORY ${WORK}/${run})
  execute_process(
    COMMAND ${PROGRAM} ${ARGS}
    WORKING_DIRECTORY ${WORK}/${run}
    RESULT_VARIABLE code
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
  )
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "run ${run} exited ${code}\n${out}\n${err}")
  endif()
endforeach()
foreach(f ${FILES})
  if(NOT EXISTS ${WORK}/a/${f})
    message(FATAL_ERROR "${f} was not written")
  endif()
  file(SHA256 ${WORK}/a/${f} first)
  file(SHA256 ${WORK}/b/${f} second)
  if(NOT first STREQUAL second)
    message(FATAL_ERROR "${f} differs between two runs with the same seed and run number")
  endif()
endforeach()
