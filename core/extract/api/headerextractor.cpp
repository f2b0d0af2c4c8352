#include "headerextractor.h"

#include "clangsupport.h"
#include "headerincludes.h"
#include "headervisitor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <vector>

namespace vse {

using clangsupport::take;

namespace {

// Name of the in-memory file that includes the public headers; it never
// exists on disk.
const char kMainFile[] = "vse-libvirt-api.c";

// Headers of a source tree are generated from templates only for
// libvirt-common.h; placeholders like @LIBVIR_VERSION_NUMBER@ are filled by
// the build, which we do not run.
QByteArray substitutePlaceholders(const QByteArray &in, QStringList *names)
{
    static const QRegularExpression re(QStringLiteral("@([A-Za-z_][A-Za-z0-9_]*)@"));
    QString text = QString::fromUtf8(in);
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names->contains(name))
            names->append(name);
    }
    text.replace(re, QStringLiteral("0"));
    return text.toUtf8();
}

Diagnostic clangDiagnostic(CXDiagnostic d, const QString &includeDir)
{
    CXFile file = nullptr;
    unsigned line = 0, column = 0;
    clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, &line, &column, nullptr);
    QString path = file ? QDir::cleanPath(take(clang_getFileName(file))) : QString();
    if (path.startsWith(includeDir + QLatin1Char('/')))
        path = path.mid(includeDir.size() + 1);
    if (path.endsWith(QLatin1String(kMainFile)))
        path = includeDir;
    const QString message = take(clang_getDiagnosticSpelling(d));
    if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error)
        return Diagnostic::error(path, int(line), message, int(column));
    return Diagnostic::warning(path, int(line), message, int(column));
}

} // namespace

QStringList HeaderExtractor::entryHeaders()
{
    // virterror.h is part of libvirt.so's API but libvirt.h does not include it.
    return {QStringLiteral("libvirt/libvirt.h"), QStringLiteral("libvirt/virterror.h"),
            QStringLiteral("libvirt/libvirt-qemu.h"), QStringLiteral("libvirt/libvirt-lxc.h"),
            QStringLiteral("libvirt/libvirt-admin.h")};
}

ExtractResult HeaderExtractor::extract(const QString &includeDirIn, const QString &sourceRoot)
{
    ExtractResult result;
    m_releaseVersion = {};
    const QString includeDir = QDir::cleanPath(QFileInfo(includeDirIn).absoluteFilePath());
    const QFileInfo dirInfo(includeDir);
    if (includeDirIn.isEmpty() || !dirInfo.exists()) {
        result.diagnostics.append(
            Diagnostic::error(includeDirIn, 0, QStringLiteral("include directory does not exist")));
        return result;
    }
    if (!dirInfo.isDir()) {
        result.diagnostics.append(
            Diagnostic::error(includeDir, 0, QStringLiteral("not a directory")));
        return result;
    }
    const QString libvirtDir = includeDir + QStringLiteral("/libvirt");
    if (!QFileInfo(libvirtDir).isDir() || !QDir(libvirtDir).isReadable()) {
        result.diagnostics.append(Diagnostic::error(
            libvirtDir, 0, QStringLiteral("no readable libvirt/ header directory here")));
        return result;
    }

    const SourceRoot root(sourceRoot);
    QStringList present;
    for (const QString &header : entryHeaders())
        if (QFileInfo::exists(includeDir + QLatin1Char('/') + header))
            present << header;
    const QString common = libvirtDir + QStringLiteral("/libvirt-common.h");
    // libvirt-common.h.in stands in for libvirt-common.h in a source tree.
    const bool fromTemplate = !QFileInfo::exists(common) && QFileInfo::exists(common + QStringLiteral(".in"));
    if (fromTemplate)
        present << QStringLiteral("libvirt/libvirt-common.h.in");
    result.diagnostics = checkHeaderIncludes(present, includeDir, root);
    if (hasErrors(result.diagnostics))
        return result;

    QByteArray mainText;
    for (const QString &header : entryHeaders()) {
        const QFileInfo fi(includeDir + QLatin1Char('/') + header);
        if (!fi.exists())
            continue;
        if (!fi.isReadable()) {
            result.diagnostics.append(
                Diagnostic::error(header, 0, QStringLiteral("header is not readable")));
            continue;
        }
        mainText += "#include <" + header.toUtf8() + ">\n";
    }
    if (!mainText.contains("libvirt/libvirt.h")) {
        result.diagnostics.append(
            Diagnostic::error(libvirtDir + QStringLiteral("/libvirt.h"), 0,
                              QStringLiteral("libvirt.h is missing or unreadable")));
        return result;
    }

    // Byte arrays must outlive the parse: CXUnsavedFile only points at them.
    const QByteArray mainPath = (includeDir + QLatin1Char('/') + QLatin1String(kMainFile)).toUtf8();
    QByteArray commonPath, commonText;
    std::vector<CXUnsavedFile> unsaved{
        {mainPath.constData(), mainText.constData(), (unsigned long)mainText.size()}};
    bool placeholders = false;
    if (fromTemplate) {
        QByteArray templateText;
        if (root.read(common + QStringLiteral(".in"), &templateText, &result.diagnostics)) {
            QStringList names;
            commonText = substitutePlaceholders(templateText, &names);
            commonPath = common.toUtf8();
            unsaved.push_back(
                {commonPath.constData(), commonText.constData(), (unsigned long)commonText.size()});
            placeholders = !names.isEmpty();
            if (placeholders)
                result.diagnostics.append(Diagnostic::warning(
                    QStringLiteral("libvirt/libvirt-common.h.in"), 0,
                    QStringLiteral(
                        "source tree has only the libvirt-common.h template: %1 set to 0, "
                        "so the release version is unknown here")
                        .arg(names.join(QStringLiteral(", ")))));
        }
    }

    QList<QByteArray> args = {"-x", "c", "-std=gnu11", "-w",
                              // *_LAST values are only declared with this set.
                              "-DVIR_ENUM_SENTINELS", "-I" + includeDir.toUtf8()};
    for (const QString &a : clangsupport::resourceDirArguments())
        args.append(a.toUtf8());
    std::vector<const char *> argv;
    for (const QByteArray &a : args)
        argv.push_back(a.constData());

    clangsupport::Index index;
    CXTranslationUnit rawTu = nullptr;
    const CXErrorCode rc = clang_parseTranslationUnit2(
        index.get(), mainPath.constData(), argv.data(), int(argv.size()), unsaved.data(),
        unsigned(unsaved.size()),
        CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_SkipFunctionBodies |
            CXTranslationUnit_KeepGoing,
        &rawTu);
    clangsupport::TranslationUnit tu(rawTu);
    if (rc != CXError_Success || !tu.get()) {
        result.diagnostics.append(Diagnostic::error(
            includeDir, 0,
            QStringLiteral("libclang could not parse the headers (error %1)").arg(int(rc))));
        return result;
    }
    const unsigned count = clang_getNumDiagnostics(tu.get());
    for (unsigned i = 0; i < count; ++i) {
        CXDiagnostic d = clang_getDiagnostic(tu.get(), i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error)
            result.diagnostics.append(clangDiagnostic(d, includeDir));
        clang_disposeDiagnostic(d);
    }

    HeaderVisitor visitor(tu.get(), includeDir);
    visitor.run();
    result.items = visitor.takeItems();
    bool ok = false;
    const qint64 number = visitor.versionNumberText().toLongLong(&ok);
    if (ok && number > 0 && !placeholders)
        m_releaseVersion = Version::fromNumber(number);
    return result;
}

} // namespace vse
