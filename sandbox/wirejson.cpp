#include "wirejson.h"

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

WireJson &WireJson::add(QLatin1StringView key, const QString &value)
{
    return addRaw(key, quote(value));
}

WireJson &WireJson::add(QLatin1StringView key, qint64 value)
{
    return addRaw(key, QByteArray::number(value));
}

WireJson &WireJson::addOptional(QLatin1StringView key, const QString &value)
{
    if (!value.isEmpty())
        add(key, value);
    return *this;
}

WireJson &WireJson::addRaw(QLatin1StringView key, const QByteArray &json)
{
    if (!m_members.isEmpty())
        m_members += ',';
    m_members += '"';
    m_members += QByteArrayView(key.data(), key.size());
    m_members += "\":"_ba;
    m_members += json;
    return *this;
}

QByteArray WireJson::toJson() const
{
    return '{' + m_members + '}';
}

QByteArray WireJson::quote(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\""_ba;
            break;
        case '\\':
            out += "\\\\"_ba;
            break;
        case '\n':
            out += "\\n"_ba;
            break;
        case '\r':
            out += "\\r"_ba;
            break;
        case '\t':
            out += "\\t"_ba;
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00"_ba;
                out += QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

QByteArray WireJson::array(const QList<QByteArray> &items)
{
    return '[' + items.join(',') + ']';
}

} // namespace fenzhang::sandbox
