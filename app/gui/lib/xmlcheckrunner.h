#pragma once

#include "indexsnapshot.h"

#include "check/xmlcheckreport.h"

#include <QCoreApplication>

namespace vse::gui {

// Runs the domain-XML checker (core/check) against the loaded index: the
// schemas of the newest indexed release that has them, and its XML items for
// tier and since. Safe to call off the GUI thread.
class XmlCheckRunner
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::XmlCheckRunner)
public:
    static XmlCheckReport check(const SnapshotPtr &snapshot, const QByteArray &xml, const QString &name,
                                Version target);
    // The verdict on top (what it means, each taint explained), then one row
    // per node with all its findings, with vse:name links to the index items.
    static QString reportHtml(const XmlCheckReport &report, Version target);
    // Checks each file (a folder's *.xml) in turn: a summary of the verdicts
    // first, then each file's verdict and findings under its name.
    static QString folderHtml(const SnapshotPtr &snapshot, const QStringList &files, Version target);

private:
    struct Lookup;
    static XmlCheckReport check(Lookup &lookup, const QByteArray &xml, const QString &name, Version target);
};

} // namespace vse::gui
