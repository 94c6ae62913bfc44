/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TEXT_CHECKERS_H
#define EDGE_DML_TEXT_CHECKERS_H

#include "ns3/string.h"

#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief A checker of StringValue options of the programs (not model
 * attributes): it says why a text is refused and what it accepts, so that
 * program options are checked and described like attributes.
 */
class TextChecker : public StringChecker
{
  public:
    /**
     * \param text a value
     * \param[out] error why it is refused
     * \return whether it is valid
     */
    virtual bool CheckText(const std::string& text, std::string& error) const = 0;
    /// \return what it accepts, for the help text
    virtual std::string Describe() const = 0;

    // Inherited: a StringValue that CheckText accepts.
    bool Check(const AttributeValue& value) const override;
    std::string GetValueTypeName() const override;
    bool HasUnderlyingTypeInformation() const override;
    std::string GetUnderlyingTypeInformation() const override;
    Ptr<AttributeValue> Create() const override;
    bool Copy(const AttributeValue& source, AttributeValue& destination) const override;
};

/**
 * \ingroup edge-dml
 * \brief One of a fixed set of words (e.g. udp or packet).
 */
class ChoiceChecker : public TextChecker
{
  public:
    /// \param choices the valid words
    explicit ChoiceChecker(std::vector<std::string> choices);
    bool CheckText(const std::string& text, std::string& error) const override;
    std::string Describe() const override;

  private:
    std::vector<std::string> m_choices; //!< the valid words
};

/**
 * \ingroup edge-dml
 * \brief The name of a file in the current directory: not empty, no '/',
 * not "." or "..", not starting with '-'.
 */
class FileNameChecker : public TextChecker
{
  public:
    bool CheckText(const std::string& text, std::string& error) const override;
    std::string Describe() const override;
};

/**
 * \ingroup edge-dml
 * \brief A comma-separated list whose items another checker accepts (e.g.
 * bandwidths > 0, or scheduler names). ProgramOptions and CheckAttributeText
 * check the items with it.
 */
class ListChecker : public TextChecker
{
  public:
    /// \param item the checker of each item
    explicit ListChecker(Ptr<const AttributeChecker> item);
    /// \return the checker of each item
    const AttributeChecker& GetItemChecker() const;
    bool CheckText(const std::string& text, std::string& error) const override;
    std::string Describe() const override;

  private:
    Ptr<const AttributeChecker> m_item; //!< the checker of each item
};

/// \ingroup edge-dml \param choices the valid words \return a ChoiceChecker
Ptr<const AttributeChecker> MakeChoiceChecker(std::vector<std::string> choices);
/// \ingroup edge-dml \return a FileNameChecker
Ptr<const AttributeChecker> MakeFileNameChecker();
/// \ingroup edge-dml \param item the checker of each item \return a ListChecker
Ptr<const AttributeChecker> MakeListChecker(Ptr<const AttributeChecker> item);
/// \ingroup edge-dml \return a checker of any non-empty text
Ptr<const AttributeChecker> MakeNonEmptyTextChecker();

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TEXT_CHECKERS_H */
