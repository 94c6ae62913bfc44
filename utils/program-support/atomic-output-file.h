/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_ATOMIC_OUTPUT_FILE_H
#define EDGE_DML_ATOMIC_OUTPUT_FILE_H

#include <fstream>
#include <string>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief A result file that appears under its name only when complete.
 *
 * Whoever writes the file (this program through AtomicOutputFile, or
 * another writer such as gnuplot or a pcap trace given
 * GetTemporaryPath()) writes "<path>.<pid>.partial"; Commit() renames it
 * to <path>. Destroyed without a successful Commit() (an error, an
 * exception), it removes the partial file, so a failed run leaves no half
 * file under the result's name. A run killed by a signal can leave the
 * ".partial" file, never a truncated <path>. The process id keeps two runs
 * in one directory from writing into each other's partial file (the last
 * to finish gives the file).
 */
class PendingOutputFile
{
  public:
    /// \param path the final name of the file
    explicit PendingOutputFile(std::string path);
    /// Removes the partial file unless committed.
    ~PendingOutputFile();

    PendingOutputFile(const PendingOutputFile&) = delete;
    PendingOutputFile& operator=(const PendingOutputFile&) = delete;

    /// \return the final name
    const std::string& GetPath() const;
    /// \return the name to write to: GetPath() + ".<pid>.partial"
    const std::string& GetTemporaryPath() const;

    /**
     * \brief Rename the written partial file to its final name.
     * \param[out] error why not (the partial file is missing, or the
     *             rename failed), naming the file
     * \return whether the file now has its final name
     */
    bool Commit(std::string& error);

  private:
    std::string m_path;      //!< final name
    std::string m_temporary; //!< name while being written
    bool m_committed{false}; //!< whether Commit succeeded
};

/**
 * \ingroup edge-dml
 * \brief A file this program writes through a stream, under a temporary
 * name until Commit() (see PendingOutputFile).
 *
 * \code
 *   AtomicOutputFile csv("results.csv");
 *   csv.Stream() << "a,b\n";
 *   std::string error;
 *   if (!csv.Commit(error)) { ... error names the file ... }
 * \endcode
 */
class AtomicOutputFile
{
  public:
    /// \param path the final name; the stream writes path + ".<pid>.partial"
    explicit AtomicOutputFile(std::string path);

    /// \return whether the partial file could be opened
    bool IsOpen() const;
    /// \return the stream to write to
    std::ostream& Stream();
    /// \return the final name
    const std::string& GetPath() const;
    /// \return the name written until Commit()
    const std::string& GetTemporaryPath() const;

    /**
     * \brief Flush and close the stream and, when every write succeeded,
     * rename the file to its final name; otherwise remove it.
     * \param[out] error why not, naming the file
     * \return whether the file now has its final name
     */
    bool Commit(std::string& error);

  private:
    PendingOutputFile m_file; //!< the names and the rename
    std::ofstream m_stream;   //!< the partial file
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_ATOMIC_OUTPUT_FILE_H */
