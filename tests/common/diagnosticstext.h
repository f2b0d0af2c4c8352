#pragma once

#include "model/diagnostic.h"

#include <QStringList>

namespace vse::testdata {

// The errors among diagnostics, one per line: what a failing QVERIFY2 shows.
inline QString errorsOf(const Diagnostics &d)
{
    QStringList s;
    for (const Diagnostic &x : d)
        if (x.isError())
            s.append(x.toString());
    return s.join(QLatin1Char('\n'));
}

} // namespace vse::testdata
