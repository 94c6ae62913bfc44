# Runs PROGRAM with ARGS (a ;-list) and checks its exit code and stderr.
#   cmake -DPROGRAM=... -DARGS=... -DEXPECT_CODE=2 -DEXPECT_REGEX=... [-DWORK=dir] -P expect-exit.cmake
#
# With WORK, the program runs in WORK, emptied first, and the script also
# checks what a rejected input must never do: write a file (complete or
# partial) into the directory, print on stdout, or say more than one line on
# stderr.
if(DEFINED WORK)
  file(REMOVE_RECURSE ${WORK})
  file(MAKE_DIRECTORY ${WORK})
  set(directory ${WORK})
else()
  set(directory ${CMAKE_CURRENT_BINARY_DIR})
endif()
execute_process(
  COMMAND ${PROGRAM} ${ARGS}
  WORKING_DIRECTORY ${directory}
  RESULT_VARIABLE code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
)
if(NOT code STREQUAL EXPECT_CODE)
  message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_CODE}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT err MATCHES "${EXPECT_REGEX}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_REGEX}':\n${err}")
endif()
if(DEFINED WORK)
  file(GLOB written RELATIVE ${WORK} ${WORK}/* ${WORK}/.*)
  if(written)
    message(FATAL_ERROR "a rejected input wrote files: ${written}")
  endif()
  if(NOT out STREQUAL "")
    message(FATAL_ERROR "a rejected input printed on stdout:\n${out}")
  endif()
  string(STRIP "${err}" stripped)
  if(stripped MATCHES "\n")
    message(FATAL_ERROR "stderr has more than one line:\n${err}")
  endif()
endif()
