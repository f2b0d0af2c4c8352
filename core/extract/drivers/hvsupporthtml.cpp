#include "driversupport.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace vse {

namespace {

// The real page is about 120 KB; anything this big is not libvirt's page.
// Enough for every driver libvirt ever had, and a bound on hostile input.
constexpr int kMaxColumns = 256;

bool isElement(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE &&
           xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar *>(name)) == 0;
}

QString textOf(const xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    const QString s =
        c ? QString::fromUtf8(reinterpret_cast<const char *>(c)).simplified() : QString();
    xmlFree(c);
    return s;
}

int lineOf(const xmlNode *n)
{
    return int(xmlGetLineNo(n));
}

// Pre-order successor that stays below `root`; `descend` false skips n's subtree.
// Iterative, so a hostile page nested thousands deep cannot exhaust the stack.
const xmlNode *nextNode(const xmlNode *n, const xmlNode *root, bool descend = true)
{
    if (descend && n->children)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return nullptr;
}

const xmlNode *nearestTable(const xmlNode *n)
{
    for (n = n->parent; n; n = n->parent) {
        if (isElement(n, "table"))
            return n;
    }
    return nullptr;
}

QList<const xmlNode *> cellsOf(const xmlNode *tr)
{
    QList<const xmlNode *> cells;
    for (const xmlNode *c = tr->children; c; c = c->next) {
        if (isElement(c, "td") || isElement(c, "th"))
            cells.append(c);
    }
    return cells;
}

class PageReader
{
public:
    PageReader(const QString &file, Diagnostics *diagnostics)
        : m_file(file), m_diagnostics(diagnostics)
    {
    }

    void readTable(const xmlNode *table);
    int tables() const { return m_tables; }
    DriverMatrix takeMatrix() { return std::move(m_matrix); }

private:
    void warn(const xmlNode *n, const QString &message)
    {
        m_diagnostics->append(Diagnostic::warning(m_file, lineOf(n), message));
    }
    bool readHeader(const xmlNode *tr, const QList<const xmlNode *> &cells);
    void readRow(const xmlNode *tr, const QList<const xmlNode *> &cells);

    QString m_file;
    Diagnostics *m_diagnostics;
    DriverMatrix m_matrix;
    QStringList m_drivers; // columns of the current table after "API" and "Version"
    int m_tables = 0;
};

