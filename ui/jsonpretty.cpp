#include "jsonpretty.h"

#include <QByteArray>

namespace fenzhang {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Index of the next non-space character at or after i, or size.
qsizetype skipSpace(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && isSpace(s[i]))
        ++i;
    return i;
}

} // namespace

QString prettyJson(QByteArrayView json, int indent)
{
    const qsizetype start = skipSpace(json, 0);
    if (start >= json.size() || (json[start] != '{' && json[start] != '['))
        return QString::fromUtf8(json);

    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    auto newline = [&] {
        out += '\n';
        out += QByteArray(qMax(depth, 0) * indent, ' ');
    };

    for (qsizetype i = start; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            // Copy the whole string literal, escapes included.
            const qsizetype from = i;
            for (++i; i < json.size(); ++i) {
                if (json[i] == '\\')
                    ++i;
                else if (json[i] == '"')
                    break;
            }
            out += json.sliced(from, qMin(i, json.size() - 1) - from + 1);
            continue;
        }
        if (isSpace(c))
            continue;
        switch (c) {
        case '{':
        case '[': {
            const qsizetype next = skipSpace(json, i + 1);
            const char close = c == '{' ? '}' : ']';
            if (next < json.size() && json[next] == close) {
                out += c;
                out += close;
                i = next;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return QString::fromUtf8(out);
}

} // namespace fenzhang
