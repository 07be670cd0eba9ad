#include "sandboxserver.h"

#include "apihandler.h"
#include "crypto/requestsigner.h"
#include "httpfrontend.h"
#include "requestlog.h"
#include "sandboxkeys.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

struct SandboxServer::Private {
    QString errorString;
    std::unique_ptr<QTemporaryDir> keyDir;
    SandboxKeys keys;
    ApiHandler handler;
    RequestLog log;
    HttpFrontend *frontend = nullptr;
    bool tls = false;
    QJsonObject samples;
};

SandboxServer::SandboxServer(QObject *parent) : QObject(parent), d(std::make_unique<Private>()) {}

SandboxServer::~SandboxServer()
{
    // The front end's handler uses d: close it (and its connections) before d goes.
    delete d->frontend;
}

namespace {

QJsonObject samplesOf(const DataStore &store)
{
    QJsonObject samples;
    // The first finished order and the first successful return make the friendliest demo.
    const OrderRecord *order = store.orders().isEmpty() ? nullptr : &store.orders().first();
    for (const OrderRecord &o : store.orders()) {
        if (o.state == u"FINISHED"_s) {
            order = &o;
            break;
        }
    }
    if (order) {
        samples.insert(u"order"_s, QJsonObject{{u"sub_mchid"_s, order->subMchid},
                                               {u"transaction_id"_s, order->transactionId},
                                               {u"out_order_no"_s, order->outOrderNo}});
    }
    const ReturnRecord *record = store.returns().isEmpty() ? nullptr : &store.returns().first();
    for (const ReturnRecord &r : store.returns()) {
        if (r.result == u"SUCCESS"_s) {
            record = &r;
            break;
        }
    }
    if (record) {
        QJsonObject sample{{u"sub_mchid"_s, record->subMchid}, {u"out_return_no"_s, record->outReturnNo}};
        if (!record->orderId.isEmpty())
            sample.insert(u"order_id"_s, record->orderId);
        else
            sample.insert(u"out_order_no"_s, record->outOrderNo);
        samples.insert(u"return"_s, sample);
    }
    return samples;
}

std::optional<QSslConfiguration> tlsConfiguration(const SandboxKeys &keys, QString *errorString)
{
    QFile certFile(keys.tlsCertificateFile);
    QFile keyFile(keys.tlsPrivateKeyFile);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *errorString = SandboxServer::tr("Cannot read the TLS certificate or key (%1, %2)")
                           .arg(keys.tlsCertificateFile, keys.tlsPrivateKeyFile);
        return std::nullopt;
    }
    const QSslCertificate certificate(certFile.readAll(), QSsl::Pem);
    const QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    if (certificate.isNull() || key.isNull()) {
        *errorString = SandboxServer::tr("The TLS certificate or key is not valid PEM (%1, %2)")
                           .arg(keys.tlsCertificateFile, keys.tlsPrivateKeyFile);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients do not present certificates
    return configuration;
}

} // namespace

bool SandboxServer::start(const SandboxOptions &options)
{
    if (d->frontend) {
        d->errorString = tr("The sandbox is already running");
        return false;
    }
    if (options.keysDir.isEmpty() || options.tls)
        d->keyDir = std::make_unique<QTemporaryDir>(); // 0700; removed with the server

    auto keys = SandboxKeys::prepare(options.keysDir, options.tls, options.mchid, options.publicKeyId,
                                     d->keyDir.get());
    if (!keys) {
        d->errorString = keys.error();
        return false;
    }
    d->keys = *keys;

    DataStore store = DataStore::demo();
    if (!options.dataFile.isEmpty()) {
        auto loaded = DataStore::fromFile(options.dataFile);
        if (!loaded) {
            d->errorString = loaded.error();
            return false;
        }
        store = *loaded;
    }
    d->samples = samplesOf(store);

    if (!options.logFile.isEmpty() && !d->log.open(options.logFile, &d->errorString))
        return false;

    std::optional<QSslConfiguration> tls;
    if (options.tls) {
        tls = tlsConfiguration(d->keys, &d->errorString);
        if (!tls)
            return false;
    }

    d->handler = ApiHandler(
        std::move(store),
        RequestAuthenticator(d->keys.mchid, d->keys.serialNo, d->keys.merchantPublicKey, systemUnixSeconds),
        ReplySigner(d->keys.wechatpayKey, d->keys.publicKeyId, systemUnixSeconds));

    auto *frontend = new HttpFrontend(
        [this](const IncomingRequest &request, const QByteArray &host) {
            Reply reply = d->handler.handle(request);
            const QJsonObject entry = RequestLog::entry(request, host, reply);
            d->log.write(entry);
            Q_EMIT requestHandled(entry);
            return reply;
        },
        this);
    if (!frontend->start(options.port, tls, &d->errorString)) {
        delete frontend;
        return false;
    }
    d->frontend = frontend;
    d->tls = options.tls;
    return true;
}

QString SandboxServer::errorString() const
{
    return d->errorString;
}

quint16 SandboxServer::port() const
{
    return d->frontend ? d->frontend->port() : 0;
}

QUrl SandboxServer::url() const
{
    if (!d->frontend)
        return {};
    QUrl url;
    url.setScheme(d->tls ? u"https"_s : u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

QJsonObject SandboxServer::info() const
{
    if (!d->frontend)
        return {};
    QJsonObject info{
        {u"url"_s, url().toString()},
        {u"port"_s, port()},
        {u"mchid"_s, d->keys.mchid},
        {u"serial_no"_s, d->keys.serialNo},
        {u"merchant_private_key"_s, d->keys.merchantPrivateKeyFile},
        {u"merchant_certificate"_s, d->keys.merchantCertificateFile},
        {u"wechatpay_public_key_id"_s, d->keys.publicKeyId},
        {u"wechatpay_public_key"_s, d->keys.wechatpayPublicKeyFile},
        {u"samples"_s, d->samples},
    };
    if (d->tls)
        info.insert(u"ca_file"_s, d->keys.caFile);
    return info;
}

} // namespace fenzhang::sandbox
