#include "nearestname.h"

#include <QList>

#include <algorithm>

namespace vse {

int editDistance(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j)
            cur[j] = std::min(
                {prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

QString nearestName(const QString &name, const QStringList &candidates, int maxDistance)
{
    QString best;
    int bestDistance = maxDistance;
    for (const QString &c : candidates) {
        // A length gap alone rules a candidate out, before the quadratic part.
        if (std::abs(int(c.size() - name.size())) >= bestDistance)
            continue;
        if (const int d = editDistance(name, c); d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

} // namespace vse
