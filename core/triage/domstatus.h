#pragma once

#include <QByteArray>
#include <QString>

namespace vse {

// libvirt keeps a running guest's state in run/libvirt/<driver>/NAME.xml: a
// <domstatus> document (private to libvirtd, no schema) that wraps the live
// <domain> definition. This returns that <domain> element as a document of
// its own, read as untrusted XML; false with *why set when the file is
// refused, does not parse, or has no <domain>. *firstLine is the line of the
// status file the <domain> element starts on.
bool domainOfStatus(const QByteArray &status, const QString &shown, QByteArray *domain,
                    int *firstLine, QString *why);

} // namespace vse
