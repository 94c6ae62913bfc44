# Sweep readiness of a program's options as SEM discovers them (it parses
# --PrintHelp): every program option shows a non-empty default, and the
# help goes to stdout with exit status 0.
#   cmake -DPROGRAM=... -P check-help.cmake
execute_process(
  COMMAND ${PROGRAM} --PrintHelp
  RESULT_VARIABLE code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
)
if(NOT code EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "--PrintHelp exited ${code}\nstderr:\n${err}")
endif()
string(REGEX MATCH "Program Options:\n(.*)\n\nGeneral Arguments:" section "${out}")
if(NOT section)
  message(FATAL_ERROR "no program options in --PrintHelp:\n${out}")
endif()
# ';' in help texts would split the CMake list of lines.
string(REPLACE ";" "," section "${CMAKE_MATCH_1}")
string(REPLACE "\n" ";" lines "${section}")
foreach(line ${lines})
  if(NOT line MATCHES "^    --[A-Za-z0-9]+: .*\\[[^]]+\\]$")
    message(FATAL_ERROR "an option without a non-empty default: '${line}'")
  endif()
endforeach()
