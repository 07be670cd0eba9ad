#pragma once

// --log FILE: one JSON line per request (method, raw target, host, headers with the signature value
// redacted, status, outcome, Request-ID, scenario), flushed before the answer leaves, so tests can
// assert what was sent, how often and to which host.

#include "apihandler.h"
#include "expected.h"

#include <QFile>
#include <QJsonObject>

namespace fenzhang::sandbox {

class RequestLog final {
public:
    Expected<void, QString> open(const QString &path);
    bool isOpen() const { return m_file.isOpen(); }

    static QJsonObject entry(const IncomingRequest &request, const QByteArray &host, const Reply &reply);
    void write(const QJsonObject &entry);

private:
    QFile m_file;
};

} // namespace fenzhang::sandbox
