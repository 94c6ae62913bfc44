# Runs PROGRAM with ARGS (a ;-list) and checks exit status 0 and that stdout
# matches every regex of EXPECT_STDOUT (a ;-list).
#   cmake -DPROGRAM=... -DARGS=... -DEXPECT_STDOUT=... -P expect-stdout.cmake
execute_process(
  COMMAND ${PROGRAM} ${ARGS}
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
