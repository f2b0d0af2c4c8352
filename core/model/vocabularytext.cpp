#include "vocabularytext.h"

#include <QHash>
#include <QMutex>

#include <memory>

namespace vse {

const QString *VocabularyText::intern(const QString &text)
{
    if (text.isEmpty())
        return nullptr;
    // The strings live on the heap, so their addresses survive the table's
    // rehashing; the vocabularies are a few hundred values at most.
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<const QString>> table;
    const QMutexLocker lock(&mutex);
    auto it = table.constFind(text);
    if (it == table.constEnd())
        it = table.insert(text, std::make_shared<const QString>(text));
    return it->get();
}

const QString &VocabularyText::emptyText()
{
    static const QString empty;
    return empty;
}

} // namespace vse
