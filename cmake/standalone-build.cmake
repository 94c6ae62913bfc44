# Standalone build of an ns-3 contrib module against Debian's installed ns-3.37.
#
# Defines small stand-ins for ns-3's build_lib and build_lib_example with the
# 3.37 signatures, so that the module's CMakeLists.txt is the same text in both
# ways of building. Public headers are reached as "ns3/<name>.h" through
# forwarding headers generated in <build>/include/ns3.

set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

option(ENABLE_EXAMPLES "Build the examples and utilities" ON)
option(ENABLE_TESTS "Build the GoogleTest suite (run by ctest)" ON)
if(ENABLE_TESTS)
  enable_testing()
  include(GoogleTest)
endif()
option(EDGE_DML_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

set(EDGE_DML_NS3_COMPONENTS
    core
    network
    internet
    traffic-control
    mobility
    propagation
    energy
    stats
)
find_package(ns3 3.37 EXACT REQUIRED)
foreach(component ${EDGE_DML_NS3_COMPONENTS})
  if(NOT TARGET ns3::lib${component})
    message(FATAL_ERROR "ns-3 module '${component}' not found: install libns3-dev (3.37).")
  endif()
  # ns-3 modules are referred to as ${lib<name>} in build_lib calls.
  set(lib${component} ns3::lib${component})
endforeach()

# Debian's exported targets carry no compile definitions; without these NS_LOG
# and NS_ASSERT compile to nothing in our code.
add_compile_definitions(NS3_LOG_ENABLE NS3_ASSERT_ENABLE)
add_compile_options(-Wall -Wextra)

# Sanitizers: every report is fatal. -fno-sanitize-recover=all makes UBSan
# halt at its first report (by default it prints and goes on); the test
# preset "sanitize" sets ASAN_OPTIONS (detect_leaks=1: LeakSanitizer runs at
# exit), UBSAN_OPTIONS and LSAN_OPTIONS with test/lsan-suppressions.txt (one
# leak inside Debian's COIN-OR CoinUtils, explained there). The ctest tests
# sanitizer.* check that a leak, a heap overflow and a signed overflow do
# fail. The preset compiles with -O1 -g1 (line tables are enough for the
# reports' file:line): up to half the compile time of -O2 -g per file, which
# keeps the CI run (both build directories) within 30 minutes on 2 cores.
if(EDGE_DML_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

set(EDGE_DML_SOURCE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
set(EDGE_DML_HEADER_DIR ${CMAKE_BINARY_DIR}/include)
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
set(CMAKE_LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib)
set(CMAKE_BUILD_RPATH ${CMAKE_LIBRARY_OUTPUT_DIRECTORY})

include(GNUInstallDirs)

# Writes <build>/include/ns3/<header name>, a one-line forwarder to the real
# header; an edited header then needs no re-configure.
function(edge_dml_forward_header header)
  get_filename_component(name ${header} NAME)
  get_filename_component(absolute ${header} ABSOLUTE)
  set(text "#include \"${absolute}\"\n")
  set(target_file ${EDGE_DML_HEADER_DIR}/ns3/${name})
  if(EXISTS ${target_file})
    file(READ ${target_file} old)
    if(old STREQUAL text)
      return()
    endif()
  endif()
  file(WRITE ${target_file} "${text}")
endfunction()

# Writes <build>/include/ns3/<module>-module.h, as ns-3 does.
function(edge_dml_write_module_header name headers)
  string(TOUPPER "NS3_MODULE_${name}" guard)
  string(REPLACE "-" "_" guard "${guard}")
  set(text "// Generated: every public header of the ${name} module.\n")
  string(APPEND text "#ifndef ${guard}\n#define ${guard}\n")
  foreach(header ${headers})
    get_filename_component(head ${header} NAME)
    string(APPEND text "#include \"ns3/${head}\"\n")
  endforeach()
  string(APPEND text "#endif\n")
  set(target_file ${EDGE_DML_HEADER_DIR}/ns3/${name}-module.h)
  if(EXISTS ${target_file})
    file(READ ${target_file} old)
    if(old STREQUAL text)
      return()
    endif()
  endif()
  file(WRITE ${target_file} "${text}")
endfunction()

include(${CMAKE_CURRENT_LIST_DIR}/install-package.cmake)

function(build_lib)
  cmake_parse_arguments(
    "BLIB" "IGNORE_PCH" "LIBNAME"
    "SOURCE_FILES;HEADER_FILES;LIBRARIES_TO_LINK;TEST_SOURCES;DEPRECATED_HEADER_FILES;MODULE_ENABLED_FEATURES;PRIVATE_HEADER_FILES"
    ${ARGN}
  )
  set(target lib${BLIB_LIBNAME})
  # For the wscript-compat test: what this build compiles.
  set_property(GLOBAL PROPERTY EDGE_DML_LIST_SOURCES ${BLIB_SOURCE_FILES})
  set_property(GLOBAL PROPERTY EDGE_DML_LIST_HEADERS ${BLIB_HEADER_FILES})
  set_property(GLOBAL PROPERTY EDGE_DML_LIST_TESTS ${BLIB_TEST_SOURCES})
  set_property(GLOBAL PROPERTY EDGE_DML_LIST_LIBRARIES ${BLIB_LIBRARIES_TO_LINK})

  foreach(header ${BLIB_HEADER_FILES} ${BLIB_PRIVATE_HEADER_FILES})
    edge_dml_forward_header(${header})
  endforeach()
  edge_dml_write_module_header(${BLIB_LIBNAME} "${BLIB_HEADER_FILES}")

  add_library(${target} SHARED ${BLIB_SOURCE_FILES} ${BLIB_HEADER_FILES})
  add_library(ns3::${target} ALIAS ${target})
  set_target_properties(
    ${target} PROPERTIES OUTPUT_NAME ns3.37-${BLIB_LIBNAME} VERSION ${PROJECT_VERSION}
  )
  target_include_directories(
    ${target} PUBLIC $<BUILD_INTERFACE:${EDGE_DML_HEADER_DIR}>
                     $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
  )
  target_link_libraries(${target} PUBLIC ${BLIB_LIBRARIES_TO_LINK})
  edge_dml_install_package(${target} ${BLIB_LIBNAME} "${BLIB_HEADER_FILES}")

  if(ENABLE_EXAMPLES AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/examples/CMakeLists.txt)
    add_subdirectory(examples)
  endif()

  if(ENABLE_TESTS AND BLIB_TEST_SOURCES)
    find_package(GTest REQUIRED)
    add_executable(${BLIB_LIBNAME}-test ${BLIB_TEST_SOURCES} test/gtest-main.cc)
    target_link_libraries(${BLIB_LIBNAME}-test PRIVATE ${target} GTest::gtest)
    set_property(GLOBAL PROPERTY EDGE_DML_TEST_TARGET ${BLIB_LIBNAME}-test)
  endif()
endfunction()

function(build_lib_example)
  cmake_parse_arguments(
    "BLIB_EXAMPLE" "IGNORE_PCH" "NAME" "SOURCE_FILES;HEADER_FILES;LIBRARIES_TO_LINK" ${ARGN}
  )
  add_executable(${BLIB_EXAMPLE_NAME} ${BLIB_EXAMPLE_SOURCE_FILES})
  file(RELATIVE_PATH folder ${EDGE_DML_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
  list(TRANSFORM BLIB_EXAMPLE_SOURCE_FILES PREPEND "${folder}/")
  list(JOIN BLIB_EXAMPLE_SOURCE_FILES " " files)
  set_property(GLOBAL APPEND PROPERTY EDGE_DML_LIST_PROGRAMS "${BLIB_EXAMPLE_NAME}=${files}")
  # The plain signature, as ns-3's own build_exec uses.
  target_link_libraries(${BLIB_EXAMPLE_NAME} lib${BLIB_LIBNAME} ${BLIB_EXAMPLE_LIBRARIES_TO_LINK})
endfunction()

# After build_lib: test discovery, utilities.
function(edge_dml_standalone_finish test_data_dir)
  get_property(test_target GLOBAL PROPERTY EDGE_DML_TEST_TARGET)
  if(test_target)
    target_compile_definitions(${test_target} PRIVATE EDGE_DML_TEST_DATA_DIR="${test_data_dir}")
    target_link_libraries(${test_target} PRIVATE edge-dml-program-support)
    # Each GoogleTest test becomes one ctest test. Tests write their scratch
    # files under the build tree, never into the sources.
    gtest_discover_tests(
      ${test_target}
      WORKING_DIRECTORY ${CMAKE_BINARY_DIR}/test-scratch
      DISCOVERY_TIMEOUT 60
      PROPERTIES TIMEOUT 600
    )
    file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/test-scratch)
  endif()
  if(ENABLE_EXAMPLES)
    set(BLIB_LIBNAME edge-dml)
    add_subdirectory(utils)
    if(ENABLE_TESTS)
      edge_dml_example_tests()
    endif()
  endif()
  if(ENABLE_TESTS AND EDGE_DML_SANITIZE)
    edge_dml_sanitizer_checks()
  endif()
  edge_dml_write_file_lists()
  if(ENABLE_TESTS)
    add_test(NAME wscript-compat.ListsEqualCMake
             COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/test/wscript-compat-test.py
                     ${CMAKE_BINARY_DIR}/edge-dml-file-lists.json ${CMAKE_CURRENT_SOURCE_DIR}
    )
  endif()
  if(ENABLE_TESTS AND NOT EDGE_DML_SANITIZE)
    # A user's project against the installed package (not in the sanitizer
    # build: its library would need the sanitizer runtime in the user's link).
    add_test(NAME package.UserProjectBuildsAgainstInstall
             COMMAND ${CMAKE_COMMAND} -DBUILD=${CMAKE_BINARY_DIR} -DSOURCE=${CMAKE_CURRENT_SOURCE_DIR}
                     -DWORK=${CMAKE_BINARY_DIR}/test-scratch/package
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/test/cmake/package-test.cmake
    )
    set_tests_properties(package.UserProjectBuildsAgainstInstall PROPERTIES TIMEOUT 600)
  endif()
endfunction()

# The file lists of this build, as JSON, for the wscript-compat test: module
# sources, headers, tests, the ns-3 modules linked, the program-support
# sources and every program with its sources (paths relative to the module).
function(edge_dml_write_file_lists)
  set(json "{")
  foreach(key SOURCES HEADERS TESTS LIBRARIES SUPPORT)
    get_property(items GLOBAL PROPERTY EDGE_DML_LIST_${key})
    list(TRANSFORM items REPLACE "^ns3::lib" "")
    list(TRANSFORM items PREPEND "\"")
    list(TRANSFORM items APPEND "\"")
    list(JOIN items ", " items)
    string(TOLOWER ${key} name)
    string(APPEND json "\n  \"${name}\": [${items}],")
  endforeach()
  get_property(programs GLOBAL PROPERTY EDGE_DML_LIST_PROGRAMS)
  set(entries "")
  foreach(program ${programs})
    string(REPLACE "=" ";" parts "${program}")
    list(GET parts 0 name)
    list(GET parts 1 files)
    string(REPLACE " " "\", \"" files "${files}")
    list(APPEND entries "\"${name}\": [\"${files}\"]")
  endforeach()
  list(JOIN entries ", " entries)
  string(APPEND json "\n  \"programs\": {${entries}}\n}\n")
  file(WRITE ${CMAKE_BINARY_DIR}/edge-dml-file-lists.json "${json}")
endfunction()

# The ctest tests beyond GoogleTest: the sanitizer self-checks and the
# programs' tests (runs, determinism, rejection of bad inputs).
include(${CMAKE_CURRENT_LIST_DIR}/../test/cmake/sanitizer-checks.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/../test/cmake/example-tests.cmake)
