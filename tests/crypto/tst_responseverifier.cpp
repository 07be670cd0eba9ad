#include "crypto/keyloader.h"
#include "crypto/responseverifier.h"
#include "vectors.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::test::vectorCase;
using fenzhang::test::vectorPath;
using Status = fenzhang::Verification::Status;

namespace {

const QString keyId = u"PUB_KEY_ID_0119000000012025112300000000000001"_s;

VerifierKeyRing keyRing()
{
    WechatPayKeySource source;
    source.publicKeyId = keyId;
    source.publicKeyFile = vectorPath(u"wechatpay_public_key.pem"_s);
    auto ring = VerifierKeyRing::load(source);
    if (!ring)
        qFatal("key ring");
    return *ring;
}

struct Case {
    SignatureHeaders headers;
    QByteArray body;
    qint64 timestamp;
};

Case fromVector(const QString &name)
{
    const QJsonObject v = vectorCase(u"responses"_s, name);
    HeaderList headers{
        {"Wechatpay-Timestamp", v.value(u"wechatpay_timestamp"_s).toString().toUtf8()},
        {"wechatpay-nonce", v.value(u"wechatpay_nonce"_s).toString().toUtf8()},
        {"WECHATPAY-SIGNATURE", v.value(u"wechatpay_signature"_s).toString().toUtf8()},
        {"Wechatpay-Serial", v.value(u"wechatpay_serial"_s).toString().toUtf8()},
        {"Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048"},
        {"Request-ID", "08F4B8F7B90610A2080318A8C8C3A10620B8DD01-0"},
    };
    return Case{SignatureHeaders::fromHeaders(headers), v.value(u"body"_s).toString().toUtf8(),
                v.value(u"wechatpay_timestamp"_s).toString().toLongLong()};
}

ResponseVerifier verifierAt(qint64 now)
{
    return ResponseVerifier(keyRing(), [now] { return now; });
}

} // namespace

class TestResponseVerifier final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void vectors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("expected");
        QTest::newRow("valid") << u"valid"_s << int(Status::Verified);
        QTest::newRow("tampered-body") << u"tampered-body"_s << int(Status::BadSignature);
        QTest::newRow("signature-probe") << u"signature-probe"_s << int(Status::SignatureProbe);
        QTest::newRow("unknown-serial") << u"unknown-serial"_s << int(Status::UnknownSerial);
    }
    void vectors()
    {
        QFETCH(QString, name);
        QFETCH(int, expected);
        const Case c = fromVector(name);
        const QJsonObject v = vectorCase(u"responses"_s, name);
        QCOMPARE(ResponseVerifier::message(c.headers.timestamp, c.headers.nonce, c.body),
                 v.value(u"message"_s).toString().toUtf8());
        const Verification result = verifierAt(c.timestamp).verify(c.headers, c.body);
        QCOMPARE(int(result.status), expected);
        QCOMPARE(result.ok(), v.value(u"verifies"_s).toBool());
        QVERIFY(!result.detail.isEmpty());
    }

    void clockSkew_atTheLimit_isRejected_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<bool>("ok");
        QTest::newRow("same") << qint64(0) << true;
        QTest::newRow("+299") << qint64(299) << true;
        QTest::newRow("-299") << qint64(-299) << true;
        QTest::newRow("+300") << qint64(300) << false;
        QTest::newRow("-300") << qint64(-300) << false;
        QTest::newRow("an hour") << qint64(3600) << false;
    }
    void clockSkew_atTheLimit_isRejected()
    {
        QFETCH(qint64, offset);
        QFETCH(bool, ok);
        const Case c = fromVector(u"valid"_s);
        const Verification result = verifierAt(c.timestamp + offset).verify(c.headers, c.body);
        QCOMPARE(result.ok(), ok);
        if (!ok)
            QCOMPARE(result.status, Status::ClockSkew);
    }

    void missingHeaders_areNamed_data()
    {
        QTest::addColumn<int>("which");
        for (int i = 0; i < 4; ++i)
            QTest::addRow("%d", i) << i;
    }
    void missingHeaders_areNamed()
    {
        QFETCH(int, which);
        Case c = fromVector(u"valid"_s);
        QByteArray *fields[] = {&c.headers.timestamp, &c.headers.nonce, &c.headers.signature, &c.headers.serial};
        fields[which]->clear();
        const Verification result = verifierAt(c.timestamp).verify(c.headers, c.body);
        QCOMPARE(result.status, Status::MissingHeader);
        QVERIFY(result.detail.contains(u"Wechatpay-"_s));
    }

    void malformedInputs_failCleanly_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("expected");
        const Case c = fromVector(u"valid"_s);
        QTest::newRow("bad-base64") << QByteArray("!!!not base64***") << c.headers.timestamp << QByteArray()
                                    << int(Status::MalformedSignature);
        QTest::newRow("short-signature") << QByteArray("AAAA") << c.headers.timestamp << QByteArray()
                                         << int(Status::BadSignature);
        QTest::newRow("timestamp-ms") << c.headers.signature << QByteArray("1763866175000") << QByteArray()
                                      << int(Status::MalformedTimestamp);
        QTest::newRow("timestamp-text") << c.headers.signature << QByteArray("yesterday") << QByteArray()
                                        << int(Status::MalformedTimestamp);
        QTest::newRow("negative-timestamp") << c.headers.signature << QByteArray("-1") << QByteArray()
                                            << int(Status::MalformedTimestamp);
        QTest::newRow("other-type") << c.headers.signature << c.headers.timestamp << QByteArray("SM2")
                                    << int(Status::UnsupportedSignatureType);
    }
    void malformedInputs_failCleanly()
    {
        QFETCH(QByteArray, signature);
        QFETCH(QByteArray, timestamp);
        QFETCH(QByteArray, type);
        QFETCH(int, expected);
        Case c = fromVector(u"valid"_s);
        c.headers.signature = signature;
        c.headers.timestamp = timestamp;
        c.headers.signatureType = type;
        const Verification result = verifierAt(c.timestamp).verify(c.headers, c.body);
        QCOMPARE(int(result.status), expected);
        QVERIFY(!result.ok());
    }

    void platformCertificateSerial_verifiesToo()
    {
        // The same WeChat Pay key, known through a platform certificate instead of a public key id.
        auto cert = KeyLoader::certificateFromPemFile(fenzhang::test::keyFixture(u"platform_certificate.pem"_s));
        QVERIFY(cert);
        VerifierKeyRing ring;
        ring.addCertificate(*cert);
        Case c = fromVector(u"valid"_s);
        c.headers.serial = cert->serialHex().toLatin1();
        const ResponseVerifier verifier(ring, [t = c.timestamp] { return t; });
        QVERIFY(verifier.verify(c.headers, c.body).ok());
        c.headers.serial = keyId.toLatin1();
        QCOMPARE(verifier.verify(c.headers, c.body).status, Status::UnknownSerial);
    }

    void emptyKeyRing_neverVerifies()
    {
        const Case c = fromVector(u"valid"_s);
        const ResponseVerifier verifier(VerifierKeyRing{}, [t = c.timestamp] { return t; });
        QCOMPARE(verifier.verify(c.headers, c.body).status, Status::UnknownSerial);
    }
};

QTEST_GUILESS_MAIN(TestResponseVerifier)
#include "tst_responseverifier.moc"
