#include "pyhelper.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>
#include <QStandardPaths>

namespace vse::scan {

QByteArray pythonHelperSource()
{
    QFile f(QStringLiteral(":/vse/scan/vse-pyscan.py"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

std::optional<QJsonObject> runPythonHelper(const QString &mode, const QStringList &files,
                                           Diagnostics *problems, const QStringList &options)
{
    const auto fail = [&](const QString &message) -> std::optional<QJsonObject> {
        if (problems)
            problems->append(Diagnostic::error(QString(), 0, message));
        return std::nullopt;
    };
    const QString python = qEnvironmentVariable("VSE_PYTHON", QStringLiteral("python3"));
    if (QStandardPaths::findExecutable(python).isEmpty() && !QFile::exists(python))
        return fail(
            QStringLiteral("%1 not found: scanning Python needs Python 3 (apt-get install python3)")
                .arg(python));
    const QByteArray source = pythonHelperSource();
    if (source.isEmpty())
        return fail(QStringLiteral("the Python helper is missing from this build"));

    QProcess proc;
    proc.setProgram(python);
    proc.setArguments(
        QStringList{QStringLiteral("-I"), QStringLiteral("-c"), QString::fromUtf8(source), mode} +
        options + QStringList{QStringLiteral("-")});
    proc.start();
    if (!proc.waitForStarted(10000))
        return fail(QStringLiteral("cannot start %1: %2").arg(python, proc.errorString()));
    QByteArray list;
    for (const QString &f : files)
        list += f.toUtf8() + '\n';
    proc.write(list);
    proc.closeWriteChannel();
    // Generous: a large tree parses at some 10 000 lines per 100 ms; a
    // helper that hangs is killed rather than waited for.
    const int timeoutMs = 60000 + 200 * int(files.size());
    QByteArray out;
    if (!proc.waitForFinished(timeoutMs)) {
        proc.kill();
        proc.waitForFinished(2000);
        return fail(
            QStringLiteral("the Python helper did not finish within %1 s").arg(timeoutMs / 1000));
    }
    out = proc.readAllStandardOutput();
    if (proc.exitStatus() != QProcess::NormalExit)
        return fail(QStringLiteral("the Python helper (%1) crashed").arg(python));
    if (proc.exitCode() != 0)
        return fail(QStringLiteral("the Python helper failed (exit %1): %2")
                        .arg(proc.exitCode())
                        .arg(QString::fromUtf8(proc.readAllStandardError()).trimmed().right(400)));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &err);
    if (!doc.isObject())
        return fail(
            QStringLiteral("the Python helper's answer is not JSON: %1").arg(err.errorString()));
    return doc.object();
}

} // namespace vse::scan
