// The optional "look up a known order" step of Check profile, against the sandbox over loopback.

#include "profile/profilelookupcheck.h"
#include "profiletestutil.h"
#include "sandboxfixture.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using namespace fenzhang::test;
using fenzhang::testing::SandboxFixture;

Q_DECLARE_METATYPE(fenzhang::CheckItem)

class TestProfileLookupCheck final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sandbox.start());
    }

    void lookup_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("detail"); // a piece of the expected explanation
        QTest::newRow("known-order") << QString() << int(CheckItem::Outcome::Passed) << u"verified"_s;
        QTest::newRow("unknown-order")
            << u"SCN-404"_s << int(CheckItem::Outcome::Failed) << u"does not know"_s;
        QTest::newRow("tampered-answer")
            << u"SCN-TAMPER"_s << int(CheckItem::Outcome::Failed) << u"did not verify"_s;
        QTest::newRow("other-merchant-key")
            << u"key"_s << int(CheckItem::Outcome::Failed) << u"refused the signature"_s;
        QTest::newRow("other-public-key-id")
            << u"keyid"_s << int(CheckItem::Outcome::Failed) << u"did not verify"_s;
        QTest::newRow("host-down") << u"host"_s << int(CheckItem::Outcome::Failed)
                                   << u"could not be reached"_s;
        QTest::newRow("invalid-number") << u"invalid"_s << int(CheckItem::Outcome::Failed) << u"not valid"_s;
        QTest::newRow("key-unreadable")
            << u"nokey"_s << int(CheckItem::Outcome::Failed) << u"apiclient_key.pem"_s;
    }
    void lookup()
    {
        QFETCH(QString, change);
        QFETCH(int, outcome);
        QFETCH(QString, detail);
        Profile profile = sandboxProfile();
        OrderQuery query = m_sandbox.sampleOrder();
        if (change.startsWith(u"SCN-"_s))
            query = m_sandbox.scenarioOrder(change);
        else if (change == u"key"_s) {
            profile.privateKeyFile = vectorPath(u"merchant_private_key.pem"_s);
            profile.certificateFile = vectorPath(u"merchant_certificate.pem"_s);
        } else if (change == u"keyid"_s)
            profile.publicKeyId = u"PUB_KEY_ID_0000000000000000000000000000000001"_s;
        else if (change == u"host"_s)
            profile.primaryUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(testing::closedLoopbackPort()));
        else if (change == u"invalid"_s)
            query.transactionId = u"not digits"_s;
        else if (change == u"nokey"_s)
            profile.privateKeyFile = u"/nope/apiclient_key.pem"_s;

        ProfileLookupCheck check;
        QSignalSpy finished(&check, &ProfileLookupCheck::finished);
        check.start(profile.toConnectionSettings(), query);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const auto item = finished.first().at(0).value<CheckItem>();
        QCOMPARE(item.check, CheckItem::Check::KnownLookup);
        QVERIFY2(int(item.outcome) == outcome, qPrintable(item.detail));
        QVERIFY2(item.detail.contains(detail), qPrintable(item.detail));
        QVERIFY(!item.title.isEmpty());
        // The key never shows in the explanation.
        const QList<QByteArray> needles =
            secretNeedles(readAll(m_sandbox.infoString("merchant_private_key")));
        QCOMPARE(secretsIn(item.detail.toUtf8(), needles), QStringList());
    }

private:
    Profile sandboxProfile() const
    {
        Profile profile = Profile::create(u"Sandbox"_s);
        profile.mchid = m_sandbox.infoString("mchid");
        profile.privateKeyFile = m_sandbox.infoString("merchant_private_key");
        profile.certificateFile = m_sandbox.infoString("merchant_certificate");
        profile.publicKeyId = m_sandbox.infoString("wechatpay_public_key_id");
        profile.publicKeyFile = m_sandbox.infoString("wechatpay_public_key");
        profile.primaryUrl = m_sandbox.server->url();
        profile.backupUrl = QUrl();
        profile.timeoutMs = 5000;
        return profile;
    }

    SandboxFixture m_sandbox;
};

QTEST_GUILESS_MAIN(TestProfileLookupCheck)
#include "tst_profilelookupcheck.moc"
