// The independent check: the openssl command line (not our crypto code) verifies a sandbox answer's
// signature, and signs a request the sandbox must accept. Uses the bundled demo keys.

#include "sandbox/sandboxserver.h"
#include "sandboxtestclient.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;
using fenzhang::sandbox::SandboxOptions;
using fenzhang::sandbox::SandboxServer;

class TestSandboxOpenssl final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    SandboxServer m_server;
    QNetworkAccessManager m_nam;
    QString m_openssl;

    QString writeFile(const QString &name, const QByteArray &data)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            qFatal("cannot write a test file");
        return file.fileName();
    }
    // Runs openssl; returns its exit code (-1 if it did not run) and collects its output.
    int openssl(const QStringList &arguments, QByteArray *output = nullptr)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(m_openssl, arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
            return -1;
        if (output)
            *output = process.readAll();
        return process.exitCode();
    }
    QByteArray sampleTarget() const
    {
        const QJsonObject order = m_server.info().value(u"samples"_s).toObject().value(u"order"_s).toObject();
        return "/v3/profitsharing/orders/"_ba + order.value(u"out_order_no"_s).toString().toLatin1() +
               "?sub_mchid="_ba + order.value(u"sub_mchid"_s).toString().toLatin1() + "&transaction_id="_ba +
               order.value(u"transaction_id"_s).toString().toLatin1();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (m_openssl.isEmpty())
            QSKIP("the openssl command line is not installed");
        QVERIFY2(m_server.start(SandboxOptions{}), qPrintable(m_server.errorString()));
    }

    void opensslVerifiesAnswerSignature()
    {
        const QJsonObject info = m_server.info();
        MerchantKeySource source;
        source.mchid = info.value(u"mchid"_s).toString();
        source.privateKeyFile = info.value(u"merchant_private_key"_s).toString();
        source.certificateFile = info.value(u"merchant_certificate"_s).toString();
        const auto credentials = MerchantCredentials::load(source);
        QVERIFY(credentials);
        const RequestSigner signer(credentials->mchid, credentials->serialNo, credentials->privateKey);

        const Answer answer = signedGet(m_nam, m_server.url(), signer, sampleTarget());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.header("Wechatpay-Serial"),
                 info.value(u"wechatpay_public_key_id"_s).toString().toLatin1());
        const QByteArray message = answer.header("Wechatpay-Timestamp") + '\n' +
                                   answer.header("Wechatpay-Nonce") + '\n' + answer.body + '\n';
        const QString messageFile = writeFile(u"answer.txt"_s, message);
        const QString signatureFile =
            writeFile(u"answer.sig"_s, QByteArray::fromBase64(answer.header("Wechatpay-Signature")));
        const QString publicKey = info.value(u"wechatpay_public_key"_s).toString();

        QByteArray output;
        QCOMPARE(openssl({u"dgst"_s, u"-sha256"_s, u"-verify"_s, publicKey, u"-signature"_s, signatureFile,
                          messageFile},
                         &output),
                 0);
        QVERIFY2(output.contains("Verified OK"), output.constData());

        // The same check must fail for a body changed by one byte.
        QByteArray changed = message;
        changed[changed.indexOf("\"amount\":") + 9] = '7';
        const QString changedFile = writeFile(u"changed.txt"_s, changed);
        QCOMPARE(openssl({u"dgst"_s, u"-sha256"_s, u"-verify"_s, publicKey, u"-signature"_s, signatureFile,
                          changedFile}),
                 1);
    }

    void sandboxAcceptsRequestSignedByOpenssl()
    {
        const QJsonObject info = m_server.info();
        const QByteArray target = sampleTarget();
        const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const QByteArray nonce = "0penSSLsignedNonce0123456789abcd"_ba;
        const QString messageFile =
            writeFile(u"request.txt"_s, "GET\n"_ba + target + '\n' + timestamp + '\n' + nonce + "\n\n");
        const QString signatureFile = m_dir.filePath(u"request.sig"_s);
        QCOMPARE(
            openssl({u"dgst"_s, u"-sha256"_s, u"-sign"_s, info.value(u"merchant_private_key"_s).toString(),
                     u"-out"_s, signatureFile, messageFile}),
            0);
        QFile signature(signatureFile);
        QVERIFY(signature.open(QIODevice::ReadOnly));
        // Fields deliberately in another order than our signer writes them.
        const QByteArray authorization =
            "WECHATPAY2-SHA256-RSA2048 signature=\""_ba + signature.readAll().toBase64() + "\",timestamp=\"" +
            timestamp + "\",serial_no=\"" + info.value(u"serial_no"_s).toString().toLatin1() +
            "\",nonce_str=\"" + nonce + "\",mchid=\"" + info.value(u"mchid"_s).toString().toLatin1() + '"';
        const Answer answer = send(m_nam, m_server.url(), "GET", target, {{"Authorization", authorization}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(u"state"_s).toString(), u"FINISHED"_s);
    }
};

QTEST_GUILESS_MAIN(TestSandboxOpenssl)
#include "tst_sandboxopenssl.moc"