bool PageReader::readHeader(const xmlNode *tr, const QList<const xmlNode *> &cells)
{
    static const QRegularExpression driverName(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QStringList texts;
    for (const xmlNode *c : cells)
        texts.append(textOf(c));
    // libvirt's generator writes "API", "Version", then one column per driver.
    if (texts.size() < 3 || texts.size() > kMaxColumns || texts.at(0) != QLatin1String("API") ||
        texts.at(1) != QLatin1String("Version")) {
        warn(tr, QStringLiteral("table without the API, Version, driver... header (%1): skipped")
                     .arg(texts.mid(0, 4).join(QLatin1String(", "))));
        return false;
    }
    m_drivers.clear();
    for (qsizetype i = 2; i < texts.size(); ++i) {
        if (!driverName.match(texts.at(i)).hasMatch()) {
            warn(cells.at(i), QStringLiteral("column %1 is not a driver name: '%2': table skipped")
                                  .arg(i + 1)
                                  .arg(texts.at(i).left(40)));
            return false;
        }
        m_drivers.append(texts.at(i).toLower());
    }
    return true;
}

void PageReader::readRow(const xmlNode *tr, const QList<const xmlNode *> &cells)
{
    static const QRegularExpression apiName(QStringLiteral("^vir[A-Za-z0-9_]+$"));
    static const QRegularExpression cell(
        QStringLiteral("^(\\d+\\.\\d+\\.\\d+)(?:\\s*-\\s*(\\d+\\.\\d+\\.\\d+))?$"));
    if (cells.size() != m_drivers.size() + 2) {
        warn(tr, QStringLiteral("row with %1 cells where the header has %2: skipped")
                     .arg(cells.size())
                     .arg(m_drivers.size() + 2));
        return;
    }
    const QString name = textOf(cells.at(0));
    if (!apiName.match(name).hasMatch()) {
        warn(cells.at(0),
             QStringLiteral("'%1' is not an API name: row skipped").arg(name.left(60)));
        return;
    }
    QList<DriverSupport> &list = m_matrix[name];
    for (qsizetype i = 2; i < cells.size(); ++i) {
        const QString text = textOf(cells.at(i));
        if (text.isEmpty())
            continue;
        const auto m = cell.match(text);
        if (!m.hasMatch()) {
            warn(cells.at(i),
                 QStringLiteral("%1 / %2: '%3' is not a version or 'version - removal version'")
                     .arg(name, m_drivers.at(i - 2), text.left(40)));
            continue;
        }
        DriverSupport s{m_drivers.at(i - 2), Version::parse(m.captured(1)),
                        Version::parse(m.captured(2)), QStringLiteral("hvsupport.html")};
        if (s.removed.isValid() && s.removed < s.since)
            warn(cells.at(i), QStringLiteral("%1 / %2: removed in %3 before it was added in %4")
                                  .arg(name, s.driver, s.removed.toString(), s.since.toString()));
        addDriverSupport(list, s);
    }
    if (list.isEmpty())
        m_matrix.remove(name);
}

void PageReader::readTable(const xmlNode *table)
{
    bool haveHeader = false;
    bool skip = false;
    for (const xmlNode *n = table->children; n && !skip;
         n = nextNode(n, table, !isElement(n, "tr"))) {
        if (!isElement(n, "tr"))
            continue;
        // A nested table's rows are not this table's: it gets its own turn.
        if (nearestTable(n) != table)
            continue;
        const QList<const xmlNode *> cells = cellsOf(n);
        if (cells.isEmpty())
            continue;
        if (isElement(cells.constFirst(), "th")) {
            // Long tables may repeat their header row: the first one decides.
            if (!haveHeader) {
                haveHeader = readHeader(n, cells);
                skip = !haveHeader;
            }
            continue;
        }
        if (!haveHeader) {
            warn(n, QStringLiteral(
                        "table rows before any API, Version, driver... header: table skipped"));
            return;
        }
        readRow(n, cells);
    }
    if (haveHeader)
        ++m_tables;
}

} // namespace

DriverMatrix readHvSupportHtml(const QString &path, Diagnostics *diagnostics, const SourceRoot &confined)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        diagnostics->append(
            Diagnostic::error(path, 0, QStringLiteral("API support matrix not found")));
        return {};
    }
    QByteArray data;
    if (!confined.read(path, &data, diagnostics))
        return {};
    return readHvSupportHtmlData(data, path, diagnostics);
}

DriverMatrix readHvSupportHtmlData(const QByteArray &data, const QString &path,
                                   Diagnostics *diagnostics)
{
    if (data.size() > SourceRoot::kMaxFileSize) {
        diagnostics->append(
            Diagnostic::error(path, 0, QStringLiteral("larger than any API support matrix")));
        return {};
    }
    if (const qsizetype nul = data.indexOf('\0'); nul >= 0) {
        diagnostics->append(
            Diagnostic::error(path, int(data.left(nul).count('\n')) + 1,
                              QStringLiteral("binary data (NUL byte): not an HTML page")));
        return {};
    }
    // No network, no DTD, no entity expansion: the HTML parser loads none of
    // them with these options, and errors go nowhere (the page's shape is
    // judged below instead).
    const QByteArray url = QFile::encodeName(path);
    htmlDocPtr doc = htmlReadMemory(data.constData(), int(data.size()), url.constData(), "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : nullptr;
    if (!root) {
        diagnostics->append(Diagnostic::error(path, 0, QStringLiteral("cannot parse as HTML")));
        if (doc)
            xmlFreeDoc(doc);
        return {};
    }
    PageReader reader(path, diagnostics);
    for (const xmlNode *n = root; n; n = nextNode(n, root)) {
        if (isElement(n, "table"))
            reader.readTable(n);
    }
    xmlFreeDoc(doc);
    if (reader.tables() == 0)
        diagnostics->append(
            Diagnostic::error(path, 0, QStringLiteral("no API support table found")));
    return reader.takeMatrix();
}

} // namespace vse
