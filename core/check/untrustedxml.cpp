#include "untrustedxml.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

namespace vse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UntrustedXml", text);
}

int lineAt(const QByteArray &data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
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
        return tr("refused: the document type declaration names an external DTD (possible XXE)");
    if (hasSubset) {
        const qsizetype end = data.indexOf("]", open);
        const QByteArray subset = data.mid(open, end < 0 ? -1 : end - open);
        if (subset.contains("<!ENTITY")) {
            *line = lineAt(data, data.indexOf("<!ENTITY", open));
            return tr("refused: the document declares entities in its DTD (external entities or "
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
        return tr("refused: the file is larger than 16 MiB");
    if (data.trimmed().isEmpty())
        return tr("the file is empty");
    for (qsizetype i = 0; i < data.size(); ++i) {
        const uchar c = uchar(data.at(i));
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            *line = lineAt(data, i);
            return tr("not an XML text file: it contains binary data (byte 0x%1)")
                .arg(int(c), 2, 16, QLatin1Char('0'));
        }
    }
    const QByteArray body = data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
    if (!body.trimmed().startsWith('<'))
        return tr("not an XML file: it does not start with '<'");
    // A domain XML is UTF-8; other declared encodings are left to libxml2.
    if (!body.left(200).contains("encoding=") && !QByteArrayView(body).isValidUtf8())
        return tr("not an XML text file: it is not valid UTF-8");
    return checkDoctype(data, line);
}

bool UntrustedXml::load(const QString &file, Diagnostics *diagnostics)
{
    const QFileInfo info(file);
    if (!info.exists()) {
        diagnostics->append(Diagnostic::error(file, 0, tr("file not found")));
        return false;
    }
    // Refuse by size before reading a byte of it.
    if (info.size() > kMaxSize) {
        diagnostics->append(Diagnostic::error(
            file, 0, tr("refused: the file is larger than 16 MiB (%1 bytes)").arg(info.size())));
        return false;
    }
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        diagnostics->append(Diagnostic::error(file, 0, f.errorString()));
        return false;
    }
    // Devices and pipes report no size: read at most one byte past the cap.
    const QByteArray data = f.read(kMaxSize + 1);
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
        diagnostics->append(Diagnostic::error(file, 0, tr("out of memory")));
        return false;
    }
    // No network, no entity substitution, no DTD loading or defaulting.
    const QByteArray url = QFile::encodeName(file);
    m_doc = xmlCtxtReadMemory(ctxt, data.constData(), int(data.size()), url.constData(), nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    if (!m_doc || !xmlDocGetRootElement(m_doc)) {
        const xmlError *err = xmlCtxtGetLastError(ctxt);
        const QString msg = err && err->message ? QString::fromUtf8(err->message).trimmed()
                                                : tr("not well-formed XML");
        diagnostics->append(Diagnostic::error(file, err ? err->line : 0, tr("not well-formed XML: %1").arg(msg),
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
        diagnostics->append(Diagnostic::error(file, 1, tr("refused: the document declares entities or an external DTD")));
        xmlFreeDoc(m_doc);
        m_doc = nullptr;
        return false;
    }
    return true;
}

} // namespace vse
