#pragma once

#include "policyguide.h"
#include "selfcheck.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QVBoxLayout;

namespace vse::gui {

// The self-check: one generated question at a time; the user picks an
// answer, then sees whether it was right and the evidence from the index.
// The quiz number is the seed: the same number gives a class the same quiz.
class SelfCheckDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SelfCheckDialog(SnapshotPtr snapshot, quint32 seed, QWidget *parent = nullptr);

    const QList<SelfCheckQuestion> &questions() const { return m_questions; }
    int current() const { return m_current; }
    int score() const { return m_score; }
    // Answers the current question with choice `index` (what a click does).
    void answer(int index);
    // Goes to the next question (or the summary after the last).
    void next();
    // Starts the quiz with this number.
    void restart(quint32 seed);
    // The text shown after an answer (right/wrong and the evidence).
    QString feedbackText() const;

Q_SIGNALS:
    void itemRequested(const QString &name);

private:
    PolicyGuide m_guide;
    QList<SelfCheckQuestion> m_questions;
    int m_current = 0;
    int m_score = 0;
    bool m_answered = false;
    QSpinBox *m_seed;
    QLabel *m_progress;
    QLabel *m_question;
    QWidget *m_choiceBox;
    QVBoxLayout *m_choiceLayout;
    QTextBrowser *m_feedback;
    QPushButton *m_next;

    void showQuestion();
};

} // namespace vse::gui
