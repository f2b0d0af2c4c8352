#pragma once

#include "indexsnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace vse::gui {

class PolicyGuide;

// One question of the self-check, with its right answer and the evidence a
// trainer can point at.
struct SelfCheckQuestion
{
    enum class Type
    {
        Taints,
        Since,
        MayBeRemoved
    };
    Type type = Type::Taints;
    qint64 itemId = 0;
    QString name;
    QString text;        // "Does virDomainQemuMonitorCommand taint the guest?"
    QStringList choices; // "Yes" / "No", or releases for a since question
    int correct = -1;    // index into choices
    QString evidence;    // why that is the answer, from the index
};

// A short quiz generated from the loaded index: whether an interface taints
// the guest, since which release it exists, whether a release may remove it.
// The items are the guide's examples (what people use) plus the tainting
// ones, so a class sees the interesting cases. The same index and seed give
// the same questions, so a trainer can hand out "quiz 7" and tests can
// check every answer against the index.
class SelfCheck
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::SelfCheck)
public:
    static QList<SelfCheckQuestion> generate(const PolicyGuide &guide, quint32 seed, int count = 6);
    // Whether the tier's policy lets a later release remove or change an
    // item: everything outside the "stable" group; unclassified has no answer.
    static bool mayBeRemoved(const QString &tierId);
};

} // namespace vse::gui
