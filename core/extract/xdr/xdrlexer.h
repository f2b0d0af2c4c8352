#pragma once

#include "xdrast.h"

#include <QByteArray>
#include <QList>

namespace vse {

// Appends an error unless kXdrMaxErrors were already reported; the first one
// over the limit is replaced by a "too many errors" note. Returns false once
// the limit is reached, so the caller stops reading.
bool appendLimitedError(Diagnostics *diagnostics, const Diagnostic &error);

struct XdrToken
{
    enum class Type
    {
        End,
        Identifier,
        Number,
        Punct,
        Error
    };

    Type type = Type::End;
    int offset = 0;
    int length = 0;
    int line = 0;
    int column = 0;
    // Comments met between the previous token and this one. Only the first
    // (a trailing comment of the previous token) and the last few (the doc of
    // this one) matter, so a flood of comments cannot grow memory.
    QList<XdrComment> comments;
};

// Splits a .x file into tokens on demand, with one-based line and byte column.
// Comments ride on the token that follows them and '%' pass-through lines are
// collected on the side, so the parser sees only the grammar but can still
// attach libvirt's annotation comments. Bytes that cannot start a token are reported
// (a run of them once), and a NUL byte stops the scan: .x files are text, so
// that is binary input, not a typo.
class XdrLexer
{
public:
    XdrLexer(const QByteArray &bytes, const QString &fileName, Diagnostics *diagnostics);

    XdrToken next();
    QByteArray text(const XdrToken &t) const { return m_bytes.mid(t.offset, t.length); }
    bool is(const XdrToken &t, const char *literal) const;

    QList<XdrPassThrough> takePassThrough() { return std::move(m_passThrough); }
    bool aborted() const { return m_aborted; }

private:
    const QByteArray m_bytes;
    QString m_fileName;
    Diagnostics *m_diagnostics;
    int m_pos = 0;
    int m_line = 1;
    int m_lineStart = 0;
    bool m_aborted = false;
    QList<XdrComment> m_pending; // comments before the next token
    QList<XdrPassThrough> m_passThrough;

    int column() const { return m_pos - m_lineStart + 1; }
    void newline();
    bool atLineStart(int pos) const;
    void skipSpaceAndComments();
    void error(int line, int column, const QString &message);
};

} // namespace vse
