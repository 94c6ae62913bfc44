/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "idx-reader.h"

#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filtering_stream.hpp>
#include <fstream>
#include <sstream>
#include <vector>

namespace ns3
{
namespace edgedml
{

const char* const FASHION_MNIST_DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist";

namespace
{

constexpr uint32_t IDX_IMAGES_MAGIC = 0x00000803; //!< unsigned bytes, 3 dimensions
constexpr uint32_t IDX_LABELS_MAGIC = 0x00000801; //!< unsigned bytes, 1 dimension

/// The fix suggested in every "missing or damaged file" message.
const char* const INSTALL_HINT =
    "install the Debian package dataset-fashion-mnist (or reinstall it), or point the "
    "program at a directory holding valid IDX .gz files";

/**
 * \brief One gzip-compressed IDX file, read sequentially.
 */
class IdxFile
{
  public:
    /// \param path the file
    explicit IdxFile(const std::string& path)
        : m_path(path),
          m_file(path, std::ios::binary)
    {
        if (m_file)
        {
            m_in.push(boost::iostreams::gzip_decompressor());
            m_in.push(m_file);
        }
    }

    /// \return whether the file could be opened
    bool IsOpen() const
    {
        return static_cast<bool>(m_file);
    }

    /**
     * \brief Read exactly size bytes.
     * \param out where to write
     * \param size number of bytes
     * \param what what is read, for the message
     * \param[out] error set when fewer bytes are available or gzip fails
     * \return whether all bytes were read
     */
    bool Read(uint8_t* out, std::size_t size, const std::string& what, std::string& error)
    {
        std::size_t got = 0;
        try
        {
            m_in.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(size));
            got = static_cast<std::size_t>(m_in.gcount());
        }
        catch (const std::exception& e)
        {
            error = m_path + ": not a valid gzip file (" + e.what() + "); " + INSTALL_HINT;
            return false;
        }
        if (got != size && m_in.bad())
        {
            // The stream caught the decompressor's error: not gzip, or damaged.
            std::ostringstream msg;
            msg << m_path << ": not a complete gzip file (not gzip-compressed, damaged or "
                << "truncated: decompression failed after " << got << " bytes of " << what << "); "
                << INSTALL_HINT;
            error = msg.str();
            return false;
        }
        if (got != size)
        {
            std::ostringstream msg;
            msg << m_path << ": truncated: expected " << size << " bytes of " << what << ", got "
                << got << "; " << INSTALL_HINT;
            error = msg.str();
            return false;
        }
        return true;
    }

    /**
     * \brief Read a big-endian 32-bit integer.
     * \param[out] value the integer
     * \param what what is read, for the message
     * \param[out] error set on failure
     * \return whether it was read
     */
    bool ReadU32(uint32_t& value, const std::string& what, std::string& error)
    {
        uint8_t b[4];
        if (!Read(b, 4, what, error))
        {
            return false;
        }
        value = (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) |
                uint32_t(b[3]);
        return true;
    }

    /// \return the path
    const std::string& GetPath() const
    {
        return m_path;
    }

