#include "releasereader.h"

#include "model/policy.h"

namespace vse {

Release ReleaseReader::read(const SourceLayout &layout, const std::atomic_bool *cancel)
{
    Q_UNUSED(cancel);
    Release r;
    r.sourceKind = layout.kind;
    r.sourcePath = layout.root;
    r.version = layout.detectVersion(&r.versionEvidence);
    return r;
}

} // namespace vse
