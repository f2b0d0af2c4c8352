#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

typedef struct _xmlDoc xmlDoc;

namespace vse {

// libvirt keeps a running guest's state in run/libvirt/<driver>/NAME.xml: a
// <domstatus> document (private to libvirtd, no schema) that wraps the live
// <domain> definition, and records as children of <domstatus> each taint
// the daemon set on the guest (<taint flag='REASON'/>, kept while it runs)
// and, from libvirt 7.1.0, each deprecation message (<deprecation>TEXT
// </deprecation>).
struct DomainStatus
{
    struct Line
    {
        QString text; // the taint flag, or the deprecation message
        int line = 0; // in the status file
    };
    QByteArray domain;  // the <domain> element as a document of its own
    int firstLine = 0;  // the line of the status file the <domain> element starts on
    QString state;      // <domstatus state='running'>, empty for a bare <domain>
    QList<Line> taints; // in the order libvirt wrote them
    QList<Line> deprecations;
    // Parts libvirt writes only into status files (resources/policy/
    // status-only.json), set aside from `domain` before it is validated:
    // "interface/actual (2)", "listen@fromConfig (1)"... Elements are
    // replaced by as many newlines as they spanned, so line numbers hold.
    QStringList setAside;
};

// Reads a status file (or a bare <domain>) as untrusted XML; false with
// *why set when the file is refused, does not parse, or has no <domain>.
bool readDomainStatus(const QByteArray &status, const QString &shown, DomainStatus *out,
                      QString *why);
// The same for a document already read (as untrusted XML); the status-only
// parts are removed from `document` itself.
bool domainStatusOf(xmlDoc *document, const QString &shown, DomainStatus *out, QString *why);

} // namespace vse
