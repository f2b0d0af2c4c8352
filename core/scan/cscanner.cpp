#include "cscanner.h"

#include "compiledb.h"
#include "cusevisitor.h"
#include "extract/api/clangsupport.h"
#include "io/confinedfile.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <clang-c/Index.h>

#include <vector>

namespace vse::scan {

using clangsupport::take;

namespace {

bool isHeader(const QString &file)
{
    const QString s = QFileInfo(file).suffix().toLower();
    return s == QLatin1String("h") || s == QLatin1String("hh") || s == QLatin1String("hpp") ||
           s == QLatin1String("hxx");
}

bool isCxx(const QString &file)
{
    const QString s = QFileInfo(file).suffix().toLower();
    return s == QLatin1String("cc") || s == QLatin1String("cpp") || s == QLatin1String("cxx") ||
           s == QLatin1String("hh") || s == QLatin1String("hpp") || s == QLatin1String("hxx");
}

QStringList fallbackArgs(const QString &file, const QStringList &roots)
{
    QStringList args{QStringLiteral("-x"),
                     isCxx(file)
                         ? (isHeader(file) ? QStringLiteral("c++-header") : QStringLiteral("c++"))
                         : (isHeader(file) ? QStringLiteral("c-header") : QStringLiteral("c"))};
    args << CScanner::libvirtCflags();
    args << QStringLiteral("-I") + QFileInfo(file).absolutePath();
    for (const QString &r : roots)
        args << QStringLiteral("-I") + r;
    return args;
}

// Arguments every parse gets, the scan's and the benchmark's alike.
std::vector<QByteArray> clangArgs(const CompileJob &job)
{
    std::vector<QByteArray> out;
    for (const QString &a : job.args)
        out.push_back(a.toUtf8());
    out.push_back("-w"); // warnings are not the scan's business; errors are
    for (const QString &a : clangsupport::resourceDirArguments())
        out.push_back(a.toUtf8());
    return out;
}

CXTranslationUnit parse(CXIndex index, const CompileJob &job, unsigned flags)
{
    const std::vector<QByteArray> args = clangArgs(job);
    std::vector<const char *> argv;
    for (const QByteArray &a : args)
        argv.push_back(a.constData());
    const QByteArray file = QFile::encodeName(job.file);
    CXTranslationUnit tu = nullptr;
    if (clang_parseTranslationUnit2(index, file.constData(), argv.data(), int(argv.size()), nullptr,
                                    0, flags | CXTranslationUnit_KeepGoing, &tu) != CXError_Success)
        return nullptr;
    return tu;
}

// Binary input (a NUL in the first 64 KiB), or too big / unreadable for
// SourceRoot's rules: a message, and the file is not handed to clang.
QString refusal(const QString &file)
{
    QByteArray data;
    QString why;
    if (!SourceRoot().read(file, &data, &why))
        return why;
    if (data.left(64 * 1024).contains('\0'))
        return QStringLiteral("binary file (it holds NUL bytes), not scanned as C");
    return {};
}

// Up to three errors clang reported for the TU, as one message.
Diagnostics parseProblems(CXTranslationUnit tu, const QString &file)
{
    Diagnostics out;
    const unsigned count = clang_getNumDiagnostics(tu);
    int errors = 0;
    Diagnostic first;
    for (unsigned i = 0; i < count; ++i) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            if (errors++ == 0) {
                CXFile f = nullptr;
                unsigned line = 0, col = 0;
                clang_getFileLocation(clang_getDiagnosticLocation(d), &f, &line, &col, nullptr);
                first = Diagnostic::warning(f ? take(clang_getFileName(f)) : file, int(line),
                                            take(clang_getDiagnosticSpelling(d)), int(col));
            }
        }
        clang_disposeDiagnostic(d);
    }
    if (errors > 0) {
        first.message =
            QStringLiteral("%1 (%2 error(s) parsing %3; the uses in what parsed are reported)")
                .arg(first.message)
                .arg(errors)
                .arg(file);
        out.append(first);
    }
    return out;
}

} // namespace

CScanner::CScanner(CScanOptions options) : m_options(std::move(options)) {}

bool CScanner::isCSource(const QString &file)
{
    static const QStringList suffixes{
        QStringLiteral("c"),   QStringLiteral("h"),  QStringLiteral("cc"),  QStringLiteral("cpp"),
        QStringLiteral("cxx"), QStringLiteral("hh"), QStringLiteral("hpp"), QStringLiteral("hxx")};
    return suffixes.contains(QFileInfo(file).suffix().toLower());
}

QStringList CScanner::libvirtCflags()
{
    static const QStringList flags = [] {
        QProcess p;
        p.start(QStringLiteral("pkg-config"),
                {QStringLiteral("--cflags"), QStringLiteral("libvirt")});
        if (!p.waitForFinished(10000) || p.exitCode() != 0)
            return QStringList();
        return splitCommandLine(QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed());
    }();
    return flags;
}

