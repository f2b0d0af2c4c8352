#pragma once

#include <QString>

namespace vse::gui {

// Policy texts for people, translated. The policy data (resources/policy/*.json)
// is English; its labels, rules and taint meanings are listed for lupdate in
// policytext.cpp under the context "PolicyData", so a German user reads the
// rule in German. Text the list does not know (changed data) stays English.
namespace policytext {
QString tierLabel(const QString &tierId);
QString tierRule(const QString &tierId);
QString tierGroupLabel(const QString &group);
QString taintMeaning(const QString &reasonId);
} // namespace policytext

} // namespace vse::gui
