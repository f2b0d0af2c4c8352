#pragma once

#include <QString>
#include <QStringList>

namespace vse {

// Levenshtein distance, for "did you mean" suggestions.
int editDistance(const QString &a, const QString &b);

// The candidate closest to name, if it is fewer than maxDistance edits away
// (the first of equally close ones in the candidates' order); empty otherwise.
QString nearestName(const QString &name, const QStringList &candidates, int maxDistance = 4);

} // namespace vse
