#include "lookup/jsonreader.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fenzhang {

// Recursive descent over RFC 8259. Recursion is bounded by maxDepth (itself capped), every read is
// bounds-checked, and the first error stops the parse: malformed input gives an error, never a crash.
class JsonParser final {
public:
    JsonParser(QByteArrayView text, int maxDepth) : m_text(text), m_maxDepth(maxDepth) {}

    Expected<JsonValue, QString> run()
    {
        JsonValue root;
        skipWhitespace();
        if (!parseValue(root, 0))
            return unexpected(m_error);
        skipWhitespace();
        if (m_pos < m_text.size()) {
            fail(QCoreApplication::translate("fenzhang::JsonValue", "unexpected data after the JSON value"));
            return unexpected(m_error);
        }
        return root;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }

    bool fail(const QString &what)
    {
        m_error =
            QCoreApplication::translate("fenzhang::JsonValue", "Invalid JSON at byte %1: %2").arg(m_pos).arg(what);
        return false;
    }

    void skipWhitespace()
    {
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    bool expectLiteral(QByteArrayView literal)
    {
        if (m_text.size() - m_pos < literal.size() || m_text.sliced(m_pos, literal.size()) != literal)
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "unknown literal"));
        m_pos += literal.size();
        return true;
    }

    bool parseValue(JsonValue &value, int depth)
    {
        if (atEnd())
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "unexpected end of input"));
        switch (peek()) {
        case '{':
            return parseObject(value, depth + 1);
        case '[':
            return parseArray(value, depth + 1);
        case '"':
            value.m_type = JsonValue::Type::String;
            return parseString(value.m_string);
        case 't':
            value.m_type = JsonValue::Type::Bool;
            value.m_bool = true;
            return expectLiteral("true");
        case 'f':
            value.m_type = JsonValue::Type::Bool;
            value.m_bool = false;
            return expectLiteral("false");
        case 'n':
            value.m_type = JsonValue::Type::Null;
            return expectLiteral("null");
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
                value.m_type = JsonValue::Type::Number;
                return parseNumber(value.m_number);
            }
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "unexpected character"));
        }
    }

    bool checkDepth(int depth)
    {
        if (depth > m_maxDepth)
            return fail(
                QCoreApplication::translate("fenzhang::JsonValue", "nested deeper than %1 levels").arg(m_maxDepth));
        return true;
    }

    bool parseObject(JsonValue &value, int depth)
    {
        if (!checkDepth(depth))
            return false;
        ++m_pos; // '{'
        value.m_type = JsonValue::Type::Object;
        value.m_object = std::make_shared<QList<QPair<QString, JsonValue>>>();
        value.m_object->reserve(8); // an answer's objects have a handful of members
        // Duplicate names are looked for by a linear scan while the object is small (every object
        // in an answer is), and by a hash beyond that so a hostile answer cannot make it quadratic.
        constexpr qsizetype linearScanLimit = 16;
        QSet<QString> keys;
        const auto isDuplicate = [&](const QString &key) {
            const auto &members = *value.m_object;
            if (members.size() < linearScanLimit) {
                for (const auto &member : members) {
                    if (member.first == key)
                        return true;
                }
                return false;
            }
            if (keys.isEmpty()) {
                for (const auto &member : members)
                    keys.insert(member.first);
            }
            return keys.contains(key);
        };
        skipWhitespace();
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"')
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "expected a member name in quotes"));
            const qsizetype keyStart = m_pos;
            QString key;
            if (!parseKey(key))
                return false;
            // Duplicate names make a signed answer ambiguous (which one counts?): refuse them.
            if (isDuplicate(key)) {
                m_pos = keyStart;
                return fail(
                    QCoreApplication::translate("fenzhang::JsonValue", "duplicate member name \"%1\"").arg(key));
            }
            if (!keys.isEmpty())
                keys.insert(key);
            skipWhitespace();
            if (peek() != ':')
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "expected ':'"));
            ++m_pos;
            skipWhitespace();
            JsonValue member;
            if (!parseValue(member, depth))
                return false;
            value.m_object->append({key, std::move(member)});
            skipWhitespace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "expected ',' or '}'"));
        }
    }

    bool parseArray(JsonValue &value, int depth)
    {
        if (!checkDepth(depth))
            return false;
        ++m_pos; // '['
        value.m_type = JsonValue::Type::Array;
        value.m_array = std::make_shared<QList<JsonValue>>();
        skipWhitespace();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipWhitespace();
            JsonValue element;
            if (!parseValue(element, depth))
                return false;
            value.m_array->append(std::move(element));
            skipWhitespace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "expected ',' or ']'"));
        }
    }

    bool isDigit() const { return peek() >= '0' && peek() <= '9'; }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? kept as text.
    bool parseNumber(QByteArray &out)
    {
        const qsizetype start = m_pos;
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0') {
            ++m_pos;
            if (isDigit())
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "leading zeros are not allowed"));
        } else if (isDigit()) {
            while (isDigit())
                ++m_pos;
        } else {
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "expected a digit"));
        }
        if (peek() == '.') {
            ++m_pos;
            if (!isDigit())
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "expected a digit after '.'"));
            while (isDigit())
                ++m_pos;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!isDigit())
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "expected a digit in the exponent"));
            while (isDigit())
                ++m_pos;
        }
        out = m_text.sliced(start, m_pos - start).toByteArray();
        return true;
    }

    bool parseHex4(char32_t &out)
    {
        if (m_text.size() - m_pos < 4)
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "incomplete \\u escape"));
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text.at(m_pos + i);
            int digit;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            else
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "invalid \\u escape"));
            out = out * 16 + static_cast<char32_t>(digit);
        }
        m_pos += 4;
        return true;
    }

    bool parseEscape(QString &out)
    {
        ++m_pos; // backslash
        if (atEnd())
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "unterminated string"));
        const char c = m_text.at(m_pos++);
        switch (c) {
        case '"':
            out += u'"';
            return true;
        case '\\':
            out += u'\\';
            return true;
        case '/':
            out += u'/';
            return true;
        case 'b':
            out += u'\b';
            return true;
        case 'f':
            out += u'\f';
            return true;
        case 'n':
            out += u'\n';
            return true;
        case 'r':
            out += u'\r';
            return true;
        case 't':
            out += u'\t';
            return true;
        case 'u':
            break;
        default:
            --m_pos;
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "invalid escape"));
        }
        char32_t unit;
        if (!parseHex4(unit))
            return false;
        if (unit >= 0xDC00 && unit <= 0xDFFF)
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "unpaired low surrogate"));
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            // A high surrogate must be followed by an escaped low surrogate.
            if (m_text.size() - m_pos < 2 || m_text.at(m_pos) != '\\' || m_text.at(m_pos + 1) != 'u')
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "unpaired high surrogate"));
            m_pos += 2;
            char32_t low;
            if (!parseHex4(low))
                return false;
            if (low < 0xDC00 || low > 0xDFFF)
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "unpaired high surrogate"));
            out += QChar(static_cast<char16_t>(unit));
            out += QChar(static_cast<char16_t>(low));
            return true;
        }
        out += QChar(static_cast<char16_t>(unit));
        return true;
    }

    // One UTF-8 sequence starting at m_pos, strictly (no overlongs, surrogates or > U+10FFFF).
    bool parseUtf8(QString &out)
    {
        const auto byte = [this](qsizetype i) { return static_cast<unsigned char>(m_text.at(i)); };
        const unsigned char lead = byte(m_pos);
        int length;
        char32_t cp;
        char32_t min;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2, cp = lead & 0x1F, min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3, cp = lead & 0x0F, min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4, cp = lead & 0x07, min = 0x10000;
        } else {
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "invalid UTF-8"));
        }
        if (m_text.size() - m_pos < length)
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "invalid UTF-8"));
        for (int i = 1; i < length; ++i) {
            const unsigned char next = byte(m_pos + i);
            if ((next & 0xC0) != 0x80)
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "invalid UTF-8"));
            cp = (cp << 6) | (next & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return fail(QCoreApplication::translate("fenzhang::JsonValue", "invalid UTF-8"));
        m_pos += length;
        // Appended as UTF-16 units directly: a temporary QString per character was most of the
        // cost of parsing Chinese text.
        if (QChar::requiresSurrogates(cp)) {
            out += QChar(QChar::highSurrogate(cp));
            out += QChar(QChar::lowSurrogate(cp));
        } else {
            out += QChar(static_cast<char16_t>(cp));
        }
        return true;
    }

    // A member name. Names repeat across the objects of an array (every receiver has the same
    // nine), so a plain ASCII name shares the QString of an earlier equal one instead of being
    // allocated again; anything else goes through parseString().
    bool parseKey(QString &out)
    {
        const qsizetype start = m_pos + 1;
        qsizetype end = start;
        while (end < m_text.size()) {
            const auto b = static_cast<unsigned char>(m_text.at(end));
            if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\')
                break;
            ++end;
        }
        if (end >= m_text.size() || m_text.at(end) != '"')
            return parseString(out);
        const QLatin1StringView name(m_text.data() + start, end - start);
        m_pos = end + 1;
        for (const QString &known : std::as_const(m_names)) {
            if (known.size() == name.size() && known == name) {
                out = known;
                return true;
            }
        }
        out = QString(name);
        if (m_names.size() < maxSharedNames)
            m_names.append(out);
        return true;
    }

    bool parseString(QString &out)
    {
        ++m_pos; // opening quote
        out.clear();
        while (true) {
            // Fast path: a run of printable ASCII other than '"' and '\\' is appended in one go
            // (most of an answer's text); anything else goes through the checks below.
            qsizetype run = m_pos;
            while (run < m_text.size()) {
                const auto b = static_cast<unsigned char>(m_text.at(run));
                if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\')
                    break;
                ++run;
            }
            if (run > m_pos) {
                out += QLatin1StringView(m_text.data() + m_pos, run - m_pos);
                m_pos = run;
            }
            if (atEnd())
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "unterminated string"));
            const auto c = static_cast<unsigned char>(m_text.at(m_pos));
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c == '\\') {
                if (!parseEscape(out))
                    return false;
            } else if (c < 0x20) {
                return fail(QCoreApplication::translate("fenzhang::JsonValue", "control character in a string"));
            } else if (c < 0x80) {
                out += QChar(static_cast<char16_t>(c));
                ++m_pos;
            } else if (!parseUtf8(out)) {
                return false;
            }
        }
    }

    static constexpr qsizetype maxSharedNames = 32;
    QByteArrayView m_text;
    qsizetype m_pos = 0;
    QList<QString> m_names; // member names seen so far, shared by parseKey()
    int m_maxDepth;
    QString m_error;
};

Expected<JsonValue, QString> JsonValue::parse(QByteArrayView text, int maxDepth)
{
    // The cap keeps recursion far from the stack's end whatever a caller asks for.
    constexpr int hardLimit = 512;
    return JsonParser(text, qBound(1, maxDepth, hardLimit)).run();
}

QString JsonValue::toString() const
{
    return m_type == Type::String ? m_string : QString();
}

QByteArray JsonValue::numberText() const
{
    return m_type == Type::Number ? m_number : QByteArray();
}

bool JsonValue::toBool() const
{
    return m_type == Type::Bool && m_bool;
}

const QList<JsonValue> &JsonValue::array() const
{
    static const QList<JsonValue> empty;
    return m_type == Type::Array && m_array ? *m_array : empty;
}

const QList<QPair<QString, JsonValue>> &JsonValue::object() const
{
    static const QList<QPair<QString, JsonValue>> empty;
    return m_type == Type::Object && m_object ? *m_object : empty;
}

const JsonValue *JsonValue::member(QStringView key) const
{
    for (const auto &entry : object()) {
        if (entry.first == key)
            return &entry.second;
    }
    return nullptr;
}

} // namespace fenzhang
