#pragma once

#include "guideexamples.h"
#include "indexsnapshot.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace vse::gui {

// The policy guide's content: one page per tier in the project's own words
// (what the tier promises, what it does not, what to do about it), with the
// number of items of the tier in the loaded index and representative
// examples from it (GuideExamples). The dialog, the PDF and the
// presentation all render from this one object.
class PolicyGuide
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::PolicyGuide)
public:
    explicit PolicyGuide(SnapshotPtr snapshot);

    // The tier ids in guide order.
    static QStringList tierIds();
    // A few sentences on what the tier means in practice.
    static QString explanation(const QString &tierId);

    const SnapshotPtr &snapshot() const { return m_snapshot; }
    // Items of the tier in the index (one per item, see GuideExamples::tierCount).
    int count(const QString &tierId) const;
    // The tier's examples, best first (computed once per tier).
    QList<GuideExample> examples(const QString &tierId) const;
    // "9.0.0 (installed libvirt), 1.3.5 (source tree)": what the index was built from.
    QString releasesText() const;

    // How an example is shown: since and taint, in one line.
    QString exampleFacts(const GuideExample &e) const;
    // The page for one tier as HTML; example names link to vse:name/NAME
    // when `links` is set (the dialog), plain for print.
    QString pageHtml(const QString &tierId, bool links = true) const;
    // The title page for print: tool, date, indexed releases.
    QString titleHtml(const QDate &date) const;

    static constexpr int kExamples = 8;

private:
    SnapshotPtr m_snapshot;
    GuideExamples m_picker;
    mutable QHash<QString, QList<GuideExample>> m_examples;
};

} // namespace vse::gui
