#include "sourcesdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace vse::gui {

SourcesDialog::SourcesDialog(const QStringList &sources, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    setWindowTitle(tr("Sources"));
    auto *intro = new QLabel(tr("Each source is one libvirt release: \"/\" for the installed libvirt, a libvirt "
                                "source tree (git checkout or release tarball), or an unpacked Debian package set. "
                                "Changing the list re-indexes in the background."),
                             this);
    intro->setWordWrap(true);
    m_list->addItems(sources);
    m_list->setAccessibleName(tr("Indexed sources"));
    auto *addFolder = new QPushButton(tr("Add &folder\u2026"), this);
    auto *addInstalled = new QPushButton(tr("Add &installed libvirt"), this);
    connect(addFolder, &QPushButton::clicked, this, &SourcesDialog::addFolder);
    connect(addInstalled, &QPushButton::clicked, this, &SourcesDialog::addInstalled);
    connect(m_remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_list->selectedItems()); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *side = new QVBoxLayout;
    side->addWidget(addFolder);
    side->addWidget(addInstalled);
    side->addWidget(m_remove);
    side->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(buttons);
    resize(560, 320);
}

QStringList SourcesDialog::sources() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

void SourcesDialog::addFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a libvirt source tree or package set"));
    if (!dir.isEmpty() && !sources().contains(dir))
        m_list->addItem(dir);
}

void SourcesDialog::addInstalled()
{
    if (!sources().contains(QStringLiteral("/")))
        m_list->addItem(QStringLiteral("/"));
}

} // namespace vse::gui
