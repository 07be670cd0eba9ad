// The fenzhang-sandbox executable: its one JSON line, serving the url it prints, the private copy
// of the demo keys, --tls, and refusing bad options.

#include "sandboxtestclient.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;

class TestSandboxApp final : public QObject {
    Q_OBJECT
private:
    // Starts the executable and reads its JSON line; the process is left running.
    QJsonObject startSandbox(QProcess &process, const QStringList &arguments)
    {
        process.start(QStringLiteral(FENZHANG_SANDBOX_EXE), arguments);
        if (!process.waitForStarted(30000))
            return {};
        while (!process.canReadLine()) {
            if (!process.waitForReadyRead(60000))
                return {};
        }
        return QJsonDocument::fromJson(process.readLine()).object();
    }
    static bool stop(QProcess &process)
    {
#ifdef Q_OS_WIN
        // terminate() posts WM_CLOSE, which a console program never sees; the sandbox also quits when
        // its standard input closes (app/sandbox/main.cpp), which is how a parent ends it on Windows.
        process.closeWriteChannel();
#else
        process.terminate();
#endif
        return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit &&
               process.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void jsonLine_describesSandbox_andItServesThatUrl()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString log = dir.filePath(u"log.jsonl"_s);
        QProcess process;
        const QJsonObject info =
            startSandbox(process, {u"--port"_s, u"0"_s, u"--keys"_s, vectorsDir(), u"--log"_s, log});
        QVERIFY2(!info.isEmpty(), process.readAllStandardError().constData());
        for (const char *key :
             {"url", "port", "mchid", "serial_no", "merchant_private_key", "merchant_certificate",
              "wechatpay_public_key_id", "wechatpay_public_key", "samples"})
            QVERIFY2(info.contains(QLatin1StringView(key)), key);
        QVERIFY(!info.contains(u"ca_file"_s));
        const QUrl url(info.value(u"url"_s).toString());
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        QCOMPARE(url.port(), info.value(u"port"_s).toInt());
        QVERIFY(url.port() > 0);
        QCOMPARE(info.value(u"serial_no"_s).toString(), u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s);

        for (const char *product : {"service_provider", "direct", "brand"}) {
            const QJsonObject samples = info.value(u"samples"_s).toObject().value(QLatin1StringView(product)).toObject();
            for (const char *kind : {"order", "return", "amounts"})
                QVERIFY2(samples.value(QLatin1StringView(kind)).isObject(), product);
        }
        const QJsonObject sample = info.value(u"samples"_s).toObject().value(u"return"_s).toObject();
        const QByteArray target = "/v3/brand/profitsharing/returnorders?sub_mchid="_ba +
                                  sample.value(u"sub_mchid"_s).toString().toLatin1() +
                                  "&out_return_no=" + sample.value(u"out_return_no"_s).toString().toLatin1() +
                                  "&order_id=" + sample.value(u"order_id"_s).toString().toLatin1();
        QNetworkAccessManager nam;
        const Answer answer = signedGet(nam, url, vectorSigner(), target);
        QCOMPARE(answer.status, 200);
        const ResponseVerifier verifier = verifierFor(info.value(u"wechatpay_public_key_id"_s).toString(),
                                                      info.value(u"wechatpay_public_key"_s).toString());
        QVERIFY(verifier.verify(answer.signatureHeaders(), answer.body).ok());

        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject entry = QJsonDocument::fromJson(file.readLine()).object();
        QCOMPARE(entry.value(u"target"_s).toString(), QString::fromLatin1(target));
        QVERIFY(stop(process));
    }

    void demoKeys_extractedPrivately_andRemovedOnExit()
    {
        QProcess process;
        const QJsonObject info = startSandbox(process, {u"--port"_s, u"0"_s});
        QVERIFY(!info.isEmpty());
        const QString privateKey = info.value(u"merchant_private_key"_s).toString();
        QVERIFY(QFile::exists(privateKey));
        QVERIFY(!privateKey.startsWith(vectorsDir()));
#ifdef Q_OS_UNIX
        QCOMPARE(QFile::permissions(privateKey) &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFileDevice::Permissions());
        QCOMPARE(QFileInfo(QFileInfo(privateKey).path()).permissions() &
                     (QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup),
                 QFileDevice::Permissions());
#endif
        QVERIFY(info.value(u"wechatpay_public_key_id"_s).toString().startsWith(u"PUB_KEY_ID_"_s));
        QVERIFY(stop(process));
        QVERIFY(!QFile::exists(privateKey));
    }

