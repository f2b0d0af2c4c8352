#pragma once

#include "index/releasediff.h"

#include <QCoreApplication>
#include <QStringList>

namespace vse::gui {

// The outcome of one policy audit over the releases of an index.
struct AuditReport
{
    QList<AuditFinding> findings; // violations first, then allowed changes, each in release order
    QStringList versions;         // the audited releases, oldest first
    int violations = 0;
    QString error; // the index could not be read
};

// Runs auditReleases() over every release stored in an index file. It opens
// its own Store, so it is safe off the GUI thread while the window keeps
// reading the snapshot's.
class AuditRunner
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::AuditRunner)
public:
    static AuditReport run(const QString &indexPath);
    // "file:line" of an item, or its file alone.
    static QString where(const Item &item);
};

} // namespace vse::gui
