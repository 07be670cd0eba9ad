#pragma once

// Badge colours for a result's tone, chosen from the palette's lightness so badges stay readable
// in light and dark themes alike.

#include "format/labels.h"

#include <QColor>
#include <QPalette>

namespace fenzhang::ToneColors {

struct Pair {
    QColor background;
    QColor foreground;
};

bool isDark(const QPalette &palette);
Pair badge(Labels::Tone tone, const QPalette &palette);
// Text colour for a warning or error line (red that reads on either background).
QColor warningText(const QPalette &palette);

} // namespace fenzhang::ToneColors
