# Runs PROGRAM twice, each in a fresh directory under WORK, and compares the
# files it writes (FILES, a ;-list). Run a gets ARGS, run b ARGS_B (default:
# ARGS again); both must exit 0. With EXPECT=same (default) both runs must
# write exactly FILES, as top-level files (no subdirectory, no leftover
# partial file), byte-identical between the runs; with EXPECT=different both
# must write FILES (among others) and every one must differ.
#   cmake -DPROGRAM=... -DARGS=... [-DARGS_B=...] -DFILES=... -DWORK=... [-DEXPECT=different]
#         -P same-output.cmake
if(NOT DEFINED ARGS_B)
  set(ARGS_B "${ARGS}")
endif()
if(NOT DEFINED EXPECT)
  set(EXPECT same)
endif()
set(args_a "${ARGS}")
set(args_b "${ARGS_B}")
list(SORT FILES)
foreach(run a b)
  file(REMOVE_RECURSE ${WORK}/${run})
  file(MAKE_DIRECTORY ${WORK}/${run})
  execute_process(
    COMMAND ${PROGRAM} ${args_${run}}
    WORKING_DIRECTORY ${WORK}/${run}
    RESULT_VARIABLE code
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
  )
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "run ${run} exited ${code}\n${out}\n${err}")
  endif()
  file(GLOB written RELATIVE ${WORK}/${run} ${WORK}/${run}/* ${WORK}/${run}/.*)
  list(SORT written)
  if(EXPECT STREQUAL "same" AND NOT written STREQUAL FILES)
    message(FATAL_ERROR "run ${run} wrote '${written}', expected exactly '${FILES}'")
  endif()
  foreach(f ${FILES})
    if(NOT EXISTS ${WORK}/${run}/${f})
      message(FATAL_ERROR "run ${run} did not write ${f} (it wrote '${written}')")
    endif()
  endforeach()
endforeach()
foreach(f ${FILES})
  file(SHA256 ${WORK}/a/${f} first)
  file(SHA256 ${WORK}/b/${f} second)
  if(EXPECT STREQUAL "same" AND NOT first STREQUAL second)
    message(FATAL_ERROR "${f} differs between the runs '${args_a}' and '${args_b}'")
  endif()
  if(EXPECT STREQUAL "different" AND first STREQUAL second)
    message(FATAL_ERROR "${f} is the same for the runs '${args_a}' and '${args_b}'")
  endif()
endforeach()
