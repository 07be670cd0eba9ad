#pragma once

// Writes JSON text exactly as told, numbers included (QJsonDocument would pass amounts through a
// double). Indented by two spaces, members in the order written. Used for the JSON export.

#include <QByteArray>
#include <QList>
#include <QString>

namespace fenzhang {

class JsonWriter final {
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    // Inside an object, name the next value.
    void key(const QString &name);

    void string(const QString &value);
    // An integer, written exactly.
    void integer(qint64 value);
    // Text that is already valid JSON (a number literal kept by JsonValue, a checked document);
    // written verbatim.
    void raw(const QByteArray &json);
    void boolean(bool value);
    void null();

    // The text so far, with a final newline once the top-level value is complete.
    QByteArray data() const;

    static QByteArray quoted(const QString &value);

private:
    void beforeValue();
    void close(char bracket);

    QByteArray m_out;
    QList<bool> m_hasMembers; // per open container: has it had a member yet
    bool m_afterKey = false;
};

} // namespace fenzhang
