#include "releasemerger.h"

#include "xmlresolver.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <memory>
#include <vector>
#include <algorithm>

namespace vse {

const QStringList &ReleaseMerger::mergedKeys()
{
    static const QStringList keys{QStringLiteral("releases"), QStringLiteral("removedIn"),
                                  QStringLiteral("otherNames"), QStringLiteral("latest")};
    return keys;
}

QString ReleaseMerger::identityOf(const Item &item)
{
    // A symbol known only from a .syms file (a function, as far as the
    // linker script says) may be a variable in the headers of another
    // release: exported symbols share one identity. Other C names may repeat
    // across kinds (an enum and its typedef), so they keep their kind.
    if (item.kind == ItemKind::Function || item.kind == ItemKind::Variable)
        return QStringLiteral("symbol|") + item.identity();
    return kindId(item.kind) + QLatin1Char('|') + item.identity();
}

namespace {

// The newest row carries copies of the other releases' evidence, their
// detail prefixed with that release ("7.0.0: libvirt.so.0: LIBVIRT_0.0.3").
// No extractor writes a detail that starts with a version and ": ".
bool isMergeCopy(const Evidence &e)
{
    const QString &d = e.detail;
    qsizetype i = 0;
    int numbers = 0;
    while (numbers < 3) {
        const qsizetype start = i;
        while (i < d.size() && d.at(i).isDigit())
            ++i;
        if (i == start)
            return false;
        ++numbers;
        if (i < d.size() && d.at(i) == QLatin1Char('.') && numbers < 3) {
            ++i;
            continue;
        }
        break;
    }
    return numbers >= 2 && d.mid(i, 2) == QLatin1String(": ");
}

void stripEarlierMerge(Item &it)
{
    for (const auto &k : ReleaseMerger::mergedKeys())
        it.attrs.remove(k);
    // An index updated release by release merges rows loaded from itself:
    // what the last merge added goes first, copies included, or they pile up.
    it.evidence.erase(std::remove_if(it.evidence.begin(), it.evidence.end(),
                                     [](const Evidence &e) {
                                         return e.kind == Evidence::Kind::FirstRelease || isMergeCopy(e);
                                     }),
                      it.evidence.end());
}

struct Occurrence
{
    int release;
    qsizetype index;
};

} // namespace

void ReleaseMerger::merge(QList<Release> &releases)
{
    std::stable_sort(releases.begin(), releases.end(),
                     [](const Release &a, const Release &b) { return a.version < b.version; });
    // Rows the history added for paths of shared defines (rows loaded back
    // from an index being updated) are made again after the merge.
    for (Release &r : releases)
        r.items.erase(std::remove_if(r.items.begin(), r.items.end(),
                                     [](const Item &it) { return it.attrs.contains(Item::aliasPathOfKey()); }),
                      r.items.end());
    QHash<QString, QList<Occurrence>> seen;
    for (int r = 0; r < int(releases.size()); ++r) {
        ItemList &items = releases[r].items;
        for (qsizetype i = 0; i < items.size(); ++i) {
            stripEarlierMerge(items[i]);
            seen[identityOf(items.at(i))].append({r, i});
        }
    }
    if (releases.isEmpty())
        return;
    QList<QSet<ItemKind>> kindsOf(releases.size());
    for (int r = 0; r < int(releases.size()); ++r)
        for (const Item &it : std::as_const(releases[r].items))
            kindsOf[r].insert(it.kind);
    // XML items can move (a new canonical path when the schema is
    // restructured): a path that still resolves in a later release is not
    // removed there. Built only for releases with XML items.
    std::vector<std::unique_ptr<XmlResolver>> resolvers(size_t(releases.size()));
    for (int r = 0; r < int(releases.size()); ++r)
        if (kindsOf[r].contains(ItemKind::XmlElement))
            resolvers[size_t(r)] = std::make_unique<XmlResolver>(releases.at(r));
    const Version oldest = releases.constFirst().version;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        const QList<Occurrence> &occ = it.value();
        QJsonArray versions;
        QStringList names;
        for (const auto &o : occ) {
            const Release &rel = releases.at(o.release);
            const QString v = rel.version.toString();
            if (versions.isEmpty() || versions.last().toString() != v)
                versions.append(v);
            const QString &name = rel.items.at(o.index).name;
            if (!names.contains(name))
                names.append(name);
        }
        const Release &firstRel = releases.at(occ.constFirst().release);
        const int lastIdx = occ.constLast().release;
        Version removedIn;
        const ItemKind kind = releases.at(lastIdx).items.at(occ.constLast().index).kind;
        for (int r = lastIdx + 1; r < int(releases.size()); ++r) {
            // A later release of the same version number (two sources of one
            // release) is not a removal, nor is one that has no data of this
            // kind at all (package sets ship no .x files); the first newer
            // release that could show the item and does not is.
            if (releases.at(r).version > releases.at(lastIdx).version && kindsOf[r].contains(kind)) {
                const QString &name = releases.at(lastIdx).items.at(occ.constLast().index).name;
                if (kindFamily(kind) == QLatin1String("xml") && resolvers[size_t(r)] &&
                    resolvers[size_t(r)]->has(name))
                    continue;
                removedIn = releases.at(r).version;
                break;
            }
        }
        Evidence first;
        first.kind = Evidence::Kind::FirstRelease;
        first.version = firstRel.version;
        first.upperBoundOnly = firstRel.version == oldest;
        first.detail = firstRel.sourcePath;
        // The newest older release that could show the item and does not is
        // the exclusive lower bound of its introduction.
        const ItemKind firstKind = firstRel.items.at(occ.constFirst().index).kind;
        for (int r = occ.constFirst().release - 1; r >= 0; --r) {
            if (!(releases.at(r).version < firstRel.version) || !kindsOf[r].contains(firstKind))
                continue;
            const QString &name = firstRel.items.at(occ.constFirst().index).name;
            const bool moved = kindFamily(firstKind) == QLatin1String("xml") && resolvers[size_t(r)] &&
                               resolvers[size_t(r)]->has(name);
            if (!moved)
                first.after = releases.at(r).version;
            break;
        }
        for (const auto &o : occ) {
            Item &item = releases[o.release].items[o.index];
            item.evidence.append(first);
            item.attrs.insert(QStringLiteral("releases"), versions);
            if (removedIn.isValid())
                item.attrs.insert(QStringLiteral("removedIn"), removedIn.toString());
            const QStringList others = [&] {
                QStringList l = names;
                l.removeAll(item.name);
                return l;
            }();
            if (!others.isEmpty())
                item.attrs.insert(QStringLiteral("otherNames"), QJsonArray::fromStringList(others));
        }
        // Explicit on every row: an index written without merging (one
        // release, or a benchmark's copies) treats a missing flag as latest.
        for (const auto &o : occ)
            releases[o.release].items[o.index].attrs.insert(QStringLiteral("latest"), false);
        Item &latest = releases[occ.constLast().release].items[occ.constLast().index];
        latest.attrs.insert(QStringLiteral("latest"), true);
        // The newest row speaks for the item, so it carries what every
        // release said about its origin (once per kind and version): a
        // change of mind between releases then shows as disagreement.
        for (const auto &o : occ) {
            if (o.release == occ.constLast().release)
                continue;
            for (const Evidence &e : releases.at(o.release).items.at(o.index).evidence) {
                if (e.kind == Evidence::Kind::FirstRelease)
                    continue;
                const bool known = std::any_of(latest.evidence.cbegin(), latest.evidence.cend(), [&](const Evidence &x) {
                    return x.kind == e.kind && x.version == e.version;
                });
                if (!known) {
                    Evidence copy = e;
                    copy.detail = releases.at(o.release).version.toString() + QStringLiteral(": ") + e.detail;
                    latest.evidence.append(copy);
                }
            }
        }
    }
}

} // namespace vse
