# The doc's attribute and trace-source tables are generated from the TypeIds
# (utils/edge-dml-print-attributes) and committed as doc/edge-dml-attributes.rst
# and doc/edge-dml-trace-sources.rst, which doc/edge-dml.rst includes.
#   ctest doc.TablesMatchTheTypeIds        fails when they and the code disagree
#   cmake --build build --target doc-tables  regenerates them in the source tree
#
# As a script: cmake -DPROGRAM=... -DDOC=<source>/doc [-DUPDATE=ON] -P doc-tables.cmake
if(CMAKE_SCRIPT_MODE_FILE)
  set(stale "")
  foreach(table attributes traces)
    if(table STREQUAL "attributes")
      set(file ${DOC}/edge-dml-attributes.rst)
    else()
      set(file ${DOC}/edge-dml-trace-sources.rst)
    endif()
    execute_process(
      COMMAND ${PROGRAM} --table=${table}
      RESULT_VARIABLE code
      OUTPUT_VARIABLE generated
      ERROR_VARIABLE err
    )
    if(NOT code EQUAL 0)
      message(FATAL_ERROR "${PROGRAM} --table=${table} exited ${code}: ${err}")
    endif()
    if(UPDATE)
      file(WRITE ${file} "${generated}")
      message(STATUS "wrote ${file}")
    else()
      set(committed "")
      if(EXISTS ${file})
        file(READ ${file} committed)
      endif()
      if(NOT committed STREQUAL generated)
        list(APPEND stale ${file})
      endif()
    endif()
  endforeach()
  if(stale)
    message(FATAL_ERROR
      "the doc's tables and the TypeIds disagree: ${stale}\n"
      "An attribute or trace source was added or changed: regenerate the tables with\n"
      "  cmake --build build --target doc-tables\n"
      "and commit them (help strings are the doc: edit those, not the tables).")
  endif()
  return()
endif()

# Adds the target doc-tables and the test doc.TablesMatchTheTypeIds.
function(edge_dml_add_doc_tables)
  set(program $<TARGET_FILE:edge-dml-print-attributes>)
  set(doc ${CMAKE_CURRENT_SOURCE_DIR}/doc)
  add_custom_target(
    doc-tables
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=${program} -DDOC=${doc} -DUPDATE=ON -P
            ${CMAKE_CURRENT_SOURCE_DIR}/test/cmake/doc-tables.cmake
    DEPENDS edge-dml-print-attributes
    COMMENT "Regenerating the attribute and trace-source tables of doc/edge-dml.rst"
  )
  add_test(NAME doc.TablesMatchTheTypeIds
           COMMAND ${CMAKE_COMMAND} -DPROGRAM=${program} -DDOC=${doc} -P
                   ${CMAKE_CURRENT_SOURCE_DIR}/test/cmake/doc-tables.cmake
  )
endfunction()
