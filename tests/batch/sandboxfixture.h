#pragma once

// Test helper: an in-process sandbox on loopback, a LookupService signed with its demo keys, and
// the sandbox's request log (one JSON object per request it answered). Header-only.

#include "api/connection.h"
#include "api/lookupservice.h"
#include "batch/batchrow.h"
#include "sandbox/sandboxserver.h"

#include <memory>
#include <QJsonObject>
#include <QList>
#include <QTest>

namespace fenzhang::test {

class SandboxFixture final {
public:
    // maxRetries 0: the client gives up at once, so the batch's own backoff is what is tested.
    bool start(int clientMaxRetries = 0)
    {
        m_context = std::make_unique<QObject>();
        m_server = new sandbox::SandboxServer(m_context.get());
        if (!m_server->start({}))
            return false;
        QObject::connect(m_server, &sandbox::SandboxServer::requestHandled, m_context.get(),
                         [this](const QJsonObject &entry) { m_log.append(entry); });
        const QJsonObject info = m_server->info();
        m_settings.merchant.mchid = info.value(QStringLiteral("mchid")).toString();
        m_settings.merchant.privateKeyFile = info.value(QStringLiteral("merchant_private_key")).toString();
        m_settings.merchant.certificateFile = info.value(QStringLiteral("merchant_certificate")).toString();
        m_settings.wechatpay.publicKeyId = info.value(QStringLiteral("wechatpay_public_key_id")).toString();
        m_settings.wechatpay.publicKeyFile = info.value(QStringLiteral("wechatpay_public_key")).toString();
        m_settings.client.primaryUrl = m_server->url();
        m_settings.client.backupUrl = QUrl();
        m_settings.client.maxRetries = clientMaxRetries;
        auto client = createApiClient(m_settings, m_context.get());
        if (!client)
            return false;
        m_service = new LookupService(*client, m_context.get());
        return true;
    }

    LookupService *service() const { return m_service; }
    sandbox::SandboxServer *server() const { return m_server; }
    const ConnectionSettings &settings() const { return m_settings; }
    const QList<QJsonObject> &log() const { return m_log; }
    void clearLog() { m_log.clear(); }

    // Statuses the sandbox answered for requests whose target contains `number`, in order.
    QList<int> statusesFor(const QString &number) const
    {
        QList<int> statuses;
        for (const QJsonObject &entry : m_log) {
            if (entry.value(QStringLiteral("target")).toString().contains(number))
                statuses.append(entry.value(QStringLiteral("status")).toInt());
        }
        return statuses;
    }
    // The targets' scenario numbers in the order the sandbox answered them.
    QStringList order(const QStringList &numbers) const
    {
        QStringList seen;
        for (const QJsonObject &entry : m_log) {
            const QString target = entry.value(QStringLiteral("target")).toString();
            for (const QString &number : numbers) {
                if (target.contains(number))
                    seen.append(number);
            }
        }
        return seen;
    }

private:
    std::unique_ptr<QObject> m_context;
    sandbox::SandboxServer *m_server = nullptr;
    LookupService *m_service = nullptr;
    ConnectionSettings m_settings;
    QList<QJsonObject> m_log;
};

// An order row that the sandbox answers per its scenario (any digits pass validation).
inline BatchRow orderRow(int rowNumber, const QString &outOrderNo)
{
    BatchRow row;
    row.rowNumber = rowNumber;
    row.kind = LookupKind::Order;
    row.order =
        OrderQuery{QStringLiteral("1900000109"), QStringLiteral("4208450740202511201234567890"), outOrderNo};
    return row;
}

} // namespace fenzhang::test
