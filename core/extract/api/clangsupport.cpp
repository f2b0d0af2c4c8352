#include "clangsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace vse::clangsupport {

QString take(CXString s)
{
    const char *c = clang_getCString(s);
    QString result = c ? QString::fromUtf8(c) : QString();
    clang_disposeString(s);
    return result;
}

namespace {

int loadedClangMajor()
{
    // "Debian clang version 14.0.6" or "clang version 19.1.7 (...)"
    const QString v = take(clang_getClangVersion());
    static const QRegularExpression re(QStringLiteral("version (\\d+)\\."));
    const auto m = re.match(v);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString findResourceDir()
{
    const int major = loadedClangMajor();
    if (major < 0)
        return {};
    const QString num = QString::number(major);
    // Debian: /usr/lib/llvm-14/lib/clang/14.0.6, /usr/lib/llvm-19/lib/clang/19;
    // other layouts keep /usr/lib/clang/<ver>.
    const QStringList parents = {
        QStringLiteral("/usr/lib/llvm-") + num + QStringLiteral("/lib/clang"),
        QStringLiteral("/usr/lib64/clang"), QStringLiteral("/usr/lib/clang"),
        QStringLiteral("/usr/local/lib/clang")};
    for (const QString &parent : parents) {
        const QStringList versions =
            QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &ver : versions) {
            if (ver != num && !ver.startsWith(num + QLatin1Char('.')))
                continue;
            const QString dir = parent + QLatin1Char('/') + ver;
            if (QFileInfo::exists(dir + QStringLiteral("/include/stddef.h")))
                return dir;
        }
    }
    return {};
}

} // namespace

QStringList resourceDirArguments()
{
    static const QString dir = findResourceDir();
    if (dir.isEmpty())
        return {};
    return {QStringLiteral("-resource-dir"), dir};
}

} // namespace vse::clangsupport
