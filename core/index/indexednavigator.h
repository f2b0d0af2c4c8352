#pragma once

#include "extract/schema/schemanavigator.h"
#include "index/store.h"

#include <optional>

namespace vse {

// The schema navigator the index keeps for check-xml (meta
// "schemaNavigator", written by the Indexer: the schema folder on the first
// line, then SchemaNavigator::toText()), read back. With `forSchemaDir`,
// only when it was made from that folder (nothing is parsed otherwise);
// nullopt when the index has none or its text does not parse.
struct IndexedNavigator
{
    QString schemaDir;
    SchemaNavigator navigator;
};
std::optional<IndexedNavigator> indexedNavigator(const Store &store, const QString &forSchemaDir = {});

} // namespace vse
