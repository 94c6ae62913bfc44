# Makes damaged copies of Fashion-MNIST for the bad-input tests, one
# directory each under DIR, from the installed files in SOURCE:
#   truncated/       train-images cut after 5000 bytes (a gzip stream cut short)
#   not-gzip/        train-images is a text file
#   empty/           train-images is empty
#   missing-labels/  t10k-labels is missing
#   cmake -DSOURCE=/usr/share/datasets/fashion-mnist -DDIR=... -P make-broken-datasets.cmake
set(files train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz
          t10k-labels-idx1-ubyte.gz
)
foreach(f ${files})
  if(NOT EXISTS ${SOURCE}/${f})
    message(FATAL_ERROR "${SOURCE}/${f} is missing: install the Debian package dataset-fashion-mnist")
  endif()
endforeach()
foreach(kind truncated not-gzip empty missing-labels)
  file(REMOVE_RECURSE ${DIR}/${kind})
  file(MAKE_DIRECTORY ${DIR}/${kind})
  foreach(f ${files})
    # Symbolic links keep the fixture small; the damaged file is a real file.
    file(CREATE_LINK ${SOURCE}/${f} ${DIR}/${kind}/${f} SYMBOLIC)
  endforeach()
endforeach()
set(images train-images-idx3-ubyte.gz)
file(REMOVE ${DIR}/truncated/${images} ${DIR}/not-gzip/${images} ${DIR}/empty/${images}
     ${DIR}/missing-labels/t10k-labels-idx1-ubyte.gz
)
execute_process(
  COMMAND head -c 5000 ${SOURCE}/${images}
  OUTPUT_FILE ${DIR}/truncated/${images}
  RESULT_VARIABLE code
)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "head -c failed: ${code}")
endif()
file(WRITE ${DIR}/not-gzip/${images} "this is not a gzip file\n")
file(WRITE ${DIR}/empty/${images} "")
