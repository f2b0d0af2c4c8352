#pragma once

#include "xmlcheckreport.h"
#include "xmlusagewalker.h"

#include "extract/schema/schemaextractor.h"

#include <memory>
#include <thread>

namespace vse {

// Checks a user's libvirt XML (domain, network, pool... picked by the root
// element): reads it as untrusted input, validates it against the schema of
// `schemaDir` with libxml2's RelaxNG validator, then reports every element,
// attribute and value it uses with tier and since from `lookup` (the index;
// called with canonical item paths), the namespace extensions and taints, and
// whatever is newer than `maxVersion` (pass an invalid Version to skip that).
// `memo` (optional) keeps what the walk of each path works out for the next
// documents; one memo per schema folder, lookup and maxVersion.
// `targetSchemaDir` (optional, with a valid maxVersion): the schema folder of
// the target release itself; the document is then also validated against it
// (see checkAgainstTargetSchema), which answers exactly what the per-item
// since ranges only approximate.
XmlCheckReport checkXml(const QString &file, const QString &schemaDir, const ItemLookup &lookup,
                        Version maxVersion, XmlUsageMemo *memo = nullptr, const QString &targetSchemaDir = {});
// The same for XML already in memory (pasted into the GUI); `name` labels it.
XmlCheckReport checkXmlData(const QByteArray &data, const QString &name, const QString &schemaDir,
                            const ItemLookup &lookup, Version maxVersion, XmlUsageMemo *memo = nullptr,
                            const QString &targetSchemaDir = {});

// The schema index of a folder, built once per process and shared (the
// checker needs its navigator; a caller without an index can back `lookup`
// with its items).
std::shared_ptr<const SchemaIndex> cachedSchemaIndex(const QString &schemaDir);
// The same, or (withItems false) only what checking a document needs: the
// navigator and the root schemas, much cheaper to build. A full index
// already built serves both.
std::shared_ptr<const SchemaIndex> schemaIndexFor(const QString &schemaDir, bool withItems);
// Call on the main thread before checking documents on several threads:
// initialises libxml2 (its parser globals are set up once, not per thread)
// and sets up the schema index of `schemaDir` (and of `targetSchemaDir`).
void prepareParallelChecks(const QString &schemaDir, const QString &targetSchemaDir = {});
// Starts compiling, on a thread of its own, the schema the first document
// of `fileOrFolder` (a file, or a folder's first *.xml) most likely needs:
// the .rng of `schemaDir` named after its root element (domain.rng for
// <domain>). The check of that document then does its other work (the
// navigator, the document, the walk of its nodes) while libxml2 compiles,
// which alone takes longer than checking a typical domain. Nothing happens
// when no such file exists; a guess that proves wrong only costs the other
// core. Keep the thread until the checks are done: it joins when it goes,
// so that it never runs while the process exits (the exit handlers free
// what it may still use; an early error return would otherwise race them).
[[nodiscard]] std::jthread compileLikelySchemaAhead(const QString &schemaDir, const QString &fileOrFolder);
// Gives the navigator of a folder (the one the index keeps) so a check in
// this process need not build it from the schema files. The caller vouches
// that it matches the folder's current files (the index is up to date).
void provideSchemaNavigator(const QString &schemaDir, SchemaNavigator navigator);

} // namespace vse
