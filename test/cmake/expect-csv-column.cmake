# Runs PROGRAM with ARGS (a ;-list) in a fresh directory WORK, expects exit
# status 0, then checks that in the last row of CSV (a file the program
# wrote) the column COLUMN is at least MIN (and, if MAX is given, at most
# MAX); with SUM=ON, the sum of the column over all rows is checked instead.
#   cmake -DPROGRAM=... -DARGS=... -DWORK=... -DCSV=rounds.csv
#         -DCOLUMN=test_accuracy -DMIN=0.8 [-DMAX=...] [-DSUM=ON] -P expect-csv-column.cmake
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
file(STRINGS ${WORK}/${CSV} rows)
list(GET rows 0 header)
string(REPLACE "," ";" names "${header}")
list(FIND names ${COLUMN} index)
if(index LESS 0)
  message(FATAL_ERROR "${CSV} has no column ${COLUMN}: ${header}")
endif()
list(LENGTH rows count)
if(count LESS 2)
  message(FATAL_ERROR "${CSV} has no data rows")
endif()
set(value 0)
if(SUM)
  math(EXPR last "${count} - 1")
  foreach(i RANGE 1 ${last})
    list(GET rows ${i} row)
    string(REPLACE "," ";" fields "${row}")
    list(GET fields ${index} v)
    math(EXPR value "${value} + ${v}")
  endforeach()
else()
  list(GET rows -1 row)
  string(REPLACE "," ";" fields "${row}")
  list(GET fields ${index} value)
endif()
if(value LESS MIN)
  message(FATAL_ERROR "${COLUMN} = ${value}, expected at least ${MIN}\nstdout:\n${out}")
endif()
if(DEFINED MAX AND value GREATER MAX)
  message(FATAL_ERROR "${COLUMN} = ${value}, expected at most ${MAX}\nstdout:\n${out}")
endif()
message(STATUS "${COLUMN} = ${value}")
