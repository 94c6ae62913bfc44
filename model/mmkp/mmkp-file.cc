/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mmkp-file.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <istream>
#include <limits>
#include <ostream>
#include <sstream>
#include <vector>

namespace ns3
{
namespace edgedml
{

namespace
{

/// Largest class, item or dimension count accepted from a file.
constexpr uint64_t MAX_COUNT = std::numeric_limits<int32_t>::max();

/// Largest magnitude of a capacity or value (CBC's LP solver asserts on
/// objective coefficients from 1e25 on; 1e15 keeps sums exact to ~1 unit).
constexpr double MAX_MAGNITUDE = 1e15;

/// Reads a file line by line, skipping blank lines, and formats errors.
class LineTokenizer
{
  public:
    /// \param in the stream \param source its name for messages
    LineTokenizer(std::istream& in, const std::string& source)
        : m_in(in),
          m_source(source)
    {
    }

    /**
     * \brief Read the next non-blank line.
     * \param[out] tokens its blank-separated tokens
     * \return false at the end of the stream
     */
    bool Next(std::vector<std::string>& tokens)
    {
        std::string line;
        while (std::getline(m_in, line))
        {
            ++m_line;
            if (!line.empty() && line.back() == '\r')
            {
                line.pop_back();
            }
            tokens.clear();
            std::istringstream words(line);
            std::string word;
            while (words >> word)
            {
                tokens.push_back(word);
            }
            if (!tokens.empty())
            {
                return true;
            }
        }
        ++m_line; // the end of the file counts as the line after the last one
        return false;
    }

    /// \param what the problem \return "<source>: line N: <what>"
    std::string Error(const std::string& what) const
    {
        std::ostringstream os;
        os << m_source << ": line " << m_line << ": " << what;
        return os.str();
    }

