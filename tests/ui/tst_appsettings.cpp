#include "appsettings.h"
#include "language.h"
#include "testsettings.h"

#include <QFile>
#include <QAbstractFileIconProvider>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

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
    void translationDirectories_coverEveryLayout_data();
    void translationDirectories_coverEveryLayout();
    void installTranslation_fromBuildTree();
    void qtTranslation_foundAsDeployedOnWindowsAndMacOs();

private:
    QTemporaryDir m_dir;
};

void TestAppSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    testing::useTestSettings(m_dir.path(), u"test_appsettings"_s);
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

void TestAppSettings::translationDirectories_coverEveryLayout_data()
{
    QTest::addColumn<QString>("applicationDir");
    QTest::addColumn<QString>("expected");
    QTest::newRow("build tree") << u"/src/build/ci/app/desk"_s << u"/src/build/ci/app/desk/translations"_s;
    QTest::newRow("deb") << u"/usr/bin"_s << u"/usr/share/fenzhang-desk/translations"_s;
    QTest::newRow("tgz") << u"/opt/fenzhang-desk-0.1.0-Linux/bin"_s
                         << u"/opt/fenzhang-desk-0.1.0-Linux/share/fenzhang-desk/translations"_s;
    QTest::newRow("windows installer") << u"C:/Users/li/AppData/Local/Programs/Fenzhang Desk/bin"_s
                                       << u"C:/Users/li/AppData/Local/Programs/Fenzhang Desk/translations"_s;
    QTest::newRow("macos bundle") << u"/Applications/fenzhang-desk.app/Contents/MacOS"_s
                                  << u"/Applications/fenzhang-desk.app/Contents/Resources/translations"_s;
}

void TestAppSettings::translationDirectories_coverEveryLayout()
{
    QFETCH(QString, applicationDir);
    QFETCH(QString, expected);
    const QStringList directories = Language::translationDirectories(applicationDir);
    QVERIFY2(directories.contains(expected), qPrintable(directories.join(u", "_s)));
}

// The desktop app's build puts the compiled translations beside it; install() finds them only
// there, so this test looks from that folder's point of view by checking the files themselves.
void TestAppSettings::installTranslation_fromBuildTree()
{
    const QString deskDir = QStringLiteral(FENZHANG_BINARY_DIR) + u"/app/desk"_s;
    if (!QFileInfo::exists(deskDir))
        QSKIP("the desktop app is not part of this build");
    QTranslator translator;
    const QStringList directories = Language::translationDirectories(deskDir);
    QVERIFY2(translator.load(u"fenzhang_zh_CN"_s, directories.constFirst()),
             qPrintable(directories.constFirst()));
    QCOMPARE(translator.translate("main", "Fenzhang Desk"), u"分账查询台"_s);

    // The file dialog's "Folder" (its Type column), which Qt's own Chinese file lacks.
    QCoreApplication::installTranslator(&translator);
    const QString folder = QAbstractFileIconProvider().type(QFileInfo(m_dir.path()));
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(folder, u"文件夹"_s);
}

// windeployqt and macdeployqt ship Qt's strings as one qt_<lang>.qm beside the app, not Debian's
// qtbase_<lang>.qm: a folder laid out like that must give Qt's dialogs Chinese buttons too.
void TestAppSettings::qtTranslation_foundAsDeployedOnWindowsAndMacOs()
{
    const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_zh_CN.qm"_s;
    if (!QFileInfo::exists(qtbase))
        QSKIP("Qt's own translations are not installed (qt6-translations-l10n)");
    QTemporaryDir deployed;
    QVERIFY(deployed.isValid());
    QTranslator translator;
    QVERIFY(!Language::loadQtTranslation(&translator, u"zh_CN"_s, {deployed.path()}));
    QVERIFY(QFile::copy(qtbase, deployed.filePath(u"qt_zh_CN.qm"_s)));
    QVERIFY(Language::loadQtTranslation(&translator, u"zh_CN"_s, {deployed.path()}));
    QCOMPARE(translator.filePath(), deployed.filePath(u"qt_zh_CN.qm"_s));
    QCOMPARE(translator.translate("QPlatformTheme", "Cancel"), u"取消"_s);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
