# Third-party libraries of edge-dml, all from Debian packages, for both ways of
# building. Included by the module's CMakeLists.txt before build_lib.
#
#   Eigen 3        libeigen3-dev          learning models (header only)
#   Boost          libboost-dev, libboost-iostreams-dev
#                                         gzip streams for IDX files, statistics
#   COIN-OR CBC    coinor-libcbc-dev      exact MILP scheduler
#   GoogleTest     libgtest-dev           tests (only when tests are built)
#   Threads        (the C library)        TrainingExecutor's background threads

find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(Boost 1.74 REQUIRED COMPONENTS iostreams)
find_package(PkgConfig REQUIRED)
pkg_check_modules(EDGE_DML_CBC REQUIRED IMPORTED_TARGET cbc)
find_package(Threads REQUIRED)

# Directory scope, so the module's object library, its examples, utilities and
# tests see the headers however ns-3 names and creates those targets.
include_directories(${EIGEN3_INCLUDE_DIRS} ${Boost_INCLUDE_DIRS} ${EDGE_DML_CBC_INCLUDE_DIRS})

set(EDGE_DML_THIRD_PARTY_LIBRARIES Eigen3::Eigen Boost::iostreams PkgConfig::EDGE_DML_CBC Threads::Threads)

# Called after build_lib: the parts ns-3's build_lib does not do for us.
function(edge_dml_finish_targets)
  set(test_data_dir "${CMAKE_CURRENT_SOURCE_DIR}/test/data")
  if(EDGE_DML_IN_TREE)
    # ns-3 names the test library lib<module>-test and links it into test-runner.
    if(TARGET libedge-dml-test)
      find_package(GTest REQUIRED)
      target_link_libraries(libedge-dml-test GTest::gtest edge-dml-program-support)
      target_compile_definitions(
        libedge-dml-test PRIVATE EDGE_DML_TEST_DATA_DIR="${test_data_dir}"
      )
    endif()
    if(ENABLE_EXAMPLES)
      # build_lib_example reads the module name from the caller's scope.
      set(BLIB_LIBNAME edge-dml)
      add_subdirectory(utils)
    endif()
  else()
    edge_dml_standalone_finish("${test_data_dir}")
  endif()
endfunction()

# The programs' support library (see the module's CMakeLists.txt). It links the
# module library by its target name, which exists once build_lib has run.
function(edge_dml_add_program_support sources headers)
  add_library(edge-dml-program-support STATIC ${sources} ${headers})
  set_property(GLOBAL PROPERTY EDGE_DML_LIST_SUPPORT ${sources})
  set_target_properties(edge-dml-program-support PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_include_directories(
    edge-dml-program-support PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/utils/program-support
  )
  target_link_libraries(edge-dml-program-support PUBLIC libedge-dml)
endfunction()

# A program of examples/ or utils/: ns-3's build_lib_example (or its
# standalone stand-in) plus the program-support library. In-tree,
# build_lib_example accepts only ns-3 modules in LIBRARIES_TO_LINK (it skips
# the program otherwise), so the support library is linked afterwards.
function(edge_dml_program)
  cmake_parse_arguments("PROGRAM" "" "NAME" "SOURCE_FILES;LIBRARIES_TO_LINK" ${ARGN})
  build_lib_example(
    NAME ${PROGRAM_NAME}
    SOURCE_FILES ${PROGRAM_SOURCE_FILES}
    LIBRARIES_TO_LINK ${PROGRAM_LIBRARIES_TO_LINK}
  )
  if(TARGET ${PROGRAM_NAME})
    target_link_libraries(${PROGRAM_NAME} edge-dml-program-support)
  endif()
endfunction()
