#include "errormessages.h"

#include "csource.h"

#include "io/confinedfile.h"
#include "io/fswatch.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace vse {

namespace {

// The literal without a printf placeholder (the message when no detail is
// given), else the first one with its placeholder cut off.
QString shortMessage(const QString &block)
{
    static const QRegularExpression literal(QStringLiteral(
        "_\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*\"(?:[^\"\\\\]|\\\\.)*\")*)\\s*\\)"));
    QStringList all;
    auto it = literal.globalMatch(block);
    while (it.hasNext())
        all << CSource::stringValue(it.next().captured(1));
    for (const QString &s : std::as_const(all))
        if (!s.contains(QLatin1Char('%')))
            return s;
    if (all.isEmpty())
        return {};
    QString s = all.constFirst();
    static const QRegularExpression placeholder(QStringLiteral("[:\\s]*%(\\d+\\$)?s.*$"));
    return s.remove(placeholder).trimmed();
}

} // namespace

QString ErrorMessages::sourceFile(const QString &root)
{
    for (const char *p : {"src/util/virerror.c", "src/util/virterror.c", "src/virterror.c"}) {
        const QString f = root + QLatin1Char('/') + QLatin1String(p);
        if (FsWatch::isFile(f))
            return f;
    }
    return {};
}

QHash<QString, ErrorMessages::Message> ErrorMessages::readTree(const QString &root, QString *file,
                                                               Diagnostics *diagnostics)
{
    *file = sourceFile(root);
    if (file->isEmpty())
        return {};
    // Inside the tree after symlinks, a regular file, within the one size limit.
    QByteArray data;
    if (!SourceRoot(root).read(*file, &data, diagnostics))
        return {};
    return parse(QString::fromUtf8(data), *file, diagnostics);
}

QHash<QString, ErrorMessages::Message>
ErrorMessages::parse(const QString &text, const QString &file, Diagnostics *diagnostics)
{
    QHash<QString, Message> out;
    const CSource src(file, text);
    const QString &code = src.code();
    static const QRegularExpression table(
        QStringLiteral("virErrorMsgStrings\\s*\\[\\s*\\]\\s*=\\s*\\{"));
    if (const auto m = table.match(code); m.hasMatch()) {
        const int open = int(m.capturedEnd()) - 1;
        const int close = CSource::matchBrace(code, open);
        if (close < 0) {
            diagnostics->append(Diagnostic::error(
                file, src.lineAt(open), QStringLiteral("unterminated virErrorMsgStrings")));
            return out;
        }
        static const QRegularExpression designator(
            QStringLiteral("^\\[\\s*(VIR_[A-Z0-9_]+)\\s*\\]\\s*=\\s*(.*)$"),
            QRegularExpression::DotMatchesEverythingOption);
        for (const CSource::Element &e :
             CSource::splitTopLevel(code.mid(open + 1, close - open - 2), open + 1)) {
            const auto d = designator.match(e.text);
            if (!d.hasMatch())
                continue;
            QString value = d.captured(2).trimmed();
            if (value.startsWith(QLatin1Char('{')))
                value = value.mid(1, value.size() - 2);
            const QList<CSource::Element> parts = CSource::splitTopLevel(value);
            const QString msg =
                parts.isEmpty() ? QString() : CSource::stringValue(parts.constFirst().text);
            if (!msg.isEmpty())
                out.insert(d.captured(1), {msg, src.lineAt(e.offset)});
        }
        return out;
    }
    // Old releases: the switch of virErrorMsg().
    static const QRegularExpression caseRe(
        QStringLiteral("\\bcase\\s+(VIR_(?:ERR|WAR)_[A-Z0-9_]+)\\s*:"));
    QStringList pending;
    int pendingLine = 0;
    qsizetype blockStart = -1;
    auto flush = [&](qsizetype end) {
        if (pending.isEmpty() || blockStart < 0)
            return;
        const QString msg = shortMessage(code.mid(blockStart, end - blockStart));
        if (!msg.isEmpty())
            for (const QString &n : std::as_const(pending))
                out.insert(n, {msg, pendingLine});
        pending.clear();
    };
    const qsizetype fn = code.indexOf(QLatin1String("virErrorMsg("));
    if (fn < 0)
        return out;
    auto it = caseRe.globalMatch(code, fn);
    qsizetype lastEnd = -1;
    while (it.hasNext()) {
        const auto m = it.next();
        // Cases with nothing but whitespace between them share one message.
        const bool stacked =
            lastEnd >= 0 && code.mid(lastEnd, m.capturedStart() - lastEnd).trimmed().isEmpty();
        if (!stacked) {
            flush(m.capturedStart());
            pendingLine = src.lineAt(int(m.capturedStart()));
        }
        pending << m.captured(1);
        blockStart = m.capturedEnd();
        lastEnd = m.capturedEnd();
    }
    if (!pending.isEmpty()) {
        qsizetype end = code.indexOf(QLatin1String("default:"), blockStart);
        if (end < 0)
            end = code.indexOf(QLatin1String("return"), blockStart);
        flush(end < 0 ? code.size() : end);
    }
    return out;
}

int ErrorMessages::apply(ItemList &items, const QHash<QString, Message> &messages,
                         const QString &file)
{
    int n = 0;
    for (Item &it : items) {
        if (it.kind != ItemKind::EnumValue || it.origin != QLatin1String("error-code"))
            continue;
        const auto m = messages.constFind(it.name);
        if (m == messages.cend())
            continue;
        it.attrs.insert(QStringLiteral("message"), m->text);
        it.attrs.insert(QStringLiteral("messageAt"),
                        QString(file + QLatin1Char(':') + QString::number(m->line)));
        ++n;
    }
    return n;
}

} // namespace vse
