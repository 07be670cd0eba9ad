#include "badgelabel.h"

#include "tonecolors.h"

#include <QEvent>

using namespace Qt::StringLiterals;

namespace fenzhang {

BadgeLabel::BadgeLabel(QWidget *parent) : QLabel(parent)
{
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextFormat(Qt::PlainText); // a state WeChat Pay has not documented is shown as received
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    applyColours();
}

void BadgeLabel::setBadge(const QString &text, Labels::Tone tone)
{
    m_tone = tone;
    setText(text);
    applyColours();
}

void BadgeLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applying) {
        applyColours();
    }
}

void BadgeLabel::applyColours()
{
    m_applying = true;
    const auto colours = ToneColors::badge(m_tone, palette());
    setStyleSheet(u"QLabel { background: %1; color: %2; border-radius: 9px; padding: 2px 10px;"
                  " font-weight: 600; }"_s.arg(colours.background.name(), colours.foreground.name()));
    m_applying = false;
}

} // namespace fenzhang
