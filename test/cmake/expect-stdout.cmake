# Runs PROGRAM with ARGS (a ;-list) and checks exit status 0 and that stdout
# matches every regex of EXPECT_STDOUT (a ;-list). With WORK, the program
# runs in WORK, emptied first (so that tests run in parallel do not share the
# files they write).
#   cmake -DPROGRAM=... -DARGS=... -DEXPECT_STDOUT=... [-DWORK=dir] -P expect-stdout.cmake
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
if(NOT code STREQUAL "0")
  message(FATAL_ERROR "exit code ${code}, expected 0\nstdout:\n${out}\nstderr:\n${err}")
endif()
foreach(regex ${EXPECT_STDOUT})
  if(NOT out MATCHES "${regex}")
    message(FATAL_ERROR "stdout does not match '${regex}':\n${out}")
  endif()
endforeach()
