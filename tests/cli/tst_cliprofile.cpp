// fenzhang-cli --profile NAME: the connection comes from a profile saved the way the desktop app
// saves it, and connection flags given on the command line win over it.

#include "clirunner.h"
#include "profile/profilestore.h"
#include "sandboxfixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fenzhang;
using fenzhang::testing::SandboxFixture;

class TestCliProfile final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void profile_order_exit0();
    void profile_flagsWin();
    void profile_unknownName_exit2_listsSavedProfiles();
    void profile_incompleteProfile_exit2_namesTheOption();
    void profile_withoutFlagsOrProfile_stillExit2();
    void profile_foundInProfilesDirOverride();

private:
    using Run = testing::CliRun;
    Run run(const QStringList &arguments);
    QStringList order() const;
    void saveProfile(const Profile &profile);
    Profile sandboxProfile() const;

    QTemporaryDir m_config;
    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_cli;
};

void TestCliProfile::initTestCase()
{
    QVERIFY(m_config.isValid());
    m_cli = qEnvironmentVariable("FENZHANG_CLI");
    QVERIFY2(QFile::exists(m_cli), "FENZHANG_CLI must name the fenzhang-cli executable");
}

void TestCliProfile::init()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY(m_sandbox->start());
    QFile::remove(m_config.filePath(u"FenzhangDesk/fenzhang-desk/profiles.json"_s));
}

void TestCliProfile::cleanup()
{
    m_sandbox.reset();
}

// The CLI with XDG_CONFIG_HOME at m_config: where it looks for the desktop's profiles.
TestCliProfile::Run TestCliProfile::run(const QStringList &arguments)
{
    return testing::runCli(m_cli, arguments, m_config.path());
}

QStringList TestCliProfile::order() const
{
    return testing::cliOrder(*m_sandbox);
}

Profile TestCliProfile::sandboxProfile() const
{
    Profile profile = Profile::create(u"Sandbox"_s);
    profile.mchid = m_sandbox->infoString("mchid");
    profile.keyKind = Profile::KeyKind::PemFiles;
    profile.privateKeyFile = m_sandbox->infoString("merchant_private_key");
    profile.certificateFile = m_sandbox->infoString("merchant_certificate");
    profile.publicKeyId = m_sandbox->infoString("wechatpay_public_key_id");
    profile.publicKeyFile = m_sandbox->infoString("wechatpay_public_key");
    profile.primaryUrl = m_sandbox->server->url();
    profile.backupUrl = QUrl();
    profile.timeoutMs = 20000;
    return profile;
}

void TestCliProfile::saveProfile(const Profile &profile)
{
    ProfileStore store(m_config.filePath(u"FenzhangDesk/fenzhang-desk/profiles.json"_s), nullptr);
    QVERIFY(store.load());
    const auto added = store.add(profile);
    QVERIFY2(added, qPrintable(added ? QString() : added.error()));
}

void TestCliProfile::profile_order_exit0()
{
    saveProfile(sandboxProfile());
    const Run result = run(QStringList{u"--profile"_s, u"sandbox"_s, u"--format"_s, u"json"_s} + order());
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains("\"verified\": true") || result.out.contains("\"verified\":true"),
             result.out.constData());
    QCOMPARE(m_sandbox->log.size(), 1);
}

void TestCliProfile::profile_flagsWin()
{
    saveProfile(sandboxProfile());
    // The profile points at the sandbox; --base-url sends the look-up to a port nothing listens on.
    const Run result =
        run(QStringList{u"--profile"_s, u"Sandbox"_s, u"--base-url"_s, u"http://127.0.0.1:1"_s} + order());
    QCOMPARE(result.exitCode, 4);
    QVERIFY(m_sandbox->log.isEmpty());
}

void TestCliProfile::profile_unknownName_exit2_listsSavedProfiles()
{
    saveProfile(sandboxProfile());
    const Run result = run(QStringList{u"--profile"_s, u"Other"_s} + order());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("Other") && result.err.contains("Sandbox"), result.err.constData());
    QVERIFY(m_sandbox->log.isEmpty());
}

void TestCliProfile::profile_incompleteProfile_exit2_namesTheOption()
{
    Profile profile = sandboxProfile();
    profile.publicKeyId.clear();
    profile.publicKeyFile.clear();
    saveProfile(profile);
    Run result = run(QStringList{u"--profile"_s, u"Sandbox"_s} + order());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("--wechatpay-public-key"), result.err.constData());
    QVERIFY(m_sandbox->log.isEmpty());

    // The missing part given as flags completes it.
    result = run(QStringList{u"--profile"_s, u"Sandbox"_s, u"--wechatpay-public-key-id"_s,
                             m_sandbox->infoString("wechatpay_public_key_id"), u"--wechatpay-public-key"_s,
                             m_sandbox->infoString("wechatpay_public_key")} +
                 order());
    QCOMPARE(result.exitCode, 0);
}

void TestCliProfile::profile_withoutFlagsOrProfile_stillExit2()
{
    const Run result = run(order());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("--mchid"), result.err.constData());
}

// FENZHANG_PROFILES_DIR wins over AppConfigLocation: the way tests (and portable set-ups) point the
// CLI at a profiles file on Windows and macOS, where XDG_CONFIG_HOME means nothing.
void TestCliProfile::profile_foundInProfilesDirOverride()
{
    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    {
        ProfileStore store(elsewhere.filePath(u"profiles.json"_s), nullptr);
        QVERIFY(store.load());
        const auto added = store.add(sandboxProfile());
        QVERIFY2(added, qPrintable(added ? QString() : added.error()));
    }
    const QStringList arguments = QStringList{u"--profile"_s, u"Sandbox"_s, u"--format"_s, u"json"_s} + order();
    // m_config holds no profile: without the override the name is unknown.
    QCOMPARE(testing::runCli(m_cli, arguments, m_config.path()).exitCode, 2);
    const Run result = testing::runCli(m_cli, arguments, m_config.path(), 60000,
                                       {u"FENZHANG_PROFILES_DIR="_s + elsewhere.path()});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_sandbox->log.size(), 1);
}

QTEST_GUILESS_MAIN(TestCliProfile)
#include "tst_cliprofile.moc"