  private:
    std::istream& m_in;   //!< the stream
    std::string m_source; //!< name for messages
    uint64_t m_line{0};   //!< number of the line last read (1-based)
};

/**
 * \brief Parse a real number filling the whole token.
 * \param token the token \param[out] value the number
 * \return whether the token is a number (possibly not finite)
 */
bool
ParseReal(const std::string& token, double& value)
{
    const char* begin = token.c_str();
    char* end = nullptr;
    errno = 0;
    value = std::strtod(begin, &end);
    if (end == begin || *end != '\0')
    {
        return false;
    }
    if (errno == ERANGE && std::isinf(value))
    {
        value = std::numeric_limits<double>::infinity(); // overflow: rejected as not finite
    }
    return true;
}

/**
 * \brief Parse a non-negative integer (decimal digits only).
 * \param token the token \param[out] value the number
 * \return whether the token is such an integer <= MAX_COUNT
 */
bool
ParseCount(const std::string& token, uint64_t& value)
{
    if (token.empty() || token.size() > 10)
    {
        return false;
    }
    value = 0;
    for (char c : token)
    {
        if (c < '0' || c > '9')
        {
            return false;
        }
        value = value * 10 + static_cast<uint64_t>(c - '0');
    }
    return value <= MAX_COUNT;
}

/// \return "'tok'" \param token a token
std::string
Quoted(const std::string& token)
{
    return "'" + token + "'";
}

/// Result of a failed read. \param error the message \return the result
MmkpReadResult
Failure(const std::string& error)
{
    MmkpReadResult result;
    result.error = error;
    return result;
}

/**
 * \brief Check the number of tokens on a line.
 * \param tokens the tokens \param expected how many there must be
 * \param what what the line holds, for the message
 * \param tok the tokenizer \param[out] error the message
 * \return whether the count is right
 */
bool
CheckTokenCount(const std::vector<std::string>& tokens,
                std::size_t expected,
                const std::string& what,
                const LineTokenizer& tok,
                std::string& error)
{
    if (tokens.size() < expected)
    {
        std::ostringstream os;
        os << "missing numbers: expected " << expected << " (" << what << "), found "
           << tokens.size();
        error = tok.Error(os.str());
        return false;
    }
    if (tokens.size() > expected)
    {
        std::ostringstream os;
        os << "trailing content " << Quoted(tokens[expected]) << " after the " << expected
           << " numbers (" << what << ")";
        error = tok.Error(os.str());
        return false;
    }
    return true;
}

} // namespace

MmkpReadResult
ReadMmkp(std::istream& in, const std::string& sourceName, const MmkpReadOptions& options)
{
    LineTokenizer tok(in, sourceName);
    std::vector<std::string> tokens;
    std::string error;

    // Line 1: classes dimensions.
    if (!tok.Next(tokens))
    {
        return Failure(tok.Error("premature end of file: expected 'classes dimensions'"));
    }
    if (!CheckTokenCount(tokens, 2, "classes dimensions", tok, error))
    {
        return Failure(error);
    }
    uint64_t classes = 0;
    uint64_t dims = 0;
    if (!ParseCount(tokens[0], classes))
    {
        return Failure(
            tok.Error("number of classes " + Quoted(tokens[0]) + " is not a non-negative integer"));
    }
    if (!ParseCount(tokens[1], dims) || dims == 0)
    {
        return Failure(
            tok.Error("number of dimensions " + Quoted(tokens[1]) + " is not a positive integer"));
    }

    // Line 2: capacities.
    if (!tok.Next(tokens))
    {
        return Failure(tok.Error("premature end of file: expected the capacities"));
    }
    if (!CheckTokenCount(tokens, dims, "capacities", tok, error))
    {
        return Failure(error);
    }
    std::vector<double> capacities(dims);
    for (uint64_t d = 0; d < dims; ++d)
    {
        if (!ParseReal(tokens[d], capacities[d]))
        {
            return Failure(tok.Error(Quoted(tokens[d]) + " is not a number (capacity " +
                                     std::to_string(d + 1) + ")"));
        }
        if (!std::isfinite(capacities[d]) || capacities[d] < 0.0 || capacities[d] > MAX_MAGNITUDE)
        {
            return Failure(tok.Error("capacity " + std::to_string(d + 1) + " is " +
                                     Quoted(tokens[d]) +
                                     "; capacities must be finite, >= 0 and <= 1e15"));
        }
    }

    MmkpInstance instance(capacities);
    instance.SetResourcesDisjoint(options.resourcesByPosition);
    instance.SetMustAssignAll(options.mustAssignAll);
    std::vector<double> weights(dims);
    for (uint64_t c = 0; c < classes; ++c)
    {
        const std::string cls = "class " + std::to_string(c + 1);
        if (!tok.Next(tokens))
        {
            return Failure(tok.Error("premature end of file: expected the item count of " + cls +
                                     " of " + std::to_string(classes)));
        }
        if (!CheckTokenCount(tokens, 1, "item count of " + cls, tok, error))
        {
            return Failure(error);
        }
        uint64_t items = 0;
        if (!ParseCount(tokens[0], items))
        {
            return Failure(tok.Error("item count " + Quoted(tokens[0]) + " of " + cls +
                                     " is not a non-negative integer"));
        }
        instance.AddClass();
        for (uint64_t k = 0; k < items; ++k)
        {
            const std::string item = "item " + std::to_string(k + 1) + " of " + cls;
            if (!tok.Next(tokens))
            {
                return Failure(tok.Error("premature end of file: expected " + item + " (" +
                                         std::to_string(items) + " items)"));
            }
            if (!CheckTokenCount(tokens, dims + 1, "value and weights of " + item, tok, error))
            {
                return Failure(error);
            }
            double value = 0.0;
            if (!ParseReal(tokens[0], value))
            {
                return Failure(
                    tok.Error(Quoted(tokens[0]) + " is not a number (value of " + item + ")"));
            }
            if (!std::isfinite(value) || std::fabs(value) > MAX_MAGNITUDE)
            {
                return Failure(tok.Error("value of " + item + " is " + Quoted(tokens[0]) +
                                         "; values must be finite and within +-1e15"));
            }
            bool oversized = false;
            for (uint64_t d = 0; d < dims; ++d)
            {
                const std::string& t = tokens[d + 1];
                if (!ParseReal(t, weights[d]))
                {
                    return Failure(tok.Error(Quoted(t) + " is not a number (weight " +
                                             std::to_string(d + 1) + " of " + item + ")"));
                }
                if (!std::isfinite(weights[d]) || weights[d] < 0.0)
                {
                    return Failure(tok.Error("weight " + std::to_string(d + 1) + " of " + item +
                                             " is " + Quoted(t) +
                                             "; weights must be finite and >= 0"));
                }
                oversized = oversized || weights[d] > capacities[d];
            }
            if (options.dropOversizedItems && oversized)
            {
                continue;
            }
            instance.AddItem(value,
                             weights,
                             options.resourcesByPosition ? static_cast<int32_t>(k)
                                                         : MmkpInstance::NO_RESOURCE);
        }
    }
    if (tok.Next(tokens))
    {
        return Failure(tok.Error("extra content " + Quoted(tokens[0]) + " after the last class (" +
                                 std::to_string(classes) + " classes declared on line 1)"));
    }
    if (in.bad())
    {
        return Failure(sourceName + ": read error");
    }
    MmkpReadResult result;
    result.instance.emplace(std::move(instance));
    return result;
}

MmkpReadResult
ReadMmkpFile(const std::string& path, const MmkpReadOptions& options)
{
    std::ifstream in(path);
    if (!in)
    {
        return Failure(path + ": cannot open the file for reading");
    }
    return ReadMmkp(in, path, options);
}

bool
WriteMmkp(std::ostream& out,
          const MmkpInstance& instance,
          bool resourcesByPosition,
          std::string& error)
{
    const uint32_t dims = instance.GetNumDimensions();
    const uint32_t classes = instance.GetNumClasses();
    if (dims == 0)
    {
        error = "the MMKP format needs at least one dimension";
        return false;
    }
    const uint32_t resources = instance.GetNumResources();
    std::vector<int64_t> slot;
    if (resourcesByPosition)
    {
        for (uint32_t d = 0; d < dims; ++d)
        {
            if (!(instance.GetCapacity(d) < 1e300))
            {
                error = "capacity " + std::to_string(d) + " is too large for placeholder items";
                return false;
            }
        }
        slot.resize(resources);
        for (uint32_t c = 0; c < classes; ++c)
        {
            for (int64_t item = instance.GetFirstItem(c); item < instance.GetEndItem(c); ++item)
            {
                const int32_t r = instance.GetResource(item);
                if (r == MmkpInstance::NO_RESOURCE)
                {
                    error = "item " + std::to_string(item) + " has no resource";
                    return false;
                }
            }
        }
    }

    out.precision(std::numeric_limits<double>::max_digits10);
    out << classes << " " << dims << "\n";
    for (uint32_t d = 0; d < dims; ++d)
    {
        out << (d == 0 ? "" : " ") << instance.GetCapacity(d);
    }
    out << "\n";
    auto writeItem = [&out, &instance, dims](int64_t item) {
        out << instance.GetValue(item);
        for (uint32_t d = 0; d < dims; ++d)
        {
            out << " " << instance.GetWeight(item, d);
        }
        out << "\n";
    };
    for (uint32_t c = 0; c < classes; ++c)
    {
        if (!resourcesByPosition)
        {
            out << instance.GetNumItems(c) << "\n";
            for (int64_t item = instance.GetFirstItem(c); item < instance.GetEndItem(c); ++item)
            {
                writeItem(item);
            }
            continue;
        }
        std::fill(slot.begin(), slot.end(), MmkpInstance::REJECTED);
        for (int64_t item = instance.GetFirstItem(c); item < instance.GetEndItem(c); ++item)
        {
            const int32_t r = instance.GetResource(item);
            if (slot[r] != MmkpInstance::REJECTED)
            {
                error = "class " + std::to_string(c) + " has two items on resource " +
                        std::to_string(r);
                return false;
            }
            slot[r] = item;
        }
        out << resources << "\n";
        for (uint32_t r = 0; r < resources; ++r)
        {
            if (slot[r] != MmkpInstance::REJECTED)
            {
                writeItem(slot[r]);
                continue;
            }
            out << 0;
            for (uint32_t d = 0; d < dims; ++d)
            {
                out << " " << 2.0 * instance.GetCapacity(d) + 1.0;
            }
            out << "\n";
        }
    }
    if (!out)
    {
        error = "write error";
        return false;
    }
    return true;
}

bool
WriteMmkpFile(const std::string& path,
              const MmkpInstance& instance,
              bool resourcesByPosition,
              std::string& error)
{
    std::ofstream out(path);
    if (!out)
    {
        error = path + ": cannot open the file for writing";
        return false;
    }
    if (!WriteMmkp(out, instance, resourcesByPosition, error))
    {
        error = path + ": " + error;
        return false;
    }
    out.close();
    if (!out)
    {
        error = path + ": write error";
        return false;
    }
    return true;
}

} // namespace edgedml
} // namespace ns3
