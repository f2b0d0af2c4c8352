#include "filterbar.h"

#include "scan/targets.h"

#include "policytext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace vse::gui {

namespace {

QComboBox *combo(QWidget *parent, const QString &accessibleName)
{
    auto *c = new QComboBox(parent);
    c->setAccessibleName(accessibleName);
    // Not AdjustToContents: the longest entry ("Hypervisor-agnostic only",
    // German labels) would set the bar's minimum width, and the splitter
    // took that from the detail pane. The columns share the spare width.
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(4);
    return c;
}

// A combo's width with its longest entry uncut (its size hint is set to a
// few characters, so that it never widens the window).
int naturalWidth(const QComboBox *c)
{
    int text = c->fontMetrics().horizontalAdvance(c->currentText());
    for (int i = 0; i < c->count(); ++i)
        text = std::max(text, c->fontMetrics().horizontalAdvance(c->itemText(i)));
    QStyleOptionComboBox opt;
    opt.initFrom(c);
    opt.editable = c->isEditable();
    return c->style()->sizeFromContents(QStyle::CT_ComboBox, &opt, QSize(text, c->fontMetrics().height()), c).width();
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_tierGroup(combo(this, tr("Tier group")))
    , m_hypervisor(combo(this, tr("Hypervisor")))
    , m_driver(combo(this, tr("Driver")))
    , m_kind(combo(this, tr("Kind")))
    , m_release(combo(this, tr("Release")))
    , m_target(combo(this, tr("Target release")))
    , m_targetMode(combo(this, tr("Target release means")))
    , m_grey(new QCheckBox(tr("&Grey out instead of hiding"), this))
    , m_excluded(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    m_search->setPlaceholderText(tr("Search (Ctrl+F), e.g. api:lookup, xml:disk, rpc:migrate"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    m_tierGroup->addItem(tr("All tiers"), QString());
    for (const char *g : {"stable", "hypervisor-specific", "namespace-extension", "private", "not-guaranteed",
                          "unclassified"}) {
        const QString id = QString::fromLatin1(g);
        m_tierGroup->addItem(policytext::tierGroupLabel(id), id);
    }
    m_hypervisor->addItem(tr("All hypervisors"), QString());
    m_driver->addItem(tr("All drivers"), QString());
    m_driver->setToolTip(tr("Only APIs this hypervisor driver implements (from libvirt's driver support matrix)."));
    m_kind->addItem(tr("All kinds"), QString());
    for (const QString &id : allKindIds()) {
        ItemKind k;
        kindFromId(id, &k);
        m_kind->addItem(kindLabel(k), id);
    }
    m_release->addItem(tr("Newest of each item"), qint64(0));
    m_release->setToolTip(tr("One row per item, from the newest indexed release that has it; or only the items "
                             "of one release."));
    m_target->setEditable(true);
    m_target->lineEdit()->setPlaceholderText(tr("any"));
    m_target->setToolTip(tr("I must support libvirt \u2265 this release: newer items are hidden or greyed; items "
                            "whose since range contains it are shown in italics. A release (6.0.0), a package "
                            "version (9.0.0-4+deb12u2) or a distribution release (debian-12, bookworm, rhel-9)."));
    m_targetMode->addItem(tr("Must support \u2265"), false);
    m_targetMode->addItem(tr("Newer than"), true);
    m_targetMode->setToolTip(tr("Must support \u2265: hide (or grey) what is newer than the release. Newer than: "
                                "show only what is newer, those that may be newer in italics."));
    m_grey->setAccessibleName(tr("Grey out newer items instead of hiding them"));
    m_excluded->setAccessibleName(tr("Items excluded by the target release"));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::filterChanged);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    for (QComboBox *c : {m_tierGroup, m_hypervisor, m_driver, m_kind, m_release, m_targetMode})
        connect(c, &QComboBox::currentIndexChanged, this, &FilterBar::filterChanged);
    connect(m_targetMode, &QComboBox::currentIndexChanged, this,
            [this] { m_grey->setEnabled(!m_targetMode->currentData().toBool()); });
    connect(m_target, &QComboBox::currentTextChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_grey, &QCheckBox::toggled, this, &FilterBar::filterChanged);

    // The filters in a grid: four label-and-combo pairs per row when the bar
    // is wide enough for every combo's longest entry, else two (arrange()).
    m_rows = new QGridLayout;
    m_rows->setContentsMargins(0, 0, 0, 0);
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        m_labels << l;
    };
    label(tr("&Tier:"), m_tierGroup);
    label(tr("&Hypervisor:"), m_hypervisor);
    label(tr("&Kind:"), m_kind);
    label(tr("&Driver:"), m_driver);
    label(tr("&Release:"), m_release);
    m_excluded->setWordWrap(true);
    // Two short entries, and it sits in a label's column: never cut.
    m_targetMode->setMinimumWidth(naturalWidth(m_targetMode));
    arrange(4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addLayout(m_rows);
}

int FilterBar::neededWidth(int pairs) const
{
    // The combo columns stretch alike, so each gets about the same width:
    // enough when the widest combo (the release's shares its column) fits.
    const int spacing = std::max(m_rows->horizontalSpacing(), 0);
    int combo = naturalWidth(m_release);
    for (const QComboBox *c : {m_tierGroup, m_hypervisor, m_kind, m_driver})
        combo = std::max(combo, naturalWidth(c));
    int labels = 0;
    for (int i = 0; i < 4; i += pairs) {
        int row = 0;
        for (int j = i; j < i + pairs; ++j)
            row += std::max(m_labels.at(j)->sizeHint().width(), j % pairs == 1 ? naturalWidth(m_targetMode) : 0);
        labels = std::max(labels, row);
    }
    int width = labels + pairs * combo + (pairs * 2 - 1) * spacing;
    // With four pairs the grey-out check box shares the release row.
    if (pairs == 4)
        width = std::max(width, m_labels.at(4)->sizeHint().width() + 2 * combo + naturalWidth(m_targetMode) +
                                    m_grey->sizeHint().width() + 4 * spacing);
    return width;
}

void FilterBar::arrange(int pairs)
{
    if (pairs == m_pairsPerRow)
        return;
    m_pairsPerRow = pairs;
    const QList<QWidget *> all{m_labels.at(0), m_tierGroup, m_labels.at(1), m_hypervisor, m_labels.at(2),
                               m_kind,         m_labels.at(3), m_driver,    m_labels.at(4), m_release,
                               m_targetMode,   m_target,       m_grey,      m_excluded};
    for (QWidget *w : all)
        m_rows->removeWidget(w);
    for (int column = 0; column < 8; ++column)
        m_rows->setColumnStretch(column, 0);
    for (int i = 0; i < 4; ++i) {
        const int row = i / pairs, column = (i % pairs) * 2;
        m_rows->addWidget(m_labels.at(i), row, column);
        m_rows->addWidget(all.at(i * 2 + 1), row, column + 1);
    }
    int row = 4 / pairs;
    m_rows->addWidget(m_labels.at(4), row, 0);
    m_rows->addWidget(m_release, row, 1);
    m_rows->addWidget(m_targetMode, row, 2);
    m_rows->addWidget(m_target, row, 3);
    if (pairs == 4) {
        m_rows->addWidget(m_grey, row, 4, 1, 4);
    } else {
        m_rows->addWidget(m_grey, ++row, 0, 1, 4);
    }
    m_rows->addWidget(m_excluded, row + 1, 0, 1, pairs * 2);
    for (int column = 1; column < pairs * 2; column += 2)
        m_rows->setColumnStretch(column, 1);
}

void FilterBar::rearrange()
{
    arrange(width() >= neededWidth(4) ? 4 : 2);
}

void FilterBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rearrange();
}

void FilterBar::setSnapshot(const SnapshotPtr &snapshot)
{
    const QSignalBlocker b1(m_hypervisor), b2(m_release), b3(m_target), b4(m_driver);
    const QString hv = m_hypervisor->currentData().toString();
    const QString driver = m_driver->currentData().toString();
    const QString release = m_release->currentIndex() > 0 ? m_release->currentText() : QString();
    const QString target = m_target->currentText();
    while (m_hypervisor->count() > 1)
        m_hypervisor->removeItem(1);
    while (m_driver->count() > 1)
        m_driver->removeItem(1);
    while (m_release->count() > 1)
        m_release->removeItem(1);
    m_target->clear();
    m_target->addItem(QString());
    if (!snapshot) {
        rearrange();
        return;
    }
    QStringList hypervisors;
    for (const ItemSummary &s : snapshot->summaries())
        if (!s.hypervisor.isEmpty() && !hypervisors.contains(s.hypervisor))
            hypervisors << s.hypervisor;
    hypervisors.sort();
    m_hypervisor->addItem(tr("Hypervisor-agnostic only"), QStringLiteral("-"));
    for (const QString &h : std::as_const(hypervisors))
        m_hypervisor->addItem(h, h);
    m_hypervisor->setCurrentIndex(std::max(0, m_hypervisor->findData(hv)));
    for (const QString &d : snapshot->drivers())
        m_driver->addItem(d, d);
    m_driver->setCurrentIndex(std::max(0, m_driver->findData(driver)));
    for (const StoredRelease &r : snapshot->releases()) {
        m_release->addItem(tr("%1 (%2)").arg(r.version.toString(), r.sourcePath), r.id);
        m_target->addItem(r.version.toString());
    }
    // Distribution releases read as the libvirt they ship (typed too: "bookworm").
    for (const scan::Distribution &d : scan::knownDistributions())
        m_target->addItem(d.id);
    // Release ids change with every index write: a chosen release is kept by its version and path.
    m_release->setCurrentIndex(release.isEmpty() ? 0 : std::max(0, m_release->findText(release)));
    m_target->setCurrentText(target);
    // New entries (hypervisors, releases) may no longer fit four pairs a row.
    rearrange();
}

ViewFilter FilterBar::filter() const
{
    ViewFilter f;
    f.text = m_search->text();
    f.tierGroup = m_tierGroup->currentData().toString();
    f.hypervisor = m_hypervisor->currentData().toString();
    f.driver = m_driver->currentData().toString();
    ItemKind k;
    if (kindFromId(m_kind->currentData().toString(), &k))
        f.kind = k;
    f.releaseId = m_release->currentData().toLongLong();
    f.target = scan::readRelease(m_target->currentText()).version;
    f.newerOnly = m_targetMode->currentData().toBool();
    f.greyNewer = m_grey->isChecked() && !f.newerOnly;
    return f;
}

void FilterBar::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void FilterBar::setTarget(const QString &version)
{
    m_target->setCurrentText(version);
}

void FilterBar::setNewerOnly(bool newerOnly)
{
    m_targetMode->setCurrentIndex(newerOnly ? 1 : 0);
}

void FilterBar::setTierGroup(const QString &group)
{
    m_tierGroup->setCurrentIndex(std::max(0, m_tierGroup->findData(group)));
}

void FilterBar::setHypervisor(const QString &hypervisor)
{
    m_hypervisor->setCurrentIndex(std::max(0, m_hypervisor->findData(hypervisor)));
}

void FilterBar::setDriver(const QString &driver)
{
    m_driver->setCurrentIndex(std::max(0, m_driver->findData(driver)));
}

void FilterBar::setGreyNewer(bool grey)
{
    m_grey->setChecked(grey);
}

void FilterBar::setReleaseId(qint64 id)
{
    m_release->setCurrentIndex(std::max(0, m_release->findData(id)));
}

QString FilterBar::targetText() const
{
    const scan::ReleaseReading reading = scan::readRelease(m_target->currentText());
    if (!reading.version.isValid())
        return {};
    // "bookworm", "9.0.0-4+deb12u2": which release the filter applies.
    return reading.how.isEmpty() ? reading.version.toString()
                                 : tr("%1 (%2)").arg(reading.version.toString(), m_target->currentText().trimmed());
}

void FilterBar::setExcludedCount(int excluded, int maybeNewer)
{
    const QString targetText = this->targetText();
    m_excluded->setVisible(!targetText.isEmpty());
    if (targetText.isEmpty()) {
        m_excluded->clear();
        return;
    }
    if (m_targetMode->currentData().toBool()) {
        m_excluded->setText(
            tr("Only items newer than %1; %n in italics may be newer (their since range contains it)", nullptr,
               maybeNewer)
                .arg(targetText));
        return;
    }
    QString text = m_grey->isChecked()
                       ? tr("%n item(s) newer than %1 greyed out", nullptr, excluded).arg(targetText)
                       : tr("%n item(s) newer than %1 hidden", nullptr, excluded).arg(targetText);
    if (maybeNewer > 0)
        text += QStringLiteral("; ") +
                tr("%n may be newer (in italics: their since range contains %1)", nullptr, maybeNewer)
                    .arg(targetText);
    m_excluded->setText(text);
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) {
            // Apply a pending keystroke first so the results match the text.
            if (m_debounce->isActive()) {
                m_debounce->stop();
                Q_EMIT filterChanged();
            }
            Q_EMIT enterResults();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace vse::gui
