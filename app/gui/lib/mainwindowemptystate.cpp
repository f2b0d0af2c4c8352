// The view shown when no row passes: what was typed, and what it may mean
// when it is no item's name (a binding's name, an error number or message,
// a symbol version node, a taint reason, a schema file, a connection URI).
#include "mainwindow.h"

#include "emptystatelink.h"
#include "filterbar.h"
#include "indexcontroller.h"
#include "itemtablemodel.h"
#include "policytext.h"
#include "pythonnamehint.h"
#include "sidebarmodel.h"

#include "index/errorcodes.h"
#include "index/symbolnodes.h"
#include "index/taintmentions.h"
#include "index/ticketforms.h"

#include <QLabel>
#include <QListView>
#include <QStackedWidget>
#include <QTableView>

#include <algorithm>

namespace vse::gui {

// What was typed, as the empty view quotes it: a pasted page is cut in the middle.
QString MainWindow::elidedTyped(const QString &typed)
{
    constexpr qsizetype kHead = 60, kTail = 30;
    return typed.size() <= kHead + kTail + 1 ? typed : typed.left(kHead) + QStringLiteral("\u2026") + typed.right(kTail);
}

QList<QuotedErrorMessage> MainWindow::quotedMessages(const QString &typed) const
{
    if (!m_snapshot || !typed.trimmed().contains(QLatin1Char(' ')))
        return {};
    // Read once per index: the hint is asked on every keystroke that matches no row.
    if (m_errorMessagesOf != m_snapshot.get()) {
        m_errorMessages = errorCodeMessages(m_snapshot->store());
        m_errorMessagesOf = m_snapshot.get();
    }
    return quotedErrorMessages(m_errorMessages, typed);
}

QString MainWindow::errorMessageHint(const QString &typed) const
{
    QStringList said;
    for (const QuotedErrorMessage &m : quotedMessages(typed))
        said << tr("\"%1\" is libvirt's message for %2").arg(m.message.toHtmlEscaped(), emptystate::link(m.code));
    return said.isEmpty() ? QString() : said.join(QStringLiteral("; ")) + QLatin1Char('.');
}

QString MainWindow::symbolNodeHint(const QString &typed) const
{
    const std::optional<SymbolNode> node = symbolNodeIn(typed);
    if (!node || !versionedSymbolFunction(typed).isEmpty())
        return {};
    const QString v = node->release.toString();
    if (node->isPrivate)
        return tr("%1 is the private symbol version node of libvirt %2: only libvirt's own programs use it, each "
                  "with the library of exactly its release. \"Not found\" means libvirt's packages are at "
                  "different versions (a partial upgrade).")
            .arg(node->node, v);
    QStringList links;
    for (const Item &it : functionsOfNode(m_snapshot->store(), *node))
        links << emptystate::link(it.name);
    QString out = tr("%1 is %2's symbol version node of libvirt %3: a program that needs it runs on libvirt %3 or "
                     "newer.")
                      .arg(node->node, node->library, v);
    if (!links.isEmpty())
        return out + QLatin1Char(' ') + tr("Its functions: %1.").arg(links.join(QStringLiteral(", ")));
    // No function names it: does any release have it?
    const NodeNeighbours n = knownNeighbours(m_snapshot->store(), *node);
    if (!n.before.isEmpty() && !n.after.isEmpty())
        out += QLatin1Char(' ') + tr("But no libvirt release this tool knows has it: %1's nodes go from %2 to %3, so "
                                     "the program was linked against a library that is no libvirt release.")
                                      .arg(node->library, n.before, n.after);
    else if (!n.after.isEmpty())
        out += QLatin1Char(' ') + tr("But no libvirt release has it: %1's oldest node is %2.").arg(node->library, n.after);
    else if (!n.before.isEmpty())
        out += QLatin1Char(' ') + tr("It is newer than every %1 node this tool knows (the newest: %2).")
                                      .arg(node->library, n.before);
    return out;
}

QString MainWindow::taintHint(const QString &typed) const
{
    const TaintMentions taints = taintMentionsIn(typed);
    QStringList said;
    if (taints.asksForAll()) {
        QStringList links;
        for (const TaintMention &m : taints.known)
            links << emptystate::taintLink(m.reason.id);
        said << tr("libvirt marks a guest tainted for these reasons: %1.").arg(links.join(QStringLiteral(", ")));
    } else {
        for (const TaintMention &m : taints.known)
            said << tr("%1 is a reason libvirt marks a guest tainted: %2")
                        .arg(emptystate::taintLink(m.reason.id), policytext::taintMeaning(m.reason.id).toHtmlEscaped());
        for (const QString &id : taints.unknown)
            said << tr("\"%1\" is a taint reason this tool does not know (perhaps a newer libvirt's).").arg(id.toHtmlEscaped());
    }
    return said.join(QStringLiteral("<br>"));
}

QString MainWindow::errorNumberHint(const QString &typed) const
{
    const auto numbers = errorNumbersIn(typed);
    if (!numbers)
        return {};
    const ErrorNumberLookup e = lookUpErrorNumbers(m_snapshot->store(), *numbers);
    QStringList said;
    if (numbers->code)
        said << (e.code.isEmpty() ? tr("libvirt's error code %1 has no value in the indexed releases").arg(*numbers->code)
                                  : tr("libvirt's error code %1 is %2").arg(*numbers->code).arg(emptystate::link(e.code)));
    if (numbers->domain)
        said << (e.domain.isEmpty() ? tr("error domain %1 has no value in the indexed releases").arg(*numbers->domain)
                                    : tr("error domain %1 is %2").arg(*numbers->domain).arg(emptystate::link(e.domain)));
    return said.join(QStringLiteral("; ")) + QLatin1Char('.');
}

void MainWindow::updateEmptyState()
{
    QString text;
    if (!m_snapshot) {
        text = m_controller->isBusy() ? tr("Reading the index\u2026 The window stays usable meanwhile.")
                                      : tr("No index yet. Add sources in Settings \u2192 Sources, or index the "
                                           "installed libvirt with Settings \u2192 Re-index now.");
    } else if (m_model->rowCount() == 0) {
        const QModelIndex current = m_sidebarView->currentIndex();
        const int count = current.isValid() ? m_sidebar->count(current.row()) : 0;
        if (current.isValid() && count == 0)
            text = m_sidebar->entry(current.row()).emptyHint;
        else
            text = tr("Nothing matches \"%1\" with these filters.").arg(elidedTyped(m_filterBar->filter().text));
    }
    // What the text may mean when it is no item's name, the first form that
    // answers: as libvirt-python spells it ("dom.messages()"), an error
    // number as a binding prints it ("virError(Code=42, ...)"), libvirt's
    // message for an error code, a symbol version node from the loader's
    // error ("version `LIBVIRT_7.1.0' not found"), a taint reason, a schema
    // file ("domain.rng"), a connection URI ("qemu:///system").
    QString python;
    if (m_snapshot && m_model->rowCount() == 0 && !text.isEmpty()) {
        const QString typed = m_filterBar->filter().text;
        python = m_pythonHint->hintFor(typed, [this](const QString &name) {
            const auto &items = m_snapshot->engine().items();
            return std::any_of(items.cbegin(), items.cend(), [&name](const ItemSummary &s) { return s.latest && s.name == name; });
        });
        for (const auto hint : {&MainWindow::errorNumberHint, &MainWindow::errorMessageHint, &MainWindow::symbolNodeHint,
                                &MainWindow::taintHint, &MainWindow::schemaFileHint, &MainWindow::connectionUriHint}) {
            if (!python.isEmpty())
                break;
            python = (this->*hint)(typed);
        }
    }
    // The user's text is never markup ("<nosuch/>" would vanish as a tag).
    m_emptyState->setTextFormat(python.isEmpty() ? Qt::PlainText : Qt::RichText);
    m_emptyState->setText(python.isEmpty() ? text : text.toHtmlEscaped() + QStringLiteral("<br><br>") + python);
    m_tableStack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(m_table) : m_emptyState);
}

