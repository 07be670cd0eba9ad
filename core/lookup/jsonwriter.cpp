#include "lookup/jsonwriter.h"

#include "format/safetext.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false; // key() already wrote the separator and indentation
        return;
    }
    if (m_hasMembers.isEmpty())
        return;
    if (m_hasMembers.last())
        m_out += ',';
    m_hasMembers.last() = true;
    m_out += '\n';
    m_out += QByteArray(m_hasMembers.size() * 2, ' ');
}

void JsonWriter::key(const QString &name)
{
    beforeValue();
    m_out += quoted(name);
    m_out += ": ";
    m_afterKey = true;
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_hasMembers.append(false);
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_hasMembers.append(false);
}

void JsonWriter::close(char bracket)
{
    if (m_hasMembers.isEmpty())
        return;
    const bool hadMembers = m_hasMembers.takeLast();
    if (hadMembers) {
        m_out += '\n';
        m_out += QByteArray(m_hasMembers.size() * 2, ' ');
    }
    m_out += bracket;
}

void JsonWriter::endObject()
{
    close('}');
}
void JsonWriter::endArray()
{
    close(']');
}

void JsonWriter::string(const QString &value)
{
    beforeValue();
    m_out += quoted(value);
}

void JsonWriter::integer(qint64 value)
{
    beforeValue();
    m_out += QByteArray::number(value);
}

void JsonWriter::raw(const QByteArray &json)
{
    beforeValue();
    m_out += json;
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    m_out += value ? "true"_ba : "false"_ba;
}

void JsonWriter::null()
{
    beforeValue();
    m_out += "null"_ba;
}

QByteArray JsonWriter::data() const
{
    return m_hasMembers.isEmpty() && !m_out.isEmpty() ? m_out + '\n' : m_out;
}

QByteArray JsonWriter::quoted(const QString &value)
{
    static constexpr char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(value.size() + 2);
    out += '"';
    const auto escape = [&out](char16_t unit) {
        out += "\\u";
        out += hex[(unit >> 12) & 0x0F];
        out += hex[(unit >> 8) & 0x0F];
        out += hex[(unit >> 4) & 0x0F];
        out += hex[unit & 0x0F];
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t c = value.at(i).unicode();
        switch (c) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        default:
            if (c < 0x80 && !SafeText::isUnsafe(c)) {
                out += static_cast<char>(c);
            } else if (c < 0x80) {
                escape(c); // other C0 controls, DEL
            } else {
                // The non-ASCII run converted at once so surrogate pairs stay together; what
                // SafeText calls unsafe (C1, bidi overrides, invisible formatting) is written as
                // \uXXXX: the same string to a JSON reader, nothing raw for a terminal.
                qsizetype end = i;
                while (end < value.size() && value.at(end).unicode() >= 0x80) {
                    const QChar unit = value.at(end);
                    const bool pair = unit.isHighSurrogate() && end + 1 < value.size() &&
                                      value.at(end + 1).isLowSurrogate();
                    const char32_t code = pair ? QChar::surrogateToUcs4(unit, value.at(end + 1)) : unit.unicode();
                    if (SafeText::isUnsafe(code)) {
                        out += QStringView(value).sliced(i, end - i).toUtf8();
                        escape(unit.unicode());
                        if (pair)
                            escape(value.at(end + 1).unicode());
                        i = end + (pair ? 2 : 1);
                    }
                    end += pair ? 2 : 1;
                }
                out += QStringView(value).sliced(i, end - i).toUtf8();
                i = end - 1;
            }
        }
    }
    out += '"';
    return out;
}

} // namespace fenzhang
