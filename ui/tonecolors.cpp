#include "tonecolors.h"

namespace fenzhang::ToneColors {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

Pair badge(Labels::Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Labels::Tone::Good:
        return dark ? Pair{QColor(0x1f, 0x4d, 0x2c), QColor(0xa8, 0xe6, 0xb5)}
                    : Pair{QColor(0xdf, 0xf3, 0xe4), QColor(0x17, 0x5c, 0x2e)};
    case Labels::Tone::Pending:
        return dark ? Pair{QColor(0x5a, 0x43, 0x0f), QColor(0xff, 0xdc, 0x8a)}
                    : Pair{QColor(0xfd, 0xf0, 0xd0), QColor(0x7a, 0x4b, 0x00)};
    case Labels::Tone::Bad:
        return dark ? Pair{QColor(0x66, 0x1f, 0x1f), QColor(0xff, 0xb4, 0xb4)}
                    : Pair{QColor(0xfb, 0xe0, 0xe0), QColor(0xa3, 0x12, 0x12)};
    case Labels::Tone::Neutral:
        break;
    }
    return {palette.color(QPalette::AlternateBase), palette.color(QPalette::Text)};
}

QColor warningText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
}

} // namespace fenzhang::ToneColors
