# The sanitizers are armed: each error mode of test/sanitizer-check.cc must
# fail with the sanitizer's report (a run that passed would make a clean
# suite meaningless).
function(edge_dml_sanitizer_checks)
  add_executable(sanitizer-check test/sanitizer-check.cc)
  set(check $<TARGET_FILE:sanitizer-check>)
  set(scripts ${CMAKE_CURRENT_SOURCE_DIR}/test/cmake)
  foreach(
    case
    "LeakIsReported|leak|ERROR: LeakSanitizer: detected memory leaks"
    "HeapOverflowIsReported|heap-overflow|ERROR: AddressSanitizer: heap-buffer-overflow|runtime error: load of address .* with insufficient space"
    "SignedOverflowHalts|signed-overflow|runtime error: signed integer overflow"
  )
    string(REPLACE "|" ";" parts "${case}")
    list(GET parts 0 name)
    list(GET parts 1 mode)
    list(SUBLIST parts 2 -1 regex)
    list(JOIN regex "|" regex)
    add_test(NAME sanitizer.${name}
             COMMAND ${CMAKE_COMMAND} -DPROGRAM=${check} -DARGS=${mode} "-DEXPECT_REGEX=${regex}"
                     -P ${scripts}/expect-failure.cmake
    )
  endforeach()
  add_test(NAME sanitizer.CleanRunPasses COMMAND ${check} clean)
endfunction()
