# The installed package, as a user's own project sees it: installs the module
# built in BUILD into a scratch prefix, builds test/user-project against it
# with find_package(edge-dml), runs its programs, and compiles the TypeId-only
# program once more with pkg-config.
#
#   cmake -DBUILD=<build dir> -DSOURCE=<module source dir> -DWORK=<scratch dir> -P package-test.cmake

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    list(JOIN ARGN " " command)
    message(FATAL_ERROR "failed (${status}): ${command}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/prefix)
run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix})
foreach(file include/ns3/edge-dml-module.h include/ns3/mmkp-instance.h
             lib/cmake/edge-dml/edge-dml-config.cmake)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "cmake --install did not install ${file}")
  endif()
endforeach()
file(GLOB pc_files ${prefix}/lib*/pkgconfig/edge-dml.pc ${prefix}/lib/*/pkgconfig/edge-dml.pc)
if(NOT pc_files)
  message(FATAL_ERROR "cmake --install did not install edge-dml.pc")
endif()
list(GET pc_files 0 pc_file)
get_filename_component(pc_dir ${pc_file} DIRECTORY)
get_filename_component(libdir ${pc_dir} DIRECTORY)

# CMake: find_package(edge-dml).
run(${CMAKE_COMMAND} -S ${SOURCE}/test/user-project -B ${WORK}/user-build
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${WORK}/user-build)
set(ENV{LD_LIBRARY_PATH} "${libdir}:$ENV{LD_LIBRARY_PATH}")
run(${WORK}/user-build/solve-knapsack)
if(NOT run_output MATCHES "value=9\n")
  message(FATAL_ERROR "solve-knapsack printed '${run_output}', expected value=9")
endif()
run(${WORK}/user-build/typeid-only)
if(NOT run_output MATCHES "created ns3::edgedml::GreedyTaskScheduler")
  message(FATAL_ERROR "typeid-only printed '${run_output}'")
endif()

# pkg-config, with Debian's default --as-needed spelled out.
set(ENV{PKG_CONFIG_PATH} "${pc_dir}")
run(pkg-config --cflags --libs edge-dml)
string(STRIP "${run_output}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run(c++ -std=c++17 ${SOURCE}/test/user-project/typeid-only.cc -o ${WORK}/typeid-only-pc
    -Wl,--as-needed ${flags})
run(${WORK}/typeid-only-pc)
if(NOT run_output MATCHES "created ns3::edgedml::GreedyTaskScheduler")
  message(FATAL_ERROR "typeid-only (pkg-config) printed '${run_output}'")
endif()
message(STATUS "package test passed")
