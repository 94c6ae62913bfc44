/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "text-checkers.h"

#include "attribute-text.h"

namespace ns3
{
namespace edgedml
{

bool
TextChecker::Check(const AttributeValue& value) const
{
    const auto* text = dynamic_cast<const StringValue*>(&value);
    std::string error;
    return text && CheckText(text->Get(), error);
}

std::string
TextChecker::GetValueTypeName() const
{
    return "ns3::StringValue";
}

bool
TextChecker::HasUnderlyingTypeInformation() const
{
    return true;
}

std::string
TextChecker::GetUnderlyingTypeInformation() const
{
    return Describe();
}

Ptr<AttributeValue>
TextChecker::Create() const
{
    return ns3::Create<StringValue>();
}

bool
TextChecker::Copy(const AttributeValue& source, AttributeValue& destination) const
{
    const auto* from = dynamic_cast<const StringValue*>(&source);
    auto* to = dynamic_cast<StringValue*>(&destination);
    if (!from || !to)
    {
        return false;
    }
    *to = *from;
    return true;
}

ChoiceChecker::ChoiceChecker(std::vector<std::string> choices)
    : m_choices(std::move(choices))
{
}

bool
ChoiceChecker::CheckText(const std::string& text, std::string& error) const
{
    error = "use one of";
    for (const auto& choice : m_choices)
    {
        if (choice == text)
        {
            return true;
        }
        error += " " + choice;
    }
    return false;
}

std::string
ChoiceChecker::Describe() const
{
    std::string text;
    for (const auto& choice : m_choices)
    {
        text += (text.empty() ? "" : ", ") + choice;
    }
    return text;
}

bool
FileNameChecker::CheckText(const std::string& text, std::string& error) const
{
    if (text.empty() || text == "." || text == ".." || text.find('/') != std::string::npos ||
        text[0] == '-')
    {
        error = "give a file name in the current directory (no '/')";
        return false;
    }
    return true;
}

std::string
FileNameChecker::Describe() const
{
    return "a file name in the current directory";
}

ListChecker::ListChecker(Ptr<const AttributeChecker> item)
    : m_item(item)
{
}

const AttributeChecker&
ListChecker::GetItemChecker() const
{
    return *m_item;
}

bool
ListChecker::CheckText(const std::string& text, std::string& error) const
{
    std::string normalised;
    return CheckAttributeText(*this, text, "", normalised, error);
}

std::string
ListChecker::Describe() const
{
    const std::string items = DescribeRange(*m_item);
    return "a comma-separated list" + (items.empty() ? std::string() : " of " + items);
}

namespace
{

/// Any non-empty text.
class NonEmptyTextChecker : public TextChecker
{
  public:
    bool CheckText(const std::string& text, std::string& error) const override
    {
        error = "empty value; give a value or leave the option out for its default";
        return !text.empty();
    }

    std::string Describe() const override
    {
        return "";
    }
};

} // namespace

Ptr<const AttributeChecker>
MakeChoiceChecker(std::vector<std::string> choices)
{
    return Create<ChoiceChecker>(std::move(choices));
}

Ptr<const AttributeChecker>
MakeFileNameChecker()
{
    return Create<FileNameChecker>();
}

Ptr<const AttributeChecker>
MakeListChecker(Ptr<const AttributeChecker> item)
{
    return Create<ListChecker>(item);
}

Ptr<const AttributeChecker>
MakeNonEmptyTextChecker()
{
    return Create<NonEmptyTextChecker>();
}

} // namespace edgedml
} // namespace ns3
