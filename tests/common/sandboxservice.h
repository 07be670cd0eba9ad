#pragma once

// Test helper for tests that drive a LookupService (batches, the watcher, the CLI batch): an
// in-process sandbox (SandboxClients), one service signed with its demo keys, and questions about
// the sandbox's request log. The service and its client go before the sandbox.

#include "sandboxclients.h"

#include <QList>
#include <QStringList>

namespace fenzhang::testing {

class SandboxService final {
public:
    // maxRetries 0: the client gives up at once, so a caller's own backoff is what is tested.
    bool start(int clientMaxRetries = 0)
    {
        if (!m_clients.start())
            return false;
        m_settings = m_clients.sandbox().settings();
        m_settings.client.maxRetries = clientMaxRetries;
        ApiClient *client = m_clients.makeClient(m_settings);
        if (!client)
            return false;
        m_service = new LookupService(client, m_clients.owner());
        return true;
    }

    LookupService *service() const { return m_service; }
    sandbox::SandboxServer *server() const { return m_clients.sandbox().server.get(); }
    const ConnectionSettings &settings() const { return m_settings; }
    const QList<QJsonObject> &log() const { return m_clients.sandbox().log; }

    // Statuses the sandbox answered for requests whose target contains `number`, in order.
    QList<int> statusesFor(const QString &number) const
    {
        QList<int> statuses;
        for (const QJsonObject &entry : log()) {
            if (entry.value(QStringLiteral("target")).toString().contains(number))
                statuses.append(entry.value(QStringLiteral("status")).toInt());
        }
        return statuses;
    }

    // The targets' scenario numbers in the order the sandbox answered them.
    QStringList order(const QStringList &numbers) const
    {
        QStringList seen;
        for (const QJsonObject &entry : log()) {
            const QString target = entry.value(QStringLiteral("target")).toString();
            for (const QString &number : numbers) {
                if (target.contains(number))
                    seen.append(number);
            }
        }
        return seen;
    }

private:
    SandboxClients m_clients;
    LookupService *m_service = nullptr;
    ConnectionSettings m_settings;
};

} // namespace fenzhang::testing
