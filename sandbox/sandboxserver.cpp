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

// One served record of each kind makes the friendliest demo: the first finished order, a
// successful return of it (else the first successful return), and its payment's amount (else the
// first payment's). nullptr when the store has none of the product.
const OrderRecord *sampleOrder(const DataStore &store, Product product)
{
    const OrderRecord *first = nullptr;
    for (const OrderRecord &o : store.orders()) {
        if (o.product != product)
            continue;
        if (o.state == u"FINISHED"_s)
            return &o;
        if (!first)
            first = &o;
    }
    return first;
}

const ReturnRecord *sampleReturn(const DataStore &store, Product product, const OrderRecord *order)
{
    const ReturnRecord *first = nullptr;
    const ReturnRecord *succeeded = nullptr;
    for (const ReturnRecord &r : store.returns()) {
        if (r.product != product)
            continue;
        const bool success = r.result == u"SUCCESS"_s;
        if (success && order && r.orderId == order->orderId && r.outOrderNo == order->outOrderNo)
            return &r;
        if (success && !succeeded)
            succeeded = &r;
        if (!first)
            first = &r;
    }
    return succeeded ? succeeded : first;
}

const TransactionRecord *sampleTransaction(const DataStore &store, Product product, const OrderRecord *order)
{
    const bool brand = product == Product::Brand;
    if (order) {
        const TransactionRecord *own = store.findTransaction(brand, order->transactionId);
        if (own && own->profitSharing)
            return own;
    }
    for (const TransactionRecord &t : store.transactions()) {
        if (t.product == product && t.profitSharing)
            return &t;
    }
    return nullptr;
}

// The request fields that find these records, named as the API names its parameters.
QJsonObject orderFields(const OrderRecord &order)
{
    QJsonObject fields{{u"transaction_id"_s, order.transactionId}, {u"out_order_no"_s, order.outOrderNo}};
    if (order.product != Product::Direct)
        fields.insert(u"sub_mchid"_s, order.subMchid);
    return fields;
}

QJsonObject returnFields(const ReturnRecord &record)
{
    QJsonObject fields{{u"out_return_no"_s, record.outReturnNo}};
    if (record.product != Product::Direct)
        fields.insert(u"sub_mchid"_s, record.subMchid);
    // 普通分账 finds a return by out_order_no only; the brand look-up takes either, order_id first.
    if (record.product == Product::Brand && !record.orderId.isEmpty())
        fields.insert(u"order_id"_s, record.orderId);
    else
        fields.insert(u"out_order_no"_s, record.outOrderNo);
    return fields;
}

QJsonObject productSamples(const DataStore &store, Product product)
{
    QJsonObject samples;
    const OrderRecord *order = sampleOrder(store, product);
    if (order)
        samples.insert(u"order"_s, orderFields(*order));
    if (const ReturnRecord *record = sampleReturn(store, product, order))
        samples.insert(u"return"_s, returnFields(*record));
    if (const TransactionRecord *transaction = sampleTransaction(store, product, order))
        samples.insert(u"amounts"_s, QJsonObject{{u"transaction_id"_s, transaction->transactionId}});
    return samples;
}

// "order" and "return" are what they were before products (other tools read them): a 服务商 order
// and, since that was the return endpoint served, a brand return (the first successful one). Then
// one object per product.
QJsonObject samplesOf(const DataStore &store)
{
    QJsonObject samples;
    if (const OrderRecord *order = sampleOrder(store, Product::ServiceProvider))
        samples.insert(u"order"_s, orderFields(*order));
    if (const ReturnRecord *record = sampleReturn(store, Product::Brand, nullptr))
        samples.insert(u"return"_s, returnFields(*record));
    for (const Product product : {Product::ServiceProvider, Product::Direct, Product::Brand}) {
        const QJsonObject forProduct = productSamples(store, product);
        if (!forProduct.isEmpty())
            samples.insert(Products::jsonKey(product), forProduct);
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

    if (!options.logFile.isEmpty()) {
        if (auto opened = d->log.open(options.logFile); !opened) {
            d->errorString = opened.error();
            return false;
        }
    }

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