  private:
    std::string m_path;                       //!< the file name, for messages
    std::ifstream m_file;                     //!< the compressed file
    boost::iostreams::filtering_istream m_in; //!< the decompressed stream
};

/// \param path a file \return the "missing file" message
std::string
MissingFile(const std::string& path)
{
    return path + ": cannot open the file; " + INSTALL_HINT;
}

/// \param path a file \param magic the magic read \param expected the magic expected
/// \return the message
std::string
BadMagic(const std::string& path, uint32_t magic, uint32_t expected)
{
    std::ostringstream msg;
    msg << path << ": not an IDX " << (expected == IDX_IMAGES_MAGIC ? "image" : "label")
        << " file (magic number 0x" << std::hex << magic << ", expected 0x" << expected << "); "
        << INSTALL_HINT;
    return msg.str();
}

} // namespace

DatasetReadResult
ReadIdxDataset(const std::string& imagesPath,
               const std::string& labelsPath,
               uint32_t numClasses,
               uint32_t limit)
{
    DatasetReadResult result;
    IdxFile images(imagesPath);
    if (!images.IsOpen())
    {
        result.error = MissingFile(imagesPath);
        return result;
    }
    IdxFile labels(labelsPath);
    if (!labels.IsOpen())
    {
        result.error = MissingFile(labelsPath);
        return result;
    }

    uint32_t magic = 0;
    uint32_t count = 0;
    uint32_t rows = 0;
    uint32_t cols = 0;
    if (!images.ReadU32(magic, "header", result.error))
    {
        return result;
    }
    if (magic != IDX_IMAGES_MAGIC)
    {
        result.error = BadMagic(imagesPath, magic, IDX_IMAGES_MAGIC);
        return result;
    }
    if (!images.ReadU32(count, "header", result.error) ||
        !images.ReadU32(rows, "header", result.error) ||
        !images.ReadU32(cols, "header", result.error))
    {
        return result;
    }
    result.samplesInFile = count;
    result.imageRows = rows;
    result.imageCols = cols;
    if (rows == 0 || cols == 0 || rows > 4096 || cols > 4096)
    {
        std::ostringstream msg;
        msg << imagesPath << ": implausible image size " << rows << " x " << cols << "; "
            << INSTALL_HINT;
        result.error = msg.str();
        return result;
    }

    uint32_t labelMagic = 0;
    uint32_t labelCount = 0;
    if (!labels.ReadU32(labelMagic, "header", result.error))
    {
        return result;
    }
    if (labelMagic != IDX_LABELS_MAGIC)
    {
        result.error = BadMagic(labelsPath, labelMagic, IDX_LABELS_MAGIC);
        return result;
    }
    if (!labels.ReadU32(labelCount, "header", result.error))
    {
        return result;
    }
    if (labelCount != count)
    {
        std::ostringstream msg;
        msg << labelsPath << ": holds " << labelCount << " labels but " << imagesPath << " holds "
            << count << " images; " << INSTALL_HINT;
        result.error = msg.str();
        return result;
    }

    const uint32_t n = (limit > 0 && limit < count) ? limit : count;
    const std::size_t pixels = std::size_t(rows) * cols;
    std::vector<uint8_t> raw(std::size_t(n) * pixels);
    if (!images.Read(raw.data(), raw.size(), "pixel data", result.error))
    {
        return result;
    }
    std::vector<uint8_t> rawLabels(n);
    if (!labels.Read(rawLabels.data(), rawLabels.size(), "labels", result.error))
    {
        return result;
    }

    Dataset data;
    data.numClasses = numClasses;
    data.labels.resize(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        if (rawLabels[i] >= numClasses)
        {
            std::ostringstream msg;
            msg << labelsPath << ": label " << unsigned(rawLabels[i]) << " of sample " << i
                << " is not below " << numClasses << "; " << INSTALL_HINT;
            result.error = msg.str();
            return result;
        }
        data.labels[i] = rawLabels[i];
    }
    data.features.resize(n, static_cast<Eigen::Index>(pixels));
    const Eigen::Map<const Eigen::Matrix<uint8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
        bytes(raw.data(), n, static_cast<Eigen::Index>(pixels));
    data.features = bytes.cast<float>() / 255.0f;
    result.dataset = std::move(data);
    return result;
}

FashionMnistReadResult
ReadFashionMnist(const std::string& directory, uint32_t trainLimit, uint32_t testLimit)
{
    FashionMnistReadResult result;
    const std::string prefix = directory.empty() ? std::string() : directory + "/";

    const struct
    {
        const char* name;
        uint32_t limit;
        uint32_t expected;
        std::optional<Dataset>* out;
        uint32_t* inFile;
    } sets[] = {{"train", trainLimit, 60000, &result.train, &result.trainSamplesInFile},
                {"t10k", testLimit, 10000, &result.test, &result.testSamplesInFile}};

    for (const auto& set : sets)
    {
        const std::string images = prefix + set.name + "-images-idx3-ubyte.gz";
        const std::string labels = prefix + set.name + "-labels-idx1-ubyte.gz";
        DatasetReadResult r = ReadIdxDataset(images, labels, 10, set.limit);
        if (!r.dataset)
        {
            result.error = r.error;
            result.train.reset();
            result.test.reset();
            return result;
        }
        const uint32_t wanted =
            (set.limit > 0 && set.limit < set.expected) ? set.limit : set.expected;
        if (r.imageRows != 28 || r.imageCols != 28 || r.samplesInFile != set.expected ||
            r.dataset->GetNumSamples() != wanted)
        {
            std::ostringstream msg;
            msg << images << ": holds " << r.samplesInFile << " images of " << r.imageRows << " x "
                << r.imageCols << " pixels, expected " << set.expected
                << " of 28 x 28 for Fashion-MNIST; " << INSTALL_HINT;
            result.error = msg.str();
            result.train.reset();
            result.test.reset();
            return result;
        }
        *set.out = std::move(r.dataset);
        *set.inFile = r.samplesInFile;
    }
    return result;
}

} // namespace edgedml
} // namespace ns3
