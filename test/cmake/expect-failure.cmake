# Runs PROGRAM with ARGS and checks that it fails (any non-zero status or a
# signal) with stderr matching EXPECT_REGEX.
#   cmake -DPROGRAM=... -DARGS=... -DEXPECT_REGEX=... -P expect-failure.cmake
execute_process(
  COMMAND ${PROGRAM} ${ARGS}
  RESULT_VARIABLE code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
)
if(code STREQUAL "0")
  message(FATAL_ERROR "exited 0, expected a failure\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT err MATCHES "${EXPECT_REGEX}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_REGEX}' (exit ${code}):\n${err}")
endif()
