#include "untrustedxml.h"

#include "io/confinedfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

namespace vse {

namespace {

int lineAt(const QByteArray &data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

// Offset of the first byte that does not belong to a well-formed UTF-8
// sequence (data.size() when none; the caller only asks for invalid data).
qsizetype firstInvalidUtf8(const QByteArray &data)
{
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar c = uchar(data.at(i));
        const int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > n)
            return i;
        for (int k = 1; k < len; ++k)
            if ((uchar(data.at(i + k)) & 0xC0) != 0x80)
                return i;
        if (!QByteArrayView(data.constData() + i, len).isValidUtf8())
            return i;
        i += len;
    }
    return n;
}

// Skips the prolog (XML declaration, comments, processing instructions,
// whitespace) and, if a DOCTYPE follows, checks it. Works on the raw bytes:
// the encodings accepted here are all ASCII-compatible.
QString checkDoctype(const QByteArray &data, int *line)
{
    qsizetype i = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype n = data.size();
    while (i < n) {
        const char c = data.at(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
        } else if (data.mid(i, 4) == "<!--") {
            const qsizetype end = data.indexOf("-->", i + 4);
            if (end < 0)
                return {};
            i = end + 3;
        } else if (data.mid(i, 2) == "<?") {
            const qsizetype end = data.indexOf("?>", i + 2);
            if (end < 0)
                return {};
            i = end + 2;
        } else {
            break;
        }
    }
    if (data.mid(i, 9) != "<!DOCTYPE")
        return {};
    *line = lineAt(data, i);
    // The declaration runs to the first '>' outside the internal subset.
    const qsizetype open = data.indexOf('[', i);
    qsizetype close = data.indexOf('>', i);
    const bool hasSubset = open >= 0 && (close < 0 || open < close);
    const QByteArray head = data.mid(i, (hasSubset ? open : close) - i);
    if (head.contains("SYSTEM") || head.contains("PUBLIC"))
        return QCoreApplication::translate("UntrustedXml", "refused: the document type declaration names an external DTD (possible XXE)");
    if (hasSubset) {
        const qsizetype end = data.indexOf("]", open);
        const QByteArray subset = data.mid(open, end < 0 ? -1 : end - open);
        if (subset.contains("<!ENTITY")) {
            *line = lineAt(data, data.indexOf("<!ENTITY", open));
            return QCoreApplication::translate("UntrustedXml", "refused: the document declares entities in its DTD (external entities or "
                      "entity expansion such as \"billion laughs\")");
        }
    }
    return {};
}

} // namespace

UntrustedXml::~UntrustedXml()
{
    if (m_doc)
        xmlFreeDoc(m_doc);
}

QString UntrustedXml::refusalReason(const QByteArray &data, int *line)
{
    *line = 0;
    if (data.size() > kMaxSize)
        return QCoreApplication::translate("UntrustedXml", "refused: the file is larger than 16 MiB");
    *line = 1;
    // Views, not copies: every file of a batch passes through here.
    if (QByteArrayView(data).trimmed().isEmpty())
        return QCoreApplication::translate("UntrustedXml", "the file is empty");
    const uchar *bytes = reinterpret_cast<const uchar *>(data.constData());
    for (qsizetype i = 0, n = data.size(); i < n; ++i) {
        const uchar c = bytes[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            *line = lineAt(data, i);
            return QCoreApplication::translate("UntrustedXml", "not an XML text file: it contains binary data (byte 0x%1)")
                .arg(int(c), 2, 16, QLatin1Char('0'));
        }
    }
    const QByteArrayView body = data.startsWith("\xEF\xBB\xBF") ? QByteArrayView(data).sliced(3) : QByteArrayView(data);
    if (!body.trimmed().startsWith('<')) {
        qsizetype first = data.size() - body.size(); // past a byte-order mark
        while (first < data.size() && QByteArrayView(" \t\r\n").contains(data.at(first)))
            ++first;
        *line = lineAt(data, first);
        return QCoreApplication::translate("UntrustedXml", "not an XML file: it does not start with '<'");
    }
    // A domain XML is UTF-8; other declared encodings are left to libxml2.
    if (!body.first(std::min<qsizetype>(200, body.size())).contains("encoding=") && !body.isValidUtf8()) {
        *line = lineAt(data, firstInvalidUtf8(data));
        return QCoreApplication::translate("UntrustedXml", "not an XML text file: it is not valid UTF-8");
    }
    const QString doctype = checkDoctype(data, line);
    if (!doctype.isEmpty())
        return doctype;
    return structureRefusal(data, line);
}

bool UntrustedXml::load(const QString &file, Diagnostics *diagnostics)
{
    // A file the user names: not confined to a tree, but only a regular file
    // within the size limit is read (a FIFO with no writer would block).
    QByteArray data;
    QString why;
    if (!SourceRoot().read(file, &data, &why)) {
        diagnostics->append(Diagnostic::error(file, 0, why));
        return false;
    }
    return loadData(data, file, diagnostics);
}

bool UntrustedXml::loadData(const QByteArray &data, const QString &file, Diagnostics *diagnostics)
{
    int line = 0;
    const QString reason = refusalReason(data, &line);
    if (!reason.isEmpty()) {
        diagnostics->append(Diagnostic::error(file, line, reason));
        return false;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        diagnostics->append(Diagnostic::error(file, 0, QCoreApplication::translate("UntrustedXml", "out of memory")));
        return false;
    }
    // No network, no entity substitution, no DTD loading or defaulting.
    const QByteArray url = QFile::encodeName(file);
    m_doc = xmlCtxtReadMemory(ctxt, data.constData(), int(data.size()), url.constData(), nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    if (!m_doc || !xmlDocGetRootElement(m_doc)) {
        const xmlError *err = xmlCtxtGetLastError(ctxt);
        const QString msg = err && err->message ? QString::fromUtf8(err->message).trimmed()
                                                : QCoreApplication::translate("UntrustedXml", "not well-formed XML");
        diagnostics->append(Diagnostic::error(file, err ? err->line : 0, QCoreApplication::translate("UntrustedXml", "not well-formed XML: %1").arg(msg),
                                              err ? err->int2 : 0));
        xmlFreeParserCtxt(ctxt);
        if (m_doc)
            xmlFreeDoc(m_doc);
        m_doc = nullptr;
        return false;
    }
    xmlFreeParserCtxt(ctxt);
    // Second line of defence, should the byte scan ever miss a DTD form.
    const bool entities = m_doc->intSubset &&
                          ((m_doc->intSubset->entities &&
                            xmlHashSize(static_cast<xmlHashTablePtr>(m_doc->intSubset->entities)) > 0) ||
                           (m_doc->intSubset->pentities &&
                            xmlHashSize(static_cast<xmlHashTablePtr>(m_doc->intSubset->pentities)) > 0) ||
                           m_doc->intSubset->ExternalID || m_doc->intSubset->SystemID);
    if (entities || m_doc->extSubset) {
        diagnostics->append(Diagnostic::error(file, 1, QCoreApplication::translate("UntrustedXml", "refused: the document declares entities or an external DTD")));
        xmlFreeDoc(m_doc);
        m_doc = nullptr;
        return false;
    }
    return true;
}

} // namespace vse
