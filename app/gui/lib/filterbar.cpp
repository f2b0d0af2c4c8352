#include "filterbar.h"

#include "policytext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

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
                            "whose since range contains it are shown in italics."));
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

    // Two rows so the bar fits beside the sidebar and the detail pane.
    auto *rows = new QGridLayout;
    rows->setContentsMargins(0, 0, 0, 0);
    const auto labelled = [this, rows](int row, int col, const QString &text, QWidget *w) {
        auto *l = new QLabel(text, this);
        l->setBuddy(w);
        rows->addWidget(l, row, col * 2);
        rows->addWidget(w, row, col * 2 + 1);
    };
    labelled(0, 0, tr("&Tier:"), m_tierGroup);
    labelled(0, 1, tr("&Hypervisor:"), m_hypervisor);
    labelled(0, 2, tr("&Kind:"), m_kind);
    labelled(0, 3, tr("&Driver:"), m_driver);
    labelled(1, 0, tr("&Release:"), m_release);
    rows->addWidget(m_targetMode, 1, 2);
    rows->addWidget(m_target, 1, 3);
    rows->addWidget(m_grey, 1, 4, 1, 4);
    rows->addWidget(m_excluded, 2, 0, 1, 8);
    m_excluded->setWordWrap(true);
    for (int column : {1, 3, 5, 7})
        rows->setColumnStretch(column, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addLayout(rows);
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
    if (!snapshot)
        return;
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
    // Release ids change with every index write: a chosen release is kept by its version and path.
    m_release->setCurrentIndex(release.isEmpty() ? 0 : std::max(0, m_release->findText(release)));
    m_target->setCurrentText(target);
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
    f.target = Version::parse(m_target->currentText());
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

void FilterBar::setExcludedCount(int excluded, int maybeNewer)
{
    const Version target = Version::parse(m_target->currentText());
    m_excluded->setVisible(target.isValid());
    if (!target.isValid()) {
        m_excluded->clear();
        return;
    }
    if (m_targetMode->currentData().toBool()) {
        m_excluded->setText(
            tr("Only items newer than %1; %n in italics may be newer (their since range contains it)", nullptr,
               maybeNewer)
                .arg(target.toString()));
        return;
    }
    QString text = m_grey->isChecked()
                       ? tr("%n item(s) newer than %1 greyed out", nullptr, excluded).arg(target.toString())
                       : tr("%n item(s) newer than %1 hidden", nullptr, excluded).arg(target.toString());
    if (maybeNewer > 0)
        text += QStringLiteral("; ") +
                tr("%n may be newer (in italics: their since range contains %1)", nullptr, maybeNewer)
                    .arg(target.toString());
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
