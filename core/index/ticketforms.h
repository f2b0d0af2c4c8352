#pragma once

#include "index/store.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace vse {

// Two forms a ticket or a lesson quotes that name no item of their own;
// `show` and the explorer's search box answer them (ticketforms.cpp).

// A schema file as an error or a lesson names it ("domain.rng", a path to
// it): the roots of the documents it is the schema of, per the index's
// schemas. `file` is empty when `typed` is no .rng name.
struct SchemaFileLookup
{
    QString file;            // "domain.rng"
    QStringList roots;       // "domain"; empty: no document's schema (an included part)
    QStringList schemaFiles; // every document schema the index knows
};
SchemaFileLookup lookUpSchemaFile(const Store &store, const QString &typed);

// A connection URI ("qemu:///system", "qemu+ssh://root@host/system"): the
// hypervisor driver it opens, when the index knows that driver.
struct ConnectionUri
{
    bool isUri = false;
    QString scheme;    // "qemu"
    QString transport; // "ssh"
    QString driver;    // as the driver tables name it ("libxl" for xen://); empty when unknown
    QString hint() const; // what `show`'s "no match" says of it (English; the explorer words its own)
};
ConnectionUri connectionUriIn(const QString &typed, const QSet<QString> &knownDrivers);

} // namespace vse