QList<CompileJob> CScanner::plan(const QStringList &files, Diagnostics *problems) const
{
    QList<CompileJob> jobs;
    QSet<QString> planned;
    QStringList databases;
    if (!m_options.compileCommands.isEmpty())
        databases << m_options.compileCommands;
    else
        for (const QString &r : m_options.roots)
            if (const QString db = CompileDatabase::find(r);
                !db.isEmpty() && !databases.contains(db))
                databases << db;
    QSet<QString> wanted;
    for (const QString &f : files)
        wanted.insert(QFileInfo(f).canonicalFilePath());
    for (const QString &path : std::as_const(databases)) {
        const CompileDatabase db = CompileDatabase::load(path, problems);
        for (const QString &f : db.files) {
            // Only the application's files; a database also lists generated
            // or third-party sources outside the folders given.
            if (!wanted.contains(f) || planned.contains(f))
                continue;
            planned.insert(f);
            jobs.append({f, db.argsByFile.value(f), true});
        }
    }
    // Sources the database does not build, then headers no TU includes are
    // added by scan() itself once it knows which ones were seen.
    for (const QString &f : files) {
        const QString canonical = QFileInfo(f).canonicalFilePath();
        if (canonical.isEmpty() || planned.contains(canonical))
            continue;
        planned.insert(canonical);
        jobs.append({canonical, fallbackArgs(canonical, m_options.roots), false});
    }
    return jobs;
}

QList<FileScan> CScanner::scan(const QList<CompileJob> &jobs) const
{
    // Sources first; a header becomes a TU of its own only when no source
    // included it (its uses were then recorded through the includer).
    QList<CompileJob> sources, headers;
    for (const CompileJob &j : jobs)
        (isHeader(j.file) ? headers : sources).append(j);

    std::atomic<int> done{0};
    const int total = int(jobs.size());
    const auto runOne = [&](const CompileJob &job) -> QList<FileScan> {
        if (m_options.cancel && m_options.cancel->load())
            return {};
        QList<FileScan> out;
        if (const QString why = refusal(job.file); !why.isEmpty()) {
            FileScan fs;
            fs.file = job.file;
            fs.language = isCxx(job.file) ? QStringLiteral("c++") : QStringLiteral("c");
            fs.problems.append(Diagnostic::warning(job.file, 0, why));
            out.append(fs);
        } else {
            clangsupport::Index index;
            clangsupport::TranslationUnit tu(
                parse(index.get(), job, CXTranslationUnit_DetailedPreprocessingRecord));
            if (!tu.get()) {
                FileScan fs;
                fs.file = job.file;
                fs.language = isCxx(job.file) ? QStringLiteral("c++") : QStringLiteral("c");
                fs.problems.append(Diagnostic::warning(
                    job.file, 0, QStringLiteral("libclang could not parse it")));
                out.append(fs);
            } else {
                out = CUseVisitor(tu.get(), m_options.roots).run();
                const Diagnostics problems = parseProblems(tu.get(), job.file);
                bool attached = false;
                for (FileScan &fs : out)
                    if (fs.file == job.file) {
                        fs.problems += problems;
                        attached = true;
                    }
                if (!attached) {
                    FileScan fs;
                    fs.file = job.file;
                    fs.language = isCxx(job.file) ? QStringLiteral("c++") : QStringLiteral("c");
                    fs.problems = problems;
                    out.append(fs);
                }
            }
        }
        const int n = ++done;
        if (m_options.progress)
            m_options.progress(n, total, job.file);
        return out;
    };

    // Several TUs include the same header: its uses are merged once.
    QHash<QString, FileScan> merged;
    QHash<QString, QSet<QString>> seenUses;
    QStringList order;
    const auto absorb = [&](const QList<QList<FileScan>> &results) {
        for (const auto &list : results)
            for (const FileScan &fs : list) {
                auto it = merged.find(fs.file);
                if (it == merged.end()) {
                    order << fs.file;
                    it = merged.insert(fs.file, FileScan{fs.file, fs.language, {}, fs.guards, {}});
                }
                it->problems += fs.problems;
                QSet<QString> &seen = seenUses[fs.file];
                for (const Use &u : fs.uses) {
                    const QString key =
                        QStringLiteral("%1:%2:%3").arg(u.pos.line).arg(u.pos.column).arg(u.symbol);
                    if (seen.contains(key))
                        continue;
                    seen.insert(key);
                    it->uses.append(u);
                }
            }
    };
    absorb(QtConcurrent::blockingMapped(sources, runOne));
    QList<CompileJob> unseen;
    for (const CompileJob &h : std::as_const(headers))
        if (!merged.contains(h.file))
            unseen.append(h);
    done += int(headers.size() - unseen.size());
    absorb(QtConcurrent::blockingMapped(unseen, runOne));

    QList<FileScan> out;
    for (const QString &f : std::as_const(order)) {
        FileScan fs = merged.take(f);
        std::sort(fs.uses.begin(), fs.uses.end(), [](const Use &a, const Use &b) {
            return std::tie(a.pos.line, a.pos.column, a.symbol) <
                   std::tie(b.pos.line, b.pos.column, b.symbol);
        });
        out.append(std::move(fs));
    }
    std::sort(out.begin(), out.end(),
              [](const FileScan &a, const FileScan &b) { return a.file < b.file; });
    return out;
}

int CScanner::bareParse(const QList<CompileJob> &jobs)
{
    const auto one = [](const CompileJob &job) {
        clangsupport::Index index;
        clangsupport::TranslationUnit tu(parse(index.get(), job, CXTranslationUnit_None));
        return tu.get() ? 1 : 0;
    };
    const QList<int> parsed =
        QtConcurrent::blockingMapped(jobs, std::function<int(const CompileJob &)>(one));
    return int(std::count(parsed.begin(), parsed.end(), 1));
}

} // namespace vse::scan
