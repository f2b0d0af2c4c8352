#pragma once

#include <QDialog>

class QListWidget;
class QPushButton;

namespace vse::gui {

// Settings → Sources: add or remove the libvirt sources to index (an
// installed prefix, a source tree or an unpacked package set).
class SourcesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SourcesDialog(const QStringList &sources, QWidget *parent = nullptr);
    QStringList sources() const;

private:
    QListWidget *m_list;
    QPushButton *m_remove;

    void addFolder();
    void addInstalled();
};

} // namespace vse::gui
