# Runs PROGRAM with ARGS (a ;-list) and checks its exit code and stderr.
#   cmake -DPROGRAM=... -DARGS=... -DEXPECT_CODE=2 -DEXPECT_REGEX=... -P expect-exit.cmake
execute_process(
  COMMAND ${PROGRAM} ${ARGS}
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