QString MainWindow::schemaFileHint(const QString &typed) const
{
    const SchemaFileLookup schema = lookUpSchemaFile(m_snapshot->store(), typed.trimmed());
    if (schema.file.isEmpty() || schema.schemaFiles.isEmpty())
        return {};
    if (schema.roots.isEmpty())
        return tr("%1 is the schema of no document: a part other schemas include, or not libvirt's. The documents' "
                  "schemas are %2.")
            .arg(schema.file.toHtmlEscaped(), schema.schemaFiles.join(QStringLiteral(", ")));
    QStringList links;
    for (const QString &r : schema.roots)
        links << emptystate::link(r);
    return tr("%1 is the schema of the documents whose root element is %2.")
        .arg(schema.file.toHtmlEscaped(), links.join(QStringLiteral(", ")));
}

QString MainWindow::connectionUriHint(const QString &typed) const
{
    const QString t = typed.trimmed();
    if (!t.contains(QLatin1String("://")))
        return {};
    const QStringList drivers = m_snapshot->drivers();
    const ConnectionUri uri = connectionUriIn(t, QSet<QString>(drivers.cbegin(), drivers.cend()));
    if (!uri.isUri)
        return {};
    if (uri.driver.isEmpty())
        return tr("%1 is a connection URI; no indexed driver goes by \"%2\".")
            .arg(t.toHtmlEscaped(), uri.scheme.toHtmlEscaped());
    return tr("%1 is a connection URI of the %2 driver: choose %2 as the Driver filter (and clear the search) to "
              "list the APIs it implements.")
        .arg(t.toHtmlEscaped(), uri.driver);
}

} // namespace vse::gui
