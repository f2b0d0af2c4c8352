#pragma once

#include "policyguide.h"

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace vse::gui {

// Presentation mode for training: the policy guide as full-screen slides in
// large type, a title slide, then per tier one slide with its promise and
// count followed by one slide for each of its first examples (with since,
// evidence and taints). Right, Space and Page Down go forward; Left,
// Backspace and Page Up go back; Home and End jump; Escape leaves.
class PresentationWindow final : public QWidget
{
    Q_OBJECT
public:
    explicit PresentationWindow(SnapshotPtr snapshot, QWidget *parent = nullptr);

    int slideCount() const { return int(m_slides.size()); }
    int currentSlide() const { return m_current; }
    // The slide's HTML (tests read the titles from it).
    QString slideHtml(int index) const { return m_slides.value(index); }
    void showSlide(int index);

    // Examples shown on a slide of their own, per tier.
    static constexpr int kExampleSlides = 2;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    PolicyGuide m_guide;
    QStringList m_slides;
    int m_current = 0;
    QTextBrowser *m_view;
    QLabel *m_footer;

    void buildSlides();
    QString exampleSlide(const QString &tierId, const GuideExample &e) const;
    void applyTypeSize();
};

} // namespace vse::gui
