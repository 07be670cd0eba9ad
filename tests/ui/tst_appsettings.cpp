#include "appsettings.h"
#include "language.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fenzhang;
using namespace Qt::StringLiterals;

class TestAppSettings final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unsetKeys_giveDefaults();
    void setValue_roundTrips();
    void keysAreUniqueAndNothingSecret();
    void corruptFile_usesDefaults();
    void language_resolve_data();
    void language_resolve();

private:
    QTemporaryDir m_dir;
};

void TestAppSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(u"FenzhangDeskTest"_s);
    QCoreApplication::setApplicationName(u"test_appsettings"_s);
}

void TestAppSettings::unsetKeys_giveDefaults()
{
    AppSettings::reset(AppSettings::Key::LastPage);
    QCOMPARE(AppSettings::value(AppSettings::Key::LastPage).toInt(), 0);
    QCOMPARE(AppSettings::value(AppSettings::Key::Language).toString(), QString());
    QCOMPARE(AppSettings::value(AppSettings::Key::AutoRefresh).toBool(), false);
}

void TestAppSettings::setValue_roundTrips()
{
    AppSettings::setValue(AppSettings::Key::LastPage, 1);
    AppSettings::setValue(AppSettings::Key::LastProfile, u"demo"_s);
    QCOMPARE(AppSettings::value(AppSettings::Key::LastPage).toInt(), 1);
    QCOMPARE(AppSettings::value(AppSettings::Key::LastProfile).toString(), u"demo"_s);
    QCOMPARE(QSettings().value(AppSettings::keyName(AppSettings::Key::LastProfile)).toString(), u"demo"_s);
    AppSettings::reset(AppSettings::Key::LastPage);
    QCOMPARE(AppSettings::value(AppSettings::Key::LastPage).toInt(), 0);
}

void TestAppSettings::keysAreUniqueAndNothingSecret()
{
    const QList<AppSettings::Key> keys{AppSettings::Key::Language,    AppSettings::Key::WindowGeometry,
                                       AppSettings::Key::WindowState, AppSettings::Key::LastPage,
                                       AppSettings::Key::LastProfile, AppSettings::Key::AutoRefresh};
    QStringList names;
    for (auto key : keys)
        names << AppSettings::keyName(key);
    names.removeDuplicates();
    QCOMPARE(names.size(), keys.size());
    for (const QString &name : std::as_const(names)) {
        for (const char *word : {"key", "password", "secret", "token"})
            QVERIFY2(!name.contains(QLatin1String(word), Qt::CaseInsensitive), qPrintable(name));
    }
}

void TestAppSettings::corruptFile_usesDefaults()
{
    const QString file = QSettings().fileName();
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        static const char garbage[] = "\x00\xff[[[ui\nlastPage=not-a-number\n\x01\x02";
        f.write(garbage, sizeof garbage - 1); // the embedded NUL included, the terminating one not
    }
    QCOMPARE(AppSettings::value(AppSettings::Key::AutoRefresh).toBool(), false);
    QCOMPARE(AppSettings::value(AppSettings::Key::Language).toString(), QString());
}

void TestAppSettings::language_resolve_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QLocale>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("chinese system") << QString() << QLocale(QLocale::Chinese, QLocale::China) << u"zh_CN"_s;
    QTest::newRow("taiwan system") << QString() << QLocale(QLocale::Chinese, QLocale::Taiwan) << u"zh_CN"_s;
    QTest::newRow("english system") << QString() << QLocale(QLocale::English, QLocale::UnitedStates)
                                    << u"en"_s;
    QTest::newRow("german system") << QString() << QLocale(QLocale::German, QLocale::Germany) << u"en"_s;
    QTest::newRow("chosen english on chinese")
        << u"en"_s << QLocale(QLocale::Chinese, QLocale::China) << u"en"_s;
    QTest::newRow("chosen chinese on english")
        << u"zh_CN"_s << QLocale(QLocale::English, QLocale::UnitedStates) << u"zh_CN"_s;
    QTest::newRow("unknown setting follows system")
        << u"klingon"_s << QLocale(QLocale::English, QLocale::UnitedStates) << u"en"_s;
}

void TestAppSettings::language_resolve()
{
    QFETCH(QString, setting);
    QFETCH(QLocale, system);
    QFETCH(QString, expected);
    QCOMPARE(Language::resolve(setting, system), expected);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
