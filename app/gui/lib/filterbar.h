#pragma once

#include "indexsnapshot.h"
#include "viewfilter.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QTimer;

namespace vse::gui {

// The search box and the filter row above the table: tier group, hypervisor,
// driver, kind, release and the target release ("I must support libvirt >= X").
// The release choice defaults to the newest row of every item, so items a
// newer release removed are still found.
// Typing is debounced by a short single-shot timer so a fast typist triggers
// one filter pass, not one per letter; the combo boxes apply at once.
class FilterBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    // Fills the release, hypervisor and target choices from the index.
    void setSnapshot(const SnapshotPtr &snapshot);
    // The filter bar's part of the view filter (no sidebar section).
    ViewFilter filter() const;
    QLineEdit *searchEdit() const { return m_search; }
    void setSearchText(const QString &text);
    void setTarget(const QString &version);
    // The target as the filter applies it, naming what was typed when that
    // was not a plain release: "9.0.0 (bookworm)", "6.0.0"; empty when none.
    QString targetText() const;
    // The target's meaning: "Must support ≥" (hide or grey what is newer)
    // or "Newer than" (show only what is certainly or maybe newer).
    void setNewerOnly(bool newerOnly);
    QComboBox *targetModeBox() const { return m_targetMode; }
    void setTierGroup(const QString &group);
    void setHypervisor(const QString &hypervisor);
    void setDriver(const QString &driver);
    // The driver choices, "All drivers" first (tests).
    QComboBox *driverBox() const { return m_driver; }
    void setGreyNewer(bool grey);
    void setReleaseId(qint64 id);
    // "1 234 items newer than 6.0.0 excluded".
    void setExcludedCount(int excluded, int maybeNewer = 0);

    static constexpr int kDebounceMs = 80;
    // Label-and-combo pairs per row: 4 when the bar has room for every
    // combo's longest entry, else 2 (tests read it).
    int pairsPerRow() const { return m_pairsPerRow; }

Q_SIGNALS:
    void filterChanged();
    // Down arrow or Enter in the search box: move into the results.
    void enterResults();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QLineEdit *m_search;
    QComboBox *m_tierGroup;
    QComboBox *m_hypervisor;
    QComboBox *m_driver;
    QComboBox *m_kind;
    QComboBox *m_release;
    QComboBox *m_target;
    QComboBox *m_targetMode;
    QCheckBox *m_grey;
    QLabel *m_excluded;
    QTimer *m_debounce;
    QGridLayout *m_rows = nullptr;
    QList<QLabel *> m_labels; // Tier, Hypervisor, Kind, Driver, Release
    int m_pairsPerRow = 0;
    // Places the filters for `pairs` label-and-combo pairs per row.
    void arrange(int pairs);
    // arrange() for the bar's width and the combos' entries now.
    void rearrange();
    // The width the filters need, with `pairs` pairs per row, for no combo
    // to cut its longest entry.
    int neededWidth(int pairs) const;
};

} // namespace vse::gui
