# Runs PROGRAM with ARGS (a ;-list) in WORK (emptied first), expects exit
# status 0 and checks the SHA-256 of the files it wrote against PINS, a
# ;-list of "file=sha256" (the file "stdout" is the program's standard output
# after every match of the regex STDOUT_FILTER, if given, is removed: wall
# times). Used by the output pins of test/cmake/output-pins.cmake.
#   cmake -DPROGRAM=... -DARGS=... -DPINS=... -DWORK=... [-DSTDOUT_FILTER=re]
#         [-DNAME=pin] -P expect-hashes.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(
  COMMAND ${PROGRAM} ${ARGS}
  WORKING_DIRECTORY ${WORK}
  RESULT_VARIABLE code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
)
if(NOT code STREQUAL "0")
  message(FATAL_ERROR "exit code ${code}, expected 0\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED STDOUT_FILTER)
  string(REGEX REPLACE "${STDOUT_FILTER}" "" out "${out}")
endif()
file(WRITE ${WORK}/.stdout "${out}")
set(actual "")
set(wrong "")
foreach(pin ${PINS})
  string(REGEX MATCH "^([^=]+)=(.*)$" matched "${pin}")
  set(name ${CMAKE_MATCH_1})
  set(expected ${CMAKE_MATCH_2})
  if(name STREQUAL "stdout")
    set(path ${WORK}/.stdout)
  else()
    set(path ${WORK}/${name})
  endif()
  if(NOT EXISTS ${path})
    message(FATAL_ERROR "${name} was not written (stderr:\n${err})")
  endif()
  file(SHA256 ${path} hash)
  list(APPEND actual "${name}=${hash}")
  if(NOT hash STREQUAL expected)
    list(APPEND wrong ${name})
  endif()
endforeach()
list(JOIN actual " " actual)
if(DEFINED ENV{EDGE_DML_PRINT_PINS})
  # utils/update-output-pins.sh collects the actual pins this way.
  file(WRITE $ENV{EDGE_DML_PRINT_PINS}/${NAME}.pins "${actual}")
  return()
endif()
if(wrong)
  message(FATAL_ERROR
    "output differs from its pin: ${wrong}\n"
    "If the change is intended (a merge that changes outputs on purpose), replace the pins "
    "of ${NAME} in test/cmake/output-pins.cmake with:\n  ${actual}\n"
    "(or run: utils/update-output-pins.sh, which rewrites all pins)"
  )
endif()
