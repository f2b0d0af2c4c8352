#pragma once

#include <QString>

namespace vse {

// A string from a small vocabulary that recurs in most item rows: tier ids,
// hypervisor names, evidence kinds, lists of driver names. Each distinct
// value is kept once for the life of the process and a field holds only a
// pointer to it: 8 bytes instead of a QString's 24, which matters when the
// explorer keeps 150 000 rows with four such fields each. Not for names or
// free text, whose values never stop growing.
class VocabularyText
{
public:
    VocabularyText() = default;
    VocabularyText(const QString &text) : m_text(intern(text)) {} // NOLINT: implicit on purpose
    VocabularyText &operator=(const QString &text)
    {
        m_text = intern(text);
        return *this;
    }

    const QString &toString() const { return m_text ? *m_text : emptyText(); }
    operator const QString &() const { return toString(); } // NOLINT: a drop-in for const QString &
    bool isEmpty() const { return m_text == nullptr; }

    // One copy per value, so equal values have equal pointers.
    friend bool operator==(const VocabularyText &a, const VocabularyText &b) { return a.m_text == b.m_text; }
    friend bool operator==(const VocabularyText &a, const QString &b) { return a.toString() == b; }
    friend bool operator==(const QString &a, const VocabularyText &b) { return a == b.toString(); }
    friend bool operator==(const VocabularyText &a, QLatin1StringView b) { return a.toString() == b; }

private:
    const QString *m_text = nullptr; // nullptr: empty

    // The one copy of `text` (nullptr for an empty text); thread-safe.
    static const QString *intern(const QString &text);
    static const QString &emptyText();
};

} // namespace vse
