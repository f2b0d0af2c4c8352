#pragma once

// XmlCheckRunner's lookup into the index, shared by its single-document and
// folder checks (xmlcheckrunner.cpp, xmlfoldercheck.cpp).
#include "xmlcheckrunner.h"

#include "check/domainxmlchecker.h"
#include "check/xmlusagewalker.h"

#include <QHash>
#include <map>
#include <optional>

namespace vse::gui {

// What a check asks the index, loaded once and kept for every document of a
// folder: the release's XML items, and the history's newer items by path.
struct XmlCheckRunner::Lookup
{
    const SnapshotPtr snapshot;
    QString schemaDir;
    QHash<QString, Item> items;
    std::optional<StoredRelease> history;
    std::map<QString, std::optional<Item>> newer; // node-based: the walker may keep what it was given
    XmlUsageMemo memo;                            // one schema folder, lookup and target

    explicit Lookup(SnapshotPtr s)
        : snapshot(std::move(s))
    {
        qint64 releaseId = 0;
        if (snapshot)
            if (const auto source = snapshot->store().schemaSource()) {
                schemaDir = source->dir;
                releaseId = source->release.id;
            }
        if (schemaDir.isEmpty())
            return;
        for (Item &it : snapshot->store().releaseItems(releaseId))
            if (kindFamily(it.kind) == QLatin1String("xml"))
                items.insert(it.name, std::move(it));
        history = snapshot->store().historyRelease();
    }

    // A path the release lacks may be an item the history has as newer
    // than the indexed releases: asked once per path.
    ItemLookup function()
    {
        return [this](const QString &path) -> const Item * {
            if (const auto it = items.constFind(path); it != items.constEnd())
                return &*it;
            if (!history)
                return nullptr;
            auto it = newer.find(path);
            if (it == newer.end())
                it = newer.emplace(path, snapshot->store().xmlItemOrNewer(path, 0, history->id)).first;
            return it->second ? &*it->second : nullptr;
        };
    }
};

} // namespace vse::gui
