/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_IDX_READER_H
#define EDGE_DML_IDX_READER_H

#include "dataset.h"

#include <optional>
#include <string>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Result of reading one IDX data set: the data, or why not.
 */
struct DatasetReadResult
{
    std::optional<Dataset> dataset; //!< the data, when both files are valid
    std::string error;              //!< when not: "<file>: what is wrong; how to fix it"
    uint32_t samplesInFile{0};      //!< the sample count of the images file's header
    uint32_t imageRows{0};          //!< rows of one image (header)
    uint32_t imageCols{0};          //!< columns of one image (header)
};

/**
 * \ingroup edge-dml
 * \brief Result of reading Fashion-MNIST: training and test sets, or why not.
 */
struct FashionMnistReadResult
{
    std::optional<Dataset> train;   //!< the 60,000 training samples (or the limit)
    std::optional<Dataset> test;    //!< the 10,000 test samples (or the limit)
    std::string error;              //!< empty when both sets were read
    uint32_t trainSamplesInFile{0}; //!< the training file's header count (60,000)
    uint32_t testSamplesInFile{0};  //!< the test file's header count (10,000)
};

/**
 * \brief Read a gzip-compressed IDX image file and its label file.
 *
 * Images (magic 0x00000803, unsigned bytes, N x rows x cols) become one row
 * of rows*cols features each, scaled to [0, 1] by 1/255; labels (magic
 * 0x00000801, N unsigned bytes) must be below numClasses. Checks magic
 * numbers, that both files hold the same number of samples, and that the
 * data are not truncated (for the samples read). Never aborts on bad files:
 * the result names the file and what is wrong.
 *
 * \param imagesPath the images file (*-images-idx3-ubyte.gz)
 * \param labelsPath the labels file (*-labels-idx1-ubyte.gz)
 * \param numClasses number of classes (labels must be below it)
 * \param limit read at most this many samples (0: all); the rest of the
 *        file is not read, so it is not checked either
 * \return the data set or an error
 */
DatasetReadResult ReadIdxDataset(const std::string& imagesPath,
                                 const std::string& labelsPath,
                                 uint32_t numClasses,
                                 uint32_t limit = 0);

/**
 * \brief Read Fashion-MNIST as installed by the Debian package
 * dataset-fashion-mnist: {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz.
 *
 * Also checks the headers: images of 28 x 28 and files of 60,000 and 10,000
 * samples (even when a limit reads fewer). A missing file gives a message
 * naming it and telling to install the package.
 *
 * \param directory the directory of the four files (the package installs
 *        them in /usr/share/datasets/fashion-mnist)
 * \param trainLimit read at most this many training samples (0: all)
 * \param testLimit read at most this many test samples (0: all)
 * \return both sets or an error
 */
FashionMnistReadResult ReadFashionMnist(const std::string& directory,
                                        uint32_t trainLimit = 0,
                                        uint32_t testLimit = 0);

/// Where the Debian package dataset-fashion-mnist installs the files.
extern const char* const FASHION_MNIST_DEFAULT_DIRECTORY;

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_IDX_READER_H
