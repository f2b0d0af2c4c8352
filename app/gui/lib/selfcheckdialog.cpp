#include "selfcheckdialog.h"

#include "htmlbits.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace vse::gui {

SelfCheckDialog::SelfCheckDialog(SnapshotPtr snapshot, quint32 seed, QWidget *parent)
    : QDialog(parent), m_guide(std::move(snapshot)), m_seed(new QSpinBox(this)),
      m_progress(new QLabel(this)), m_question(new QLabel(this)), m_choiceBox(new QWidget(this)),
      m_choiceLayout(new QVBoxLayout(m_choiceBox)), m_feedback(new QTextBrowser(this)),
      m_next(new QPushButton(tr("&Next question"), this))
{
    setWindowTitle(tr("Self-check"));
    m_seed->setRange(1, 999999);
    m_seed->setValue(int(qBound<quint32>(1, seed, 999999)));
    m_seed->setAccessibleName(tr("Quiz number"));
    auto *start = new QPushButton(tr("&Start"), this);
    connect(start, &QPushButton::clicked, this, [this] { restart(quint32(m_seed->value())); });
    auto *seedRow = new QHBoxLayout;
    seedRow->addWidget(new QLabel(tr("Quiz number:"), this));
    seedRow->addWidget(m_seed);
    seedRow->addWidget(start);
    seedRow->addStretch(1);
    QFont big = m_question->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_question->setFont(big);
    m_question->setWordWrap(true);
    m_choiceLayout->setContentsMargins(0, 0, 0, 0);
    m_feedback->setOpenLinks(false);
    m_feedback->setAccessibleName(tr("Answer and evidence"));
    connect(m_feedback, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("vse") && url.path().startsWith(QLatin1String("name/")))
            Q_EMIT itemRequested(url.path().mid(5));
    });
    connect(m_next, &QPushButton::clicked, this, &SelfCheckDialog::next);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_next, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(seedRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_question);
    layout->addWidget(m_choiceBox);
    layout->addWidget(m_feedback, 1);
    layout->addWidget(buttons);
    resize(640, 480);
    restart(quint32(m_seed->value()));
}

void SelfCheckDialog::restart(quint32 seed)
{
    m_seed->setValue(int(seed));
    m_questions = SelfCheck::generate(m_guide, seed);
    m_current = 0;
    m_score = 0;
    showQuestion();
}

void SelfCheckDialog::showQuestion()
{
    m_answered = false;
    m_feedback->clear();
    while (QLayoutItem *child = m_choiceLayout->takeAt(0)) {
        delete child->widget();
        delete child;
    }
    if (m_current >= m_questions.size()) {
        m_progress->setText(tr("Done"));
        m_question->setText(
            m_questions.isEmpty()
                ? tr("The index holds nothing to ask about yet.")
                : tr("%1 of %2 answers were right.").arg(m_score).arg(m_questions.size()));
        m_next->setEnabled(false);
        return;
    }
    const SelfCheckQuestion &q = m_questions.at(m_current);
    m_progress->setText(tr("Question %1 of %2").arg(m_current + 1).arg(m_questions.size()));
    m_question->setText(q.text);
    for (int i = 0; i < q.choices.size(); ++i) {
        auto *b = new QPushButton(q.choices.at(i), m_choiceBox);
        connect(b, &QPushButton::clicked, this, [this, i] { answer(i); });
        m_choiceLayout->addWidget(b);
    }
    m_next->setEnabled(false);
}

void SelfCheckDialog::answer(int index)
{
    if (m_answered || m_current >= m_questions.size())
        return;
    m_answered = true;
    const SelfCheckQuestion &q = m_questions.at(m_current);
    const bool right = index == q.correct;
    if (right)
        ++m_score;
    for (int i = 0; i < m_choiceLayout->count(); ++i)
        if (QWidget *w = m_choiceLayout->itemAt(i)->widget())
            w->setEnabled(false);
    QString html =
        QStringLiteral("<p><b>") +
        html::esc(right ? tr("Right: %1.").arg(q.choices.value(q.correct))
                        : tr("Not quite: the answer is %1.").arg(q.choices.value(q.correct))) +
        QStringLiteral("</b></p><p>") + html::esc(q.evidence) + QStringLiteral("</p><p>") +
        html::link(QUrl(QStringLiteral("vse:name/") + q.name),
                   tr("Show %1 in the explorer").arg(q.name)) +
        QStringLiteral("</p>");
    m_feedback->setHtml(html);
    m_next->setEnabled(true);
    m_next->setFocus();
}

void SelfCheckDialog::next()
{
    if (m_current < m_questions.size())
        ++m_current;
    showQuestion();
}

QString SelfCheckDialog::feedbackText() const
{
    return m_feedback->toPlainText();
}

} // namespace vse::gui
