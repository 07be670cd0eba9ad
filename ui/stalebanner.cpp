#include "stalebanner.h"

#include "tonecolors.h"

#include <QEvent>

using namespace Qt::StringLiterals;

namespace fenzhang {

StaleBanner::StaleBanner(QWidget *dimmed, QWidget *parent)
    : QLabel(parent), m_dimmed(dimmed)
{
    setObjectName(u"staleBanner"_s);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    applyColours();
    hide();
}

void StaleBanner::setStaleText(const QString &text)
{
    setText(text);
    setAccessibleName(text);
    setVisible(!text.isEmpty());
    // A graphics opacity effect would be gentler, but it smears scrolled tables; disabled widgets
    // are greyed out by every style.
    m_dimmed->setEnabled(text.isEmpty());
}

void StaleBanner::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColours();
}

void StaleBanner::applyColours()
{
    m_applying = true;
    const auto colours = ToneColors::badge(Labels::Tone::Pending, palette());
    setStyleSheet(u"QLabel { background: %1; color: %2; border-radius: 4px; padding: 4px 8px;"
                  " font-weight: 600; }"_s.arg(colours.background.name(), colours.foreground.name()));
    m_applying = false;
}

} // namespace fenzhang
