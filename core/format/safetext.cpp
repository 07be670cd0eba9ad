#include "format/safetext.h"

namespace fenzhang::SafeText {

bool isUnsafe(char32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        return true;
    if (c < 0x061C)
        return false;
    return c == 0x061C || c == 0x180E || c == 0x200B || c == 0x200E || c == 0x200F ||
           (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) ||
           c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F);
}

QString forDisplay(QStringView text, Breaks breaks)
{
    constexpr char16_t replacement = 0xFFFD;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t code = QChar::surrogateToUcs4(c, text.at(i + 1));
            if (isUnsafe(code)) {
                out += QChar(replacement);
            } else {
                out += c;
                out += text.at(i + 1);
            }
            ++i;
            continue;
        }
        if (c.isSurrogate()) { // unpaired
            out += QChar(replacement);
            continue;
        }
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\t' || u == u'\r') {
            if (breaks == Breaks::Replace)
                out += u' ';
            else if (u != u'\r' || (i + 1 < text.size() && text.at(i + 1) == u'\n'))
                out += c;
            else
                out += QChar(replacement);
            continue;
        }
        out += isUnsafe(u) ? QChar(replacement) : c;
    }
    return out;
}

} // namespace fenzhang::SafeText
