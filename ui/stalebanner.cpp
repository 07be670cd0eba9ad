#include "stalebanner.h"

#include "tonecolors.h"

#include <QEvent>
#include <QGraphicsOpacityEffect>

using namespace Qt::StringLiterals;

namespace fenzhang {

StaleBanner::StaleBanner(QWidget *dimmed, QWidget *parent)
    : QLabel(parent), m_fade(new QGraphicsOpacityEffect(dimmed))
{
    setObjectName(u"staleBanner"_s);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    m_fade->setOpacity(0.35);
    m_fade->setEnabled(false);
    dimmed->setGraphicsEffect(m_fade);
    applyColours();
    hide();
}

void StaleBanner::setStaleText(const QString &text)
{
    setText(text);
    setAccessibleName(text);
    setVisible(!text.isEmpty());
    m_fade->setEnabled(!text.isEmpty());
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
