#include "detailview.h"

#include "index/itemparts.h"

#include "welcomehtml.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>

namespace vse::gui {

DetailView::DetailView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setAccessibleName(tr("Item details"));
    connect(this, &QTextBrowser::anchorClicked, this, &DetailView::openLink);
}

void DetailView::setReleaseId(qint64 releaseId)
{
    m_releaseId = releaseId;
}

void DetailView::setSnapshot(SnapshotPtr snapshot, qint64 releaseId)
{
    m_snapshot = std::move(snapshot);
    m_releaseId = releaseId;
    m_history.clear();
    m_itemId = 0;
    m_item = Item();
    Q_EMIT historyChanged();
    showWelcome();
}

void DetailView::showWelcome()
{
    m_itemId = 0;
    m_item = Item();
    m_welcome = true;
    setHtml(m_snapshot ? WelcomeHtml::html(*m_snapshot) : QString());
}

QString DetailView::releaseLabel(qint64 releaseId) const
{
    if (!m_snapshot)
        return {};
    const StoredRelease r = m_snapshot->release(releaseId);
    if (r.id != 0)
        return r.label();
    // The release history's rows (items no indexed release has).
    if (const auto h = m_snapshot->store().historyRelease(); h && h->id == releaseId)
        return h->label();
    return {};
}

QString DetailView::currentReleaseLabel() const
{
    return releaseLabel(m_item.attrs.value(QStringLiteral("_release")).toString().toLongLong());
}

void DetailView::showItem(qint64 id)
{
    m_history.visit(QStringLiteral("item/") + QString::number(id));
    showPage(m_history.current());
    Q_EMIT historyChanged();
}

void DetailView::showTaintReason(const QString &reasonId)
{
    m_history.visit(QStringLiteral("taint/") + reasonId);
    showPage(m_history.current());
    Q_EMIT historyChanged();
}

void DetailView::showMessage(const QString &title, const QString &text)
{
    m_welcome = false;
    m_itemId = 0;
    m_item = Item();
    setHtml(m_renderer.messageHtml(title, text));
}

bool DetailView::showName(const QString &name)
{
    if (!m_snapshot)
        return false;
    // XML trigger names carry a value ("domain/cpu@mode=host-passthrough").
    qint64 id = m_snapshot->findByName(name, m_releaseId);
    if (id < 0 && name.contains(QLatin1Char('=')))
        id = m_snapshot->findByName(name.section(QLatin1Char('='), 0, 0), m_releaseId);
    // As people type it ("virsh domstate", "<pstore/>", another case), when
    // that names one item, as the CLI's show reads it.
    if (id < 0)
        if (const QString one = m_snapshot->engine().tolerantMatch(name).one(); !one.isEmpty())
            id = m_snapshot->findByName(one, m_releaseId);
    if (id < 0) {
        showMessage(name, tr("%1 is not in the index. Add a source that has it (Settings \u2192 Sources).").arg(name));
        return false;
    }
    showItem(id);
    return true;
}

void DetailView::openLink(const QUrl &url)
{
    if (url.scheme() != QLatin1String("vse"))
        return;
    const QString path = url.path();
    if (path.startsWith(QLatin1String("name/"))) {
        // A configuration file is no item: the table lists its options.
        const QString name = path.mid(5);
        if (const SearchQuery q = SearchQuery::parse(name); !q.configFile.isEmpty() && q.text.isEmpty() &&
                                                             !(m_snapshot && m_snapshot->findByName(name, m_releaseId) > 0))
            Q_EMIT searchRequested(name);
        else
            showName(name);
    }
    else if (path.startsWith(QLatin1String("item/")))
        showItem(path.mid(5).toLongLong());
    else if (path == QLatin1String("audit"))
        Q_EMIT auditRequested();
    else if (path.startsWith(QLatin1String("taint/")))
        showTaintReason(path.mid(6));
    else if (path.startsWith(QLatin1String("newer/")))
        Q_EMIT newerThanRequested(path.mid(6));
}

void DetailView::showPage(const QString &page)
{
    m_welcome = false;
    if (page.startsWith(QLatin1String("taint/"))) {
        m_itemId = 0;
        m_item = Item();
        setHtml(m_renderer.taintReasonHtml(page.mid(6)));
        return;
    }
    m_itemId = page.mid(5).toLongLong();
    m_item = m_snapshot ? m_snapshot->item(m_itemId) : Item();
    render();
    Q_EMIT itemShown(m_itemId);
}

void DetailView::render()
{
    if (m_item.name.isEmpty()) {
        setHtml(m_renderer.messageHtml(tr("Not found"), tr("This item is no longer in the index.")));
        return;
    }
    DetailRenderer::Context ctx;
    ctx.palette = palette();
    ctx.releaseLabel = currentReleaseLabel();
    Item shown = m_item;
    const bool merged = m_item.attrs.contains(QStringLiteral("releases"));
    const bool hasLinks = m_item.attrs.contains(QStringLiteral("procedures")) || m_item.attrs.contains(QStringLiteral("api"));
    // An index written before releases were merged has no "releases" fact;
    // and a package set has no .x files, so the newest row of an API may lack
    // the RPC facts an older source tree had: both come from the other rows.
    if (!merged || !hasLinks) {
        const ItemList rows = m_snapshot->store().itemsByName(m_item.name);
        for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
            if (kindFamily(it->kind) != kindFamily(m_item.kind))
                continue;
            const StoredRelease rel = m_snapshot->release(it->attrs.value(QStringLiteral("_release")).toString().toLongLong());
            if (!merged)
                ctx.otherReleases.prepend(rel.version.toString());
            if (!hasLinks && ctx.linksFrom.isEmpty()
                && (it->attrs.contains(QStringLiteral("procedures")) || it->attrs.contains(QStringLiteral("api")))) {
                for (const char *key : {"procedures", "api", "acl"})
                    if (it->attrs.contains(QLatin1String(key)))
                        shown.attrs.insert(QLatin1String(key), it->attrs.value(QLatin1String(key)));
                ctx.linksFrom = rel.version.toString();
            }
        }
    }
    ctx.otherReleases.removeDuplicates();
    if (m_snapshot) {
        ctx.parts = partsOf(m_snapshot->store(), m_item);
        ctx.sameNameElsewhere = sameNameElsewhere(m_snapshot->store(), m_item);
    }
    // One answer: the pane and Copy answer render the same value.
    const ItemAnswer answer = DetailRenderer::answerFor(shown, ctx);
    m_html = m_renderer.itemHtml(answer, ctx.palette);
    m_answerText = answer.toText();
    setHtml(m_html);
}

QString DetailView::answerText() const
{
    return m_item.name.isEmpty() ? QString() : m_answerText;
}

void DetailView::copyAnswer()
{
    const QString text = answerText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void DetailView::goBack()
{
    if (!m_history.canGoBack())
        return;
    showPage(m_history.back());
    Q_EMIT historyChanged();
}

void DetailView::goForward()
{
    if (!m_history.canGoForward())
        return;
    showPage(m_history.forward());
    Q_EMIT historyChanged();
}

void DetailView::changeEvent(QEvent *event)
{
    // Re-highlight with the theme of the new palette (light / dark switch).
    if (event->type() == QEvent::PaletteChange && !m_item.name.isEmpty())
        render();
    QTextBrowser::changeEvent(event);
}

} // namespace vse::gui
