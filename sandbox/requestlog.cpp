#include "requestlog.h"

#include "authorization.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

Expected<void, QString> RequestLog::open(const QString &path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        return unexpected(
            QCoreApplication::translate("fenzhang::sandbox::RequestLog", "Cannot open the log file %1: %2")
                .arg(path, m_file.errorString()));
    }
    return {};
}

QJsonObject RequestLog::entry(const IncomingRequest &request, const QByteArray &host, const Reply &reply)
{
    QJsonArray headers;
    for (const auto &[name, value] : request.headers) {
        const bool authorization = QByteArrayView(name).compare("authorization", Qt::CaseInsensitive) == 0;
        headers.append(QJsonArray{QString::fromLatin1(name),
                                  QString::fromLatin1(authorization ? redactAuthorization(value) : value)});
    }
    const char *delivery = "normal";
    switch (reply.delivery) {
    case Reply::Delivery::Normal:
        break;
    case Reply::Delivery::Delayed:
        delivery = "delayed";
        break;
    case Reply::Delivery::Drop:
        delivery = "dropped";
        break;
    case Reply::Delivery::DropMidBody:
        delivery = "dropped_mid_body";
        break;
    case Reply::Delivery::Stream:
        delivery = "streamed";
        break;
    }
    QJsonObject entry{
        {u"time"_s, QDateTime::currentDateTime()
                        .toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc())
                        .toString(Qt::ISODateWithMs)},
        {u"method"_s, QString::fromLatin1(request.method)},
        {u"target"_s, QString::fromLatin1(request.target)},
        {u"host"_s, QString::fromLatin1(host)},
        {u"headers"_s, headers},
        {u"status"_s, reply.delivery == Reply::Delivery::Drop ? 0 : reply.status},
        {u"outcome"_s, reply.outcome},
        {u"delivery"_s, QLatin1StringView(delivery)},
        {u"request_id"_s, QString::fromLatin1(reply.requestId)},
        {u"body_bytes"_s, reply.delivery == Reply::Delivery::Drop ? 0 : reply.bodySize()},
    };
    if (!reply.scenario.isEmpty())
        entry.insert(u"scenario"_s, reply.scenario);
    return entry;
}

void RequestLog::write(const QJsonObject &entry)
{
    if (!m_file.isOpen())
        return;
    m_file.write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush();
}

} // namespace fenzhang::sandbox
