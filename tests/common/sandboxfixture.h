#pragma once

// Test helper: an in-process sandbox on a free loopback port, the request log it produces, and a
// ConnectionSettings configured from its info line, plus synchronous wrappers around the jobs.

#include "api/connection.h"
#include "api/lookupservice.h"
#include "sandbox/sandboxserver.h"

#include <memory>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTest>

namespace fenzhang::testing {

using namespace Qt::StringLiterals;

class SandboxFixture final {
public:
    bool start(bool tls = false, const QString &keysDir = {})
    {
        server = std::make_unique<sandbox::SandboxServer>();
        QObject::connect(server.get(), &sandbox::SandboxServer::requestHandled, server.get(),
                         [this](const QJsonObject &entry) { log.append(entry); });
        sandbox::SandboxOptions options;
        options.port = 0;
        options.tls = tls;
        options.keysDir = keysDir;
        if (!server->start(options)) {
            qWarning("sandbox did not start: %s", qPrintable(server->errorString()));
            return false;
        }
        info = server->info();
        return true;
    }

    QString infoString(const char *key) const { return info.value(QLatin1StringView(key)).toString(); }

    ConnectionSettings settings() const
    {
        ConnectionSettings s;
        s.merchant.mchid = infoString("mchid");
        s.merchant.privateKeyFile = infoString("merchant_private_key");
        s.merchant.certificateFile = infoString("merchant_certificate");
        s.wechatpay.publicKeyId = infoString("wechatpay_public_key_id");
        s.wechatpay.publicKeyFile = infoString("wechatpay_public_key");
        s.client.primaryUrl = server->url();
        s.client.backupUrl = QUrl();
        s.client.caFile = infoString("ca_file");
        return s;
    }

    OrderQuery sampleOrder() const
    {
        const QJsonObject o = info.value("samples"_L1).toObject().value("order"_L1).toObject();
        return {o.value("sub_mchid"_L1).toString(), o.value("transaction_id"_L1).toString(),
                o.value("out_order_no"_L1).toString()};
    }

    // samples.<product>.order: the product's own sample order.
    OrderQuery sampleOrderOf(Product product) const
    {
        const QJsonObject o = info.value("samples"_L1).toObject().value(Products::jsonKey(product)).toObject()
                                  .value("order"_L1).toObject();
        return {o.value("sub_mchid"_L1).toString(), o.value("transaction_id"_L1).toString(),
                o.value("out_order_no"_L1).toString(), product};
    }

    ReturnQuery sampleReturn() const
    {
        const QJsonObject o = info.value("samples"_L1).toObject().value("return"_L1).toObject();
        // samples.return is a chain brand's return (by order_id).
        return {o.value("sub_mchid"_L1).toString(), o.value("out_return_no"_L1).toString(),
                o.value("order_id"_L1).toString(), o.value("out_order_no"_L1).toString(), Product::Brand};
    }

    // An order query whose out_order_no plays a sandbox scenario.
    OrderQuery scenarioOrder(const QString &number) const
    {
        OrderQuery query = sampleOrder();
        query.outOrderNo = number;
        return query;
    }

    ReturnQuery scenarioReturn(const QString &number) const
    {
        ReturnQuery query = sampleReturn();
        query.outReturnNo = number;
        return query;
    }

    // A header of a logged request, case-insensitive; empty when absent.
    static QString loggedHeader(const QJsonObject &entry, QLatin1StringView name)
    {
        const QJsonArray headers = entry.value("headers"_L1).toArray();
        for (const QJsonValue &header : headers) {
            const QJsonArray pair = header.toArray();
            if (pair.at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
                return pair.at(1).toString();
        }
        return {};
    }

    // One field of a logged Authorization header (the signature value is redacted by the log).
    static QString authorizationField(const QJsonObject &entry, const QString &field)
    {
        const QString authorization = loggedHeader(entry, "Authorization"_L1);
        const qsizetype start = authorization.indexOf(field + u"=\""_s);
        if (start < 0)
            return {};
        const qsizetype valueStart = start + field.size() + 2;
        return authorization.mid(valueStart, authorization.indexOf(u'"', valueStart) - valueStart);
    }

    std::unique_ptr<sandbox::SandboxServer> server;
    QJsonObject info;
    QList<QJsonObject> log;
};

// A loopback port nothing listens on: taken from the OS, then released.
inline quint16 closedLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

struct Attempt {
    QUrl host;
    int number = 0;
    ApiJob::AttemptReason reason = ApiJob::AttemptReason::First;
};

// Runs a look-up job to its end on the event loop; the job deletes itself afterwards.
inline LookupResult waitFor(LookupJob *job, QList<Attempt> *attempts = nullptr, int timeoutMs = 60000)
{
    LookupResult result;
    bool done = false;
    QObject context;
    if (attempts) {
        QObject::connect(job, &LookupJob::attemptStarted, &context,
                         [attempts](const QUrl &host, int attempt, ApiJob::AttemptReason reason) {
                             attempts->append({host, attempt, reason});
                         });
    }
    QObject::connect(job, &LookupJob::finished, &context, [&](const LookupResult &r) {
        result = r;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, timeoutMs); }();
    return result;
}

} // namespace fenzhang::testing
