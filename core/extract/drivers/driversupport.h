#pragma once

#include "io/confinedfile.h"

#include "model/diagnostic.h"
#include "model/evidence.h"
#include "model/item.h"
#include "model/version.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace vse {

// One hypervisor (or network, storage...) driver implementing one public API:
// the release whose driver table first carried the entry, and the release
// that dropped it when the driver no longer implements the API.
struct DriverSupport
{
    QString driver; // "qemu", "lxc", "test", "bridge"... as libvirt's support matrix names them
    Version since;
    Version removed;  // invalid while the driver still implements the API
    QString evidence; // "hvsupport.html" or "src/qemu/qemu_driver.c:123"

    // As evidence for "since when does this driver implement it":
    // "qemu: hvsupport.html" or "qemu: src/qemu/qemu_driver.c:123".
    Evidence toEvidence() const
    {
        return {Evidence::Kind::DriverTable, since, driver + QStringLiteral(": ") + evidence,
                false};
    }

    friend bool operator==(const DriverSupport &, const DriverSupport &) = default;
};

// Public API function name -> the drivers implementing it, sorted by driver.
using DriverMatrix = QHash<QString, QList<DriverSupport>>;

// Reads libvirt's generated support matrix (libvirt-doc's hvsupport.html).
// A missing, unreadable, oversized or table-less page is an error; a table or
// row of an unexpected shape and a cell that is not a version are warnings
// naming the line, and the rest of the page is still read.
// Read through root (see SourceRoot; "/" confines nothing).
DriverMatrix readHvSupportHtml(const QString &path, Diagnostics *diagnostics, const SourceRoot &root = SourceRoot());
// The same for a page already in memory (the fuzzer's entry point); `name`
// labels diagnostics.
DriverMatrix readHvSupportHtmlData(const QByteArray &data, const QString &name,
                                   Diagnostics *diagnostics);

// Reads the driver tables of a libvirt source tree (src/**/*_driver.c and the
// other files libvirt keeps them in): `.domainCreateXML = qemuDomainCreateXML,
// /* 0.2.0 */`. The member names map to public APIs through src/driver-*.h
// when present, else by libvirt's naming rule (.networkLookupByName ->
// virNetworkLookupByName). A member without a version comment is a warning.
DriverMatrix readDriverTables(const QString &sourceRoot, Diagnostics *diagnostics);

// Sets attrs["drivers"] = [{driver, since, removed?, evidence}] on every
// function item the matrix names (replacing an earlier list). Returns how many
// items got one.
int applyDriverMatrix(ItemList &items, const DriverMatrix &matrix);

// The JSON form applyDriverMatrix stores, and its inverse (for readers of the index).
QJsonArray driverSupportToJson(const QList<DriverSupport> &list);
QList<DriverSupport> driverSupportFromJson(const QJsonArray &array);

// The release history's compact form, without evidence: "qemu 7.1.0,xen
// 0.0.3-4.5.0" (driver, since, and the release that dropped it). Entries
// that do not read so are left out.
QString driverSupportToCompact(const QList<DriverSupport> &list);
QList<DriverSupport> driverSupportFromCompact(const QString &text, const QString &evidence);

// Adds one entry, keeping the list sorted by driver. When the driver is
// already listed, the earlier "since" wins (the same driver can implement an
// API through two tables, e.g. a connect API in the hypervisor and the
// storage table of one file).
void addDriverSupport(QList<DriverSupport> &list, const DriverSupport &entry);

// Where libvirt-doc puts the page under an installed prefix or package set.
QString hvSupportHtmlPath(const QString &prefix = QStringLiteral("/"));

} // namespace vse
