#include "crypto/keyloader.h"
#include "crypto/requestsigner.h"
#include "vectors.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::test::vectorCase;
using fenzhang::test::vectorPath;

class TestRequestSigner final : public QObject {
    Q_OBJECT
private:
    RequestSigner signerWith(const QString &keyFile, RequestSigner::Clock clock = {},
                             RequestSigner::NonceSource nonce = {})
    {
        auto key = KeyLoader::privateKeyFromPemFile(vectorPath(keyFile));
        if (!key)
            qFatal("test key missing");
        return RequestSigner(u"1900000001"_s, u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s, *key, clock, nonce);
    }

private Q_SLOTS:
    void vectors_reproducedExactly_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("keyFile");
        for (const char *name : {"order-query", "return-query"}) {
            for (const char *key : {"merchant_private_key.pem", "merchant_private_key_pkcs1.pem"}) {
                QTest::addRow("%s/%s", name, key) << QString::fromLatin1(name) << QString::fromLatin1(key);
            }
        }
    }
    void vectors_reproducedExactly()
    {
        QFETCH(QString, name);
        QFETCH(QString, keyFile);
        const QJsonObject vector = vectorCase(u"requests"_s, name);
        const QByteArray target = vector.value(u"request_target"_s).toString().toUtf8();
        const QByteArray nonce = vector.value(u"nonce_str"_s).toString().toUtf8();
        const qint64 timestamp = vector.value(u"timestamp"_s).toString().toLongLong();

        QCOMPARE(RequestSigner::message("GET", target, QByteArray::number(timestamp), nonce, ""),
                 vector.value(u"message"_s).toString().toUtf8());

        const RequestSigner signer = signerWith(keyFile);
        QCOMPARE(signer.authorization("GET", target, "", timestamp, nonce),
                 vector.value(u"authorization"_s).toString().toUtf8());

        // The injected clock and nonce source give the same answer.
        const RequestSigner injected =
            signerWith(keyFile, [timestamp] { return timestamp; }, [nonce] { return nonce; });
        QCOMPARE(injected.authorization("GET", target), vector.value(u"authorization"_s).toString().toUtf8());
    }

    void nonce_is32AlphanumericAndFresh()
    {
        static const QRegularExpression pattern(u"^[0-9A-Za-z]{32}$"_s);
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const QByteArray nonce = randomNonce();
            QVERIFY2(pattern.match(QString::fromLatin1(nonce)).hasMatch(), nonce.constData());
            seen.insert(nonce);
        }
        QCOMPARE(seen.size(), 200);
    }

    void authorization_freshNonceAndTimestampEachCall()
    {
        const RequestSigner signer = signerWith(u"merchant_private_key.pem"_s);
        const QByteArray a = signer.authorization("GET", "/v3/x");
        const QByteArray b = signer.authorization("GET", "/v3/x");
        QVERIFY(a != b);
        QVERIFY(a.startsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\""));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        static const QRegularExpression ts(uR"re(timestamp="(\d+)")re"_s);
        const qint64 signedAt = ts.match(QString::fromLatin1(a)).captured(1).toLongLong();
        QVERIFY(qAbs(now - signedAt) < 5); // seconds, not milliseconds
    }

    void nullSigner_isNull()
    {
        QVERIFY(RequestSigner().isNull());
        QVERIFY(RequestSigner().authorization("GET", "/", "", 1, "n").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRequestSigner)
#include "tst_requestsigner.moc"
