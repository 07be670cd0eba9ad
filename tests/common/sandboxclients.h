#pragma once

// Test helper for tests that drive the real ApiClient: a fresh in-process sandbox per test
// function, and one owner for every client made on it. stop() deletes the clients before the
// sandbox, so no job outlives the server it talks to.

#include "sandboxfixture.h"

#include <memory>
#include <QObject>

namespace fenzhang::testing {

class SandboxClients final {
public:
    // In init(): QVERIFY(m_clients.start()). Arguments as for SandboxFixture::start.
    bool start(bool tls = false, const QString &keysDir = {})
    {
        m_sandbox = std::make_unique<SandboxFixture>();
        if (!m_sandbox->start(tls, keysDir))
            return false;
        m_owner = std::make_unique<QObject>();
        return true;
    }

    // In cleanup().
    void stop()
    {
        m_owner.reset();
        m_sandbox.reset();
    }

    SandboxFixture &sandbox() const { return *m_sandbox; }
    QObject *owner() const { return m_owner.get(); }

    // A client for settings owned by owner(), or nullptr with the reason logged.
    ApiClient *makeClient(const ConnectionSettings &settings)
    {
        auto client = createApiClient(settings, m_owner.get());
        if (!client) {
            qWarning("%s", qPrintable(client.error().message));
            return nullptr;
        }
        return *client;
    }

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<QObject> m_owner;
};

} // namespace fenzhang::testing
