#pragma once

// Text from outside (an answer, a file, the user) made safe to show: the one rule for which
// characters may not reach a terminal or a label as they are.
//
// Unsafe are the characters that control a terminal or reorder or hide text without being seen:
// C0 controls (U+0000–U+001F, ESC among them) and DEL, C1 controls (U+0080–U+009F), the bidi
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F,
// U+061C), and invisible formatting: zero-width space U+200B, U+2060–U+2064, U+206A–U+206F,
// U+FEFF, U+FFF9–U+FFFB, U+180E, the line and paragraph separators U+2028/U+2029 and the tag
// characters U+E0000–U+E007F. Zero-width joiner and non-joiner (emoji, Indic and Arabic
// text) stay. Each unsafe character becomes U+FFFD, so something visibly took its place.

#include <QString>
#include <QStringView>

namespace fenzhang::SafeText {

bool isUnsafe(char32_t c);

enum class Breaks {
    Replace, // one line: tab, CR and LF become a space
    Keep,    // several lines: LF, tab and CR directly before LF stay (the CLI's own output, CSV)
};

// The text with every unsafe character replaced (lone surrogates too).
QString forDisplay(QStringView text, Breaks breaks = Breaks::Replace);

} // namespace fenzhang::SafeText
