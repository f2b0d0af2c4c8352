#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace vse {

// QJsonDocument writes an object's keys in alphabetical order; a report
// reads better with its verdict first. This writes `o` indented like
// QJsonDocument::Indented, except that in every object the keys of `first`
// that it has come first, in that order (the rest stay alphabetical).
QByteArray orderedJson(const QJsonObject &o, const QStringList &first);

} // namespace vse
