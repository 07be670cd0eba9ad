#pragma once

// A small strict JSON reader that keeps numbers as their source text, so 64-bit amounts survive
// exactly (QJsonDocument turns every number into a double). Used by the result parsers.

#include "expected.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace fenzhang {

class JsonValue final {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    static Expected<JsonValue, QString> parse(QByteArrayView text, int maxDepth = 64);

    Type type() const { return m_type; }
    bool isObject() const { return m_type == Type::Object; }
    bool isArray() const { return m_type == Type::Array; }
    bool isString() const { return m_type == Type::String; }
    bool isNumber() const { return m_type == Type::Number; }

    QString toString() const;            // String: the decoded text
    QByteArray numberText() const;       // Number: the literal as written
    bool toBool() const;
    const QList<JsonValue> &array() const;
    const QList<QPair<QString, JsonValue>> &object() const; // keys in document order
    const JsonValue *member(QStringView key) const;          // nullptr when absent

private:
    Type m_type = Type::Null;
    QString m_string;
    QByteArray m_number;
    bool m_bool = false;
    std::shared_ptr<QList<JsonValue>> m_array;
    std::shared_ptr<QList<QPair<QString, JsonValue>>> m_object;
    friend class JsonParser;
};

} // namespace fenzhang
