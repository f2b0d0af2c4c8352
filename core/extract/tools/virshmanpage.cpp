#include "virshmanpage.h"
#include "io/confinedfile.h"
#include "io/fswatch.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <zlib.h>

namespace vse {

namespace {

// gzip -> bytes, at most VirshManPage::kMaxSize; false when corrupt or too large.
bool gunzip(const QByteArray &in, QByteArray *out)
{
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return false;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = uInt(in.size());
    QByteArray buf(64 * 1024, Qt::Uninitialized);
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef *>(buf.data());
        z.avail_out = uInt(buf.size());
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        out->append(buf.constData(), buf.size() - qsizetype(z.avail_out));
        if (out->size() > VirshManPage::kMaxSize) {
            rc = Z_MEM_ERROR;
            break;
        }
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END;
}

// groff escapes as rst2man writes them, down to plain text.
QString plain(QString s)
{
    static const QRegularExpression font(QStringLiteral("\\\\f[BIRP]"));
    s.remove(font);
    s.replace(QLatin1String("\\-"), QLatin1String("-"));
    s.replace(QLatin1String("\\(dq"), QLatin1String("\""));
    s.replace(QLatin1String("\\(aq"), QLatin1String("'"));
    s.remove(QLatin1String("\\&"));
    return s;
}

} // namespace

ExtractResult VirshManPage::read(const QString &path, const QString &root)
{
    ExtractResult r;
    // Inside the release's root after symlinks, a regular file, bounded.
    QByteArray data;
    if (!SourceRoot(root).read(path, &data, &r.diagnostics))
        return r;
    if (data.size() > kMaxSize) {
        r.diagnostics << Diagnostic::error(path, 0,
                                           QStringLiteral("larger than %1 bytes").arg(kMaxSize));
        return r;
    }
    if (path.endsWith(QLatin1String(".gz"))) {
        QByteArray out;
        if (!gunzip(data, &out)) {
            r.diagnostics << Diagnostic::error(
                path, 0,
                QStringLiteral("not a readable gzip file (or larger than %1 bytes unpacked)")
                    .arg(kMaxSize));
            return r;
        }
        data = std::move(out);
    }
    return parse(QString::fromUtf8(data), path);
}

ExtractResult VirshManPage::parse(const QString &text, const QString &path)
{
    ExtractResult r;
    const QStringList lines = text.split(QLatin1Char('\n'));
    static const QRegularExpression option(QStringLiteral("^--([a-z0-9][a-z0-9-]*)$"));
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z0-9-]*$"));
    QSet<QString> seen;
    for (int i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).startsWith(QLatin1String(".SS ")))
            continue;
        const int headingLine = i + 1;
        QStringList names;
        for (const QString &n :
             plain(lines.at(i).mid(4)).split(QLatin1Char(','), Qt::SkipEmptyParts))
            names << n.trimmed();
        // The first preformatted block of the section, if it comes before the
        // next section: .nf … .fi, or .EX … .EE (newer docutils, 11.x pages).
        const auto opens = [](const QString &l) {
            return l.startsWith(QLatin1String(".nf")) || l.startsWith(QLatin1String(".EX"));
        };
        const auto closes = [](const QString &l) {
            return l.startsWith(QLatin1String(".fi")) || l.startsWith(QLatin1String(".EE"));
        };
        int j = i + 1;
        while (j < lines.size() && !opens(lines.at(j)) && !lines.at(j).startsWith(QLatin1String(".SS")) &&
               !lines.at(j).startsWith(QLatin1String(".SH")))
            ++j;
        if (j >= lines.size() || !opens(lines.at(j)))
            continue;
        QString synopsis;
        for (++j; j < lines.size() && !closes(lines.at(j)); ++j)
            if (!lines.at(j).startsWith(QLatin1Char('.')))
                synopsis += plain(lines.at(j)) + QLatin1Char(' ');
        QString spaced = synopsis;
        for (const char *sep : {"[", "]", "|", "{", "}"})
            spaced.replace(QLatin1String(sep), QLatin1String(" "));
        const QStringList tokens = spaced.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (tokens.isEmpty() || !names.contains(tokens.constFirst()) ||
            seen.contains(tokens.constFirst()))
            continue;
        const QString command = tokens.constFirst();
        seen.insert(command);
        Item cmd;
        cmd.kind = ItemKind::VirshCommand;
        cmd.name = command;
        cmd.origin = QStringLiteral("virsh");
        cmd.file = path;
        cmd.line = headingLine;
        cmd.signature = synopsis.simplified();
        cmd.attrs.insert(QStringLiteral("from"), QStringLiteral("virsh.1"));
        int options = 0;
        QSet<QString> optionNames;
        for (int t = 1; t < tokens.size(); ++t) {
            const QString &tok = tokens.at(t);
            QString name;
            QString type;
            bool positional = false;
            if (const auto m = option.match(tok); m.hasMatch()) {
                name = m.captured(1);
                const bool value = t + 1 < tokens.size() &&
                                   word.match(tokens.at(t + 1)).hasMatch() &&
                                   !synopsis.contains(tok + QStringLiteral(" |")) &&
                                   !synopsis.contains(tok + QStringLiteral("]"));
                type = value ? QStringLiteral("value") : QStringLiteral("bool");
                if (value)
                    ++t;
            } else if (word.match(tok).hasMatch()) {
                name = tok;
                type = QStringLiteral("value");
                positional = true;
            } else {
                continue;
            }
            if (optionNames.contains(name))
                continue;
            optionNames.insert(name);
            Item opt;
            opt.kind = ItemKind::VirshOption;
            opt.name = command + QStringLiteral(" --") + name;
            opt.parent = command;
            opt.origin = cmd.origin;
            opt.file = path;
            opt.line = headingLine;
            opt.signature = opt.name;
            opt.attrs.insert(QStringLiteral("type"), type);
            opt.attrs.insert(QStringLiteral("positional"), positional);
            opt.attrs.insert(QStringLiteral("from"), QStringLiteral("virsh.1"));
            r.items.append(std::move(opt));
            ++options;
        }
        cmd.attrs.insert(QStringLiteral("options"), options);
        r.items.append(std::move(cmd));
        for (const QString &alias : std::as_const(names)) {
            if (alias == command || seen.contains(alias) || !word.match(alias).hasMatch())
                continue;
            seen.insert(alias);
            Item a;
            a.kind = ItemKind::VirshCommand;
            a.name = alias;
            a.origin = cmd.origin;
            a.file = path;
            a.line = headingLine;
            a.signature = alias;
            a.attrs.insert(QStringLiteral("aliasOf"), command);
            a.attrs.insert(QStringLiteral("from"), QStringLiteral("virsh.1"));
            r.items.append(std::move(a));
        }
    }
    if (r.items.isEmpty())
        r.diagnostics << Diagnostic::error(
            path, 0, QStringLiteral("no command synopsis found (.SS sections with a .nf or .EX block)"));
    return r;
}

} // namespace vse
