#pragma once

#include "model/diagnostic.h"

#include <QString>

typedef struct _xmlDoc xmlDoc;

namespace vse {

// Real RelaxNG validation with libxml2. Compiled schemas are cached per file
// for the life of the process (compiling domain.rng costs far more than
// validating a typical domain). Compiling is serialised; validations run in
// parallel, sharing the compiled schema, each with its own validity context.
class RelaxNgValidator
{
public:
    // Validation errors of `doc` against `schemaFile`, each with the line of
    // the offending node. *schemaOk is false when the schema itself did not
    // compile (its errors are then in the returned list).
    static Diagnostics validate(xmlDoc *doc, const QString &schemaFile, bool *schemaOk);
    // Compiles `schemaFile` into the cache now (a validation asking for it
    // meanwhile waits for this compile instead of starting its own).
    static void compile(const QString &schemaFile);
};

} // namespace vse
