#include "excludepattern.h"

#include <QRegularExpression>

namespace vse::scan {

bool isExcludePattern(const QString &pattern)
{
    return !pattern.isEmpty() &&
           QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern)).isValid();
}

} // namespace vse::scan
