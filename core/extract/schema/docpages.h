#pragma once

#include <QString>
#include <QStringList>

namespace vse {

// Which pages of an installed libvirt-doc html folder the index reads: the
// format pages whose XML roots DocSinceExtractor knows, and hvsupport.html
// (the driver matrix). Kept apart from the readers (no libxml2 here) because
// the query commands' freshness check names the same files: a page the
// index never reads must not make it stale, nor cost a stat() per query.
namespace DocPages {

// The XML roots a format page documents ("formatstorage.html" -> pool,
// volume); empty for a page that is not read.
QStringList rootsFor(const QString &page);

inline constexpr const char kDriverMatrix[] = "hvsupport.html";

// The pages above that exist in `htmlDir`, sorted by name.
QStringList readIn(const QString &htmlDir);

} // namespace DocPages

} // namespace vse
