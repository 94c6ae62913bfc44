# Installation of the standalone build as a package other projects can use:
#
#   cmake --install build --prefix PREFIX
#
# installs the library, every public header and the generated
# ns3/edge-dml-module.h under PREFIX/include/ns3, a CMake package
# (find_package(edge-dml) gives the target edge-dml::edge-dml) and a pkg-config
# file (edge-dml.pc). Both link the library even into a program that names the
# module only by TypeId strings: the linker would otherwise drop it under
# --as-needed (Debian's default) and its TypeIds would never register.
# The programs in examples/ and utils/ and the program-support library are not
# installed.

include(CMakePackageConfigHelpers)

set(EDGE_DML_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/edge-dml)

function(edge_dml_install_package target libname headers)
  install(
    TARGETS ${target}
    EXPORT edge-dml-targets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  )
  install(FILES ${headers} ${EDGE_DML_HEADER_DIR}/ns3/${libname}-module.h
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ns3
  )
  install(
    EXPORT edge-dml-targets
    NAMESPACE edge-dml::
    DESTINATION ${EDGE_DML_CMAKE_INSTALL_DIR}
  )
  configure_package_config_file(
    ${CMAKE_CURRENT_SOURCE_DIR}/cmake/edge-dml-config.cmake.in
    ${CMAKE_BINARY_DIR}/package/edge-dml-config.cmake
    INSTALL_DESTINATION ${EDGE_DML_CMAKE_INSTALL_DIR}
  )
  write_basic_package_version_file(
    ${CMAKE_BINARY_DIR}/package/edge-dml-config-version.cmake
    VERSION ${PROJECT_VERSION}
    COMPATIBILITY SameMinorVersion
  )
  install(FILES ${CMAKE_BINARY_DIR}/package/edge-dml-config.cmake
                ${CMAKE_BINARY_DIR}/package/edge-dml-config-version.cmake
          DESTINATION ${EDGE_DML_CMAKE_INSTALL_DIR}
  )
  # pkg-config: the ns-3 modules the library links, by their Debian .pc names.
  set(requires "eigen3")
  foreach(item ${EDGE_DML_NS3_COMPONENTS})
    string(APPEND requires " ns3-${item}")
  endforeach()
  get_target_property(output_name ${target} OUTPUT_NAME)
  set(EDGE_DML_PC_REQUIRES "${requires}")
  set(EDGE_DML_PC_LIBRARY "${output_name}")
  # The prefix relative to the .pc file, so that cmake --install --prefix
  # anywhere gives a working file.
  file(RELATIVE_PATH EDGE_DML_PC_PREFIX_FROM_PCDIR /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
  string(REGEX REPLACE "/$" "" EDGE_DML_PC_PREFIX_FROM_PCDIR "${EDGE_DML_PC_PREFIX_FROM_PCDIR}")
  configure_file(
    ${CMAKE_CURRENT_SOURCE_DIR}/cmake/edge-dml.pc.in ${CMAKE_BINARY_DIR}/package/edge-dml.pc @ONLY
  )
  install(FILES ${CMAKE_BINARY_DIR}/package/edge-dml.pc
          DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
  )
endfunction()
