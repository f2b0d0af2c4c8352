#pragma once

#include "model/item.h"

#include <QByteArray>

namespace vse {

// How the list-valued parts of an Item are kept in one column of the index.
QByteArray encodeEvidence(const EvidenceList &evidence);
EvidenceList decodeEvidence(const QByteArray &json);
QByteArray encodeStrings(const QStringList &list);
QStringList decodeStrings(const QByteArray &json);
QByteArray encodeAttrs(const QJsonObject &attrs);
QJsonObject decodeAttrs(const QByteArray &json);

} // namespace vse
