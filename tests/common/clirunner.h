#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the real virt-support binary (path from $VSE_CLI, set by ctest) the
// way a user does, with a chosen index file.
namespace vse::testdata {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    bool crashed = false;
};

inline CliRun runCli(const QString &indexPath, const QStringList &args, int timeoutMs = 120000,
                     const QProcessEnvironment &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &k : extraEnv.keys())
        env.insert(k, extraEnv.value(k));
    p.setProcessEnvironment(env);
    QStringList full;
    if (!indexPath.isEmpty())
        full << QStringLiteral("--index") << indexPath;
    full << args;
    p.start(qEnvironmentVariable("VSE_CLI"), full);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.crashed = true;
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace vse::testdata
