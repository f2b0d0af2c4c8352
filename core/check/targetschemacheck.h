#pragma once

#include "xmlcheckreport.h"

#include <QString>

typedef struct _xmlDoc xmlDoc;

namespace vse {

// The exact answer to "does libvirt T accept this document?": validation
// against T's own schemas. The per-item check (each node's since range from
// the index and the release history) cannot see what T's schema required
// (controller@index, the bus/slot/function of a PCI address), which values
// it tied to other attributes (os/type machine to arch) or which patterns it
// gave a datatype (disk wwn); only T's schema can.
//
// Validates `doc` (root element `rootSegment`, as the navigator names it)
// against the root's schema in `targetSchemaDir` and records the outcome in
// `report`: targetSchema and targetSchemaValid, and one RejectedByTargetSchema
// finding per error (a root T's schemas lack is one such error). When T's
// schema accepts the document, the per-item too-new / may-be-too-new
// findings are dropped: the validation is the better evidence. A folder
// with no usable schemas is a diagnostic (the document is not checked).
void checkAgainstTargetSchema(xmlDoc *doc, const QString &rootSegment, int rootLine, const QString &targetSchemaDir,
                              const Version &target, XmlCheckReport &report);

// The schema folder of `path`: a folder of *.rng files as it is, or a
// libvirt source tree (docs/schemas, later src/conf/schemas); empty when
// neither.
QString targetSchemaDirOf(const QString &path);

} // namespace vse
