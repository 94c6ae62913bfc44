/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "atomic-output-file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace ns3
{
namespace edgedml
{

PendingOutputFile::PendingOutputFile(std::string path)
    : m_path(std::move(path)),
      m_temporary(m_path + "." + std::to_string(getpid()) + ".partial")
{
}

PendingOutputFile::~PendingOutputFile()
{
    if (!m_committed)
    {
        std::remove(m_temporary.c_str()); // may not exist: nothing was written
    }
}

const std::string&
PendingOutputFile::GetPath() const
{
    return m_path;
}

const std::string&
PendingOutputFile::GetTemporaryPath() const
{
    return m_temporary;
}

bool
PendingOutputFile::Commit(std::string& error)
{
    struct stat info;
    if (stat(m_temporary.c_str(), &info) != 0)
    {
        error = m_path + ": was not written (no " + m_temporary + ")";
        return false;
    }
    if (std::rename(m_temporary.c_str(), m_path.c_str()) != 0)
    {
        error = m_path + ": cannot rename " + m_temporary + " to it: " + std::strerror(errno);
        return false;
    }
    m_committed = true;
    return true;
}

AtomicOutputFile::AtomicOutputFile(std::string path)
    : m_file(std::move(path)),
      m_stream(m_file.GetTemporaryPath(), std::ios::out | std::ios::trunc | std::ios::binary)
{
}

bool
AtomicOutputFile::IsOpen() const
{
    return m_stream.is_open();
}

std::ostream&
AtomicOutputFile::Stream()
{
    return m_stream;
}

const std::string&
AtomicOutputFile::GetPath() const
{
    return m_file.GetPath();
}

const std::string&
AtomicOutputFile::GetTemporaryPath() const
{
    return m_file.GetTemporaryPath();
}

bool
AtomicOutputFile::Commit(std::string& error)
{
    if (!m_stream.is_open())
    {
        error = GetPath() + ": cannot create " + m_file.GetTemporaryPath() +
                " (is the current directory writable?)";
        return false;
    }
    m_stream.flush();
    const bool written = static_cast<bool>(m_stream);
    m_stream.close();
    if (!written || m_stream.fail())
    {
        error = GetPath() + ": write error (disk full?)";
        return false; // the destructor removes the partial file
    }
    return m_file.Commit(error);
}

} // namespace edgedml
} // namespace ns3
