#pragma once

// Test helper: talks to a running sandbox with a plain QNetworkAccessManager, signing with the
// core RequestSigner and checking answers with the core ResponseVerifier. Header-only.

#include "crypto/credentials.h"
#include "crypto/requestsigner.h"
#include "crypto/responseverifier.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace fenzhang::test {

using namespace Qt::StringLiterals;

struct Answer {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    HeaderList headers;
    bool finished = false;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    SignatureHeaders signatureHeaders() const { return SignatureHeaders::fromHeaders(headers); }
};

inline QString vectorsDir()
{
    return QStringLiteral(FENZHANG_TEST_DATA "/vectors");
}

inline RequestSigner vectorSigner(RequestSigner::Clock clock = systemUnixSeconds)
{
    MerchantKeySource source;
    source.mchid = QStringLiteral("1900000001");
    source.privateKeyFile = vectorsDir() + QStringLiteral("/merchant_private_key.pem");
    source.certificateFile = vectorsDir() + QStringLiteral("/merchant_certificate.pem");
    auto credentials = MerchantCredentials::load(source);
    if (!credentials)
        qFatal("test credentials do not load");
    return RequestSigner(credentials->mchid, credentials->serialNo, credentials->privateKey, clock);
}

inline ResponseVerifier verifierFor(const QString &keyId, const QString &publicKeyFile)
{
    WechatPayKeySource source;
    source.publicKeyId = keyId;
    source.publicKeyFile = publicKeyFile;
    auto ring = VerifierKeyRing::load(source);
    if (!ring)
        qFatal("test verifier keys do not load");
    return ResponseVerifier(*ring);
}

// Sends method + target (exactly these bytes after the base URL) with the given headers and waits.
inline Answer send(QNetworkAccessManager &nam, const QUrl &base, const QByteArray &method,
                   const QByteArray &target, const HeaderList &headers, int timeoutMs = 60000)
{
    QNetworkRequest request(QUrl::fromEncoded(QByteArray(base.toEncoded() + target), QUrl::StrictMode));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "fenzhang-sandbox-tests");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(request, method);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit); // a safety net, not an assertion
    if (!reply->isFinished())
        loop.exec();
    Answer answer;
    answer.finished = reply->isFinished();
    if (!answer.finished)
        reply->abort();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    answer.body = reply->readAll();
    answer.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return answer;
}

inline Answer signedGet(QNetworkAccessManager &nam, const QUrl &base, const RequestSigner &signer,
                        const QByteArray &target)
{
    return send(nam, base, "GET", target, {{"Authorization", signer.authorization("GET", target)}});
}

// Sends a GET over a bare socket, so the request-target reaches the server byte for byte (a
// QNetworkAccessManager normalises percent-escapes through QUrl). The request can be written in
// pieces split at the given offsets, to exercise servers reading partial request lines.
inline Answer rawGet(const QUrl &base, const QByteArray &target, const QByteArray &authorization,
                     const QList<qsizetype> &splitAt = {})
{
    Answer answer;
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::ConnectedState; }, 30000))
        return answer;
    const QByteArray request = "GET "_ba + target + " HTTP/1.1\r\nHost: "_ba + base.host().toLatin1() + ':' +
                               QByteArray::number(base.port()) +
                               "\r\nAccept: application/json\r\nAuthorization: "_ba + authorization +
                               "\r\n\r\n"_ba;
    qsizetype from = 0;
    for (const qsizetype at : splitAt) {
        socket.write(request.mid(from, at - from));
        socket.flush();
        QTest::qWait(50); // lets the server see this piece on its own
        from = at;
    }
    socket.write(request.mid(from));
    QByteArray data;
    qsizetype headerEnd = -1;
    qint64 length = -1;
    const bool complete = QTest::qWaitFor(
        [&] {
            data += socket.readAll();
            if (headerEnd < 0 && (headerEnd = data.indexOf("\r\n\r\n")) >= 0) {
                for (const QByteArray &line : data.left(headerEnd).split('\n').mid(1)) {
                    const qsizetype colon = line.indexOf(':');
                    answer.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
                }
                answer.status = data.split(' ').value(1).toInt();
                length = answer.header("Content-Length").toLongLong();
            }
            return headerEnd >= 0 && data.size() >= headerEnd + 4 + length;
        },
        30000);
    answer.finished = complete;
    if (complete)
        answer.body = data.mid(headerEnd + 4, length);
    return answer;
}

} // namespace fenzhang::test