    // Windows cannot terminate() a console program: a parent closing the sandbox's stdin (or dying)
    // stops it just as cleanly, keys removed, on every platform.
    void stdinClosed_quitsCleanly_andRemovesKeys()
    {
        QProcess process;
        const QJsonObject info = startSandbox(process, {u"--port"_s, u"0"_s});
        QVERIFY(!info.isEmpty());
        const QString privateKey = info.value(u"merchant_private_key"_s).toString();
        QVERIFY(QFile::exists(privateKey));
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!QFile::exists(privateKey));
    }

    void tls_jsonLineNamesCa()
    {
        QProcess process;
        const QJsonObject info = startSandbox(process, {u"--tls"_s, u"--keys"_s, vectorsDir()});
        QVERIFY(!info.isEmpty());
        QVERIFY(info.value(u"url"_s).toString().startsWith(u"https://127.0.0.1:"_s));
        QVERIFY(QFile::exists(info.value(u"ca_file"_s).toString()));
        QVERIFY(stop(process));
    }

    void dataFile_replacesDemoRecords_andNamesItsSamples()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile data(dir.filePath(u"data.json"_s));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write(QByteArray(
            "{\"orders\":[{\"sub_mchid\":\"1230000109\",\"transaction_id\":\"4200000000000000000000000001\","
            "\"out_order_no\":\"MY-ORDER-1\",\"order_id\":\"3000000000000000000000000001\",\"state\":"
            "\"FINISHED\","
            "\"receivers\":[{\"amount\":9223372036854775807,\"description\":\"分给商户\",\"type\":\"MERCHANT_"
            "ID\","
            "\"account\":\"1230000110\",\"result\":\"SUCCESS\",\"create_time\":\"2025-01-02T03:04:05+08:00\","
            "\"finish_time\":\"2025-01-02T03:04:06+08:00\",\"detail_id\":\"3601\"}]}],\"returns\":[]}"));
        data.close();
        QProcess process;
        const QJsonObject info =
            startSandbox(process, {u"--keys"_s, vectorsDir(), u"--data"_s, data.fileName()});
        QVERIFY(!info.isEmpty());
        const QJsonObject sample = info.value(u"samples"_s).toObject().value(u"order"_s).toObject();
        QCOMPARE(sample.value(u"out_order_no"_s).toString(), u"MY-ORDER-1"_s);
        QVERIFY(!info.value(u"samples"_s).toObject().contains(u"return"_s));

        QNetworkAccessManager nam;
        const QUrl url(info.value(u"url"_s).toString());
        const Answer mine = signedGet(nam, url, vectorSigner(),
                                      "/v3/profitsharing/orders/MY-ORDER-1?sub_mchid=1230000109"
                                      "&transaction_id=4200000000000000000000000001"_ba);
        QCOMPARE(mine.status, 200);
        QVERIFY(mine.body.contains("\"amount\":9223372036854775807,"));
        const Answer demo = signedGet(nam, url, vectorSigner(),
                                      "/v3/profitsharing/orders/P20251120101530001?sub_mchid=1900000109"
                                      "&transaction_id=4208450740202511201234567890"_ba);
        QCOMPARE(demo.status, 404);
        QVERIFY(stop(process));
    }

    void badOptions_failWithMessage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("port not a number") << QStringList{u"--port"_s, u"http"_s} << 2;
        QTest::newRow("keys dir missing") << QStringList{u"--keys"_s, u"/nonexistent/keys"_s} << 1;
        QTest::newRow("bad public key id") << QStringList{u"--public-key-id"_s, u"KEY-1"_s} << 1;
        QTest::newRow("mchid not digits") << QStringList{u"--mchid"_s, u"19x"_s} << 1;
        QTest::newRow("data file missing") << QStringList{u"--data"_s, u"/nonexistent/data.json"_s} << 1;
    }
    void badOptions_failWithMessage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QProcess process;
        process.start(QStringLiteral(FENZHANG_SANDBOX_EXE), arguments);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), exitCode);
        QVERIFY(process.readAllStandardOutput().isEmpty());
        QVERIFY(!process.readAllStandardError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxApp)
#include "tst_sandboxapp.moc"
