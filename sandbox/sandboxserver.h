#pragma once

// fenzhang-sandbox in-process: a local WeChat Pay stand-in for the two profit-sharing look-ups. It
// verifies request signatures like the real service, signs every answer, serves demo (or --data)
// records and plays scenarios. Runs on the caller's event loop; the desktop demo mode and the tests
// start it on a free port, and the fenzhang-sandbox executable wraps it. docs/sandbox.md has it all.

#include <memory>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

namespace fenzhang::sandbox {

struct SandboxOptions {
    quint16 port = 0;    // 0: any free port
    bool tls = false;    // HTTPS with the demo CA (or the keys dir's tls_*.pem)
    QString keysDir;     // empty: the bundled demo keys, extracted into a private temporary directory
    QString dataFile;    // empty: the demo records
    QString logFile;     // empty: no request log
    QString mchid;       // empty: 1900000001
    QString publicKeyId; // empty: keysDir/wechatpay_public_key_id, else the default id
};

class SandboxServer final : public QObject {
    Q_OBJECT
public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1. On failure errorString() says why, translated.
    bool start(const SandboxOptions &options);
    QString errorString() const;

    QUrl url() const; // http(s)://127.0.0.1:PORT
    quint16 port() const;
    // Exactly the object of the executable's JSON line: url, port, mchid, serial_no,
    // merchant_private_key, merchant_certificate, wechatpay_public_key_id, wechatpay_public_key,
    // ca_file (with TLS) and samples.
    QJsonObject info() const;

Q_SIGNALS:
    // After each request was answered (or dropped); entry is its request-log line.
    void requestHandled(const QJsonObject &entry);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace fenzhang::sandbox
