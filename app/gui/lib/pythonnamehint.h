#pragma once

#include "joinedworker.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace vse::scan {
class PythonApiMap;
}

namespace vse::gui {

// The search box's answer to a name written the libvirt-python way
// ("dom.messages()", "libvirt.open"), for the empty view: the C items the
// binding calls, as a sentence with links. The binding's map is read once
// (a python3 run of some 300 ms), on a thread of its own, when first
// needed; ready() says it arrived.
class PythonNameHint final : public QObject
{
    Q_OBJECT
public:
    explicit PythonNameHint(QObject *parent = nullptr);
    ~PythonNameHint() override;

    // Rich text with links (emptystate::link), or empty when `typed` is
    // no Python name. `has`: whether the index has an item of that name.
    QString hintFor(const QString &typed, const std::function<bool(const QString &)> &has);

Q_SIGNALS:
    void ready();

private:
    struct Loaded
    {
        std::shared_ptr<const scan::PythonApiMap> map;
        QString problem;
    };
    std::optional<Loaded> m_loaded;
    bool m_loading = false;
    JoinedWorker<Loaded> m_worker{this};
};

} // namespace vse::gui
