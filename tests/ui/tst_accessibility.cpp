// What a screen reader gets (issue 16.11): the QAccessible tree of every page and dialog, read the
// way AT-SPI and UI Automation read it. Every input, button, table and list must have a name; and
// in Chinese, after each kind of failed look-up, no English sentence may be in what is read out.

#include "appsettings.h"
#include "batchpage.h"
#include "connectionprovider.h"
#include "demoprofile.h"
#include "fieldedit.h"
#include "historybackend.h"
#include "historypage.h"
#include "lookupcontroller.h"
#include "lookuppage.h"
#include "mainwindow.h"
#include "profile/profilestore.h"
#include "profile/secretstore.h"
#include "profiledialog.h"
#include "profilemanagerdialog.h"
#include "queryform.h"
#include "sandbox/sandboxserver.h"
#include "settingsdialog.h"
#include "testsettings.h"

#include <memory>
#include <QAccessible>
#include <QApplication>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace fenzhang;
using namespace Qt::StringLiterals;

namespace {

// Controls a user operates or reads data from; each needs a name of its own.
bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::EditableText:
    case QAccessible::PushButton:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::List:
    case QAccessible::PageTab:
        return true;
    default:
        return false;
    }
}

QString describe(QAccessibleInterface *iface)
{
    QObject *object = iface->object();
    QString path;
    for (QObject *o = object; o; o = o->parent())
        path.prepend(u'/' + (o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className()) : o->objectName()));
    return u"%1 (role %2)"_s.arg(path).arg(int(iface->role()));
}

struct Node {
    QAccessibleInterface *iface;
    QString name;
    QString description;
};

// The visible part of the tree, not descending into the items of views and combo boxes.
void walk(QAccessibleInterface *iface, QList<Node> &out, int depth = 0)
{
    if (!iface || !iface->isValid() || depth > 60)
        return;
    if (iface->state().invisible || iface->state().offscreen)
        return;
    if (auto *widget = qobject_cast<QWidget *>(iface->object()); widget && !widget->isVisible())
        return;
    out.append({iface, iface->text(QAccessible::Name), iface->text(QAccessible::Description)});
    const QAccessible::Role role = iface->role();
    if (role == QAccessible::Table || role == QAccessible::Tree || role == QAccessible::List
        || role == QAccessible::ComboBox)
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        walk(iface->child(i), out, depth + 1);
}

QList<Node> tree(QWidget *root)
{
    QList<Node> nodes;
    walk(QAccessible::queryAccessibleInterface(root), nodes);
    return nodes;
}

QStringList unnamed(QWidget *root)
{
    QStringList list;
    for (const Node &node : tree(root)) {
        if (isInteractive(node.iface->role()) && node.name.trimmed().isEmpty())
            list << describe(node.iface);
    }
    return list;
}

// Two or more English words in a row: words meant for the reader, not an API name, a number or
// "Request-ID".
QStringList englishSentences(QWidget *root)
{
    static const QRegularExpression sentence(u"[A-Za-z]{2,}(?:[ ,'’]+[A-Za-z]{2,})+"_s);
    QStringList list;
    for (const Node &node : tree(root)) {
        for (const QString &text : {node.name, node.description}) {
            if (const auto match = sentence.match(text); match.hasMatch())
                list << describe(node.iface) + u": "_s + text;
        }
    }
    return list;
}

quint16 closedPort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost) ? server.serverPort() : 0;
}

} // namespace

class TestAccessibility final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyPage_everyControlNamed();
    void profileDialogs_everyControlNamed();
    void settingsDialog_everyControlNamed();
    void failedLookups_chineseTreeHoldsNoEnglishSentence();

private:
    void lookUp(LookupPage *page);

    QTemporaryDir m_dir;
    sandbox::SandboxServer m_server;
    ConnectionProfile m_demo;
    std::unique_ptr<StaticConnectionProvider> m_provider;
    std::unique_ptr<LookupController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

void TestAccessibility::initTestCase()
{
    QVERIFY(m_dir.isValid());
    testing::useTestSettings(m_dir.path(), u"test_accessibility"_s);
    QVERIFY2(m_server.start(sandbox::SandboxOptions{}), qPrintable(m_server.errorString()));
    m_demo = DemoProfile::fromSandboxInfo(m_server.info());
    QAccessible::setActive(true);
}

void TestAccessibility::init()
{
    m_provider = std::make_unique<StaticConnectionProvider>();
    m_provider->addProfile(m_demo);
    m_controller = std::make_unique<LookupController>(m_provider.get());
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAccessibility::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_provider.reset();
}

void TestAccessibility::lookUp(LookupPage *page)
{
    QTest::keyClick(page->form()->fields().constLast(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
}

void TestAccessibility::everyPage_everyControlNamed()
{
    m_window->prefillSamples();
    for (int page = 0; page < m_window->pages()->count(); ++page) {
        m_window->setCurrentPage(MainWindow::Page(page));
        QApplication::processEvents();
        const QStringList missing = unnamed(m_window.get());
        QVERIFY2(missing.isEmpty(), qPrintable(u"page %1 — no accessible name:\n"_s.arg(page) + missing.join(u'\n')));
    }
    // With results and an error panel on screen.
    m_window->setCurrentPage(MainWindow::Page::Order);
    lookUp(m_window->orderPage());
    QCOMPARE(m_window->orderPage()->currentView(), LookupPage::View::Result);
    QStringList missing = unnamed(m_window.get());
    QVERIFY2(missing.isEmpty(), qPrintable(u"order result — no accessible name:\n"_s + missing.join(u'\n')));
    m_window->setCurrentPage(MainWindow::Page::Return);
    lookUp(m_window->returnPage());
    missing = unnamed(m_window.get());
    QVERIFY2(missing.isEmpty(), qPrintable(u"return result — no accessible name:\n"_s + missing.join(u'\n')));
    m_window->setCurrentPage(MainWindow::Page::Order);
    FieldEdit *outOrderNo = m_window->orderPage()->form()->field(u"out_order_no"_s);
    outOrderNo->setText(u"SCN-404"_s);
    Q_EMIT outOrderNo->edited();
    lookUp(m_window->orderPage());
    QCOMPARE(m_window->orderPage()->currentView(), LookupPage::View::Error);
    missing = unnamed(m_window.get());
    QVERIFY2(missing.isEmpty(), qPrintable(u"error panel — no accessible name:\n"_s + missing.join(u'\n')));
}

void TestAccessibility::profileDialogs_everyControlNamed()
{
    // Both outlive the test function: a keychain query may answer after the dialogs are gone.
    auto *store = new ProfileStore(m_dir.filePath(u"profiles.json"_s), this);
    QVERIFY(store->load());
    auto *secrets = new SecretStore(u"fenzhang-test-accessibility"_s, this);
    ProfileManagerDialog manager(store, secrets);
    manager.show();
    QVERIFY(QTest::qWaitForWindowExposed(&manager));
    QStringList missing = unnamed(&manager);
    QVERIFY2(missing.isEmpty(), qPrintable(u"profile manager — no accessible name:\n"_s + missing.join(u'\n')));

    ProfileDialog editor(secrets);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    missing = unnamed(&editor);
    QVERIFY2(missing.isEmpty(), qPrintable(u"profile editor — no accessible name:\n"_s + missing.join(u'\n')));
}

void TestAccessibility::settingsDialog_everyControlNamed()
{
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList missing = unnamed(&dialog);
    QVERIFY2(missing.isEmpty(), qPrintable(u"settings — no accessible name:\n"_s + missing.join(u'\n')));
}

void TestAccessibility::failedLookups_chineseTreeHoldsNoEnglishSentence()
{
    const QString directory = QStringLiteral(FENZHANG_BINARY_DIR) + u"/app/desk/translations"_s;
    QTranslator chinese;
    if (!chinese.load(u"fenzhang_zh_CN"_s, directory))
        QSKIP("the desktop app's translations are not part of this build");
    // Qt's own texts (a refused connection's reason) come from Qt's translation, as in the app.
    QTranslator qtChinese;
    if (!qtChinese.load(u"qtbase_zh_CN"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QSKIP("Qt's own Chinese translation (qt6-translations-l10n) is not installed");
    QCoreApplication::installTranslator(&qtChinese);
    QCoreApplication::installTranslator(&chinese);
    const auto restore = qScopeGuard([&] {
        QCoreApplication::removeTranslator(&chinese);
        QCoreApplication::removeTranslator(&qtChinese);
    });
    // The window's own texts are made in Chinese, too, and so is the demo profile's name (as the app
    // makes it after installing its translation).
    m_window.reset();
    m_controller.reset();
    m_provider = std::make_unique<StaticConnectionProvider>();
    m_provider->addProfile(DemoProfile::fromSandboxInfo(m_server.info()));
    m_controller = std::make_unique<LookupController>(m_provider.get());
    ConnectionProfile down = m_demo;
    down.id = u"down"_s;
    down.name = u"down"_s;
    down.demo = false;
    down.settings.client.primaryUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort()));
    down.settings.client.backupUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort()));
    m_provider->addProfile(down);
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->prefillSamples();

    LookupPage *page = m_window->orderPage();
    FieldEdit *outOrderNo = page->form()->field(u"out_order_no"_s);
    const auto check = [&](const QString &what) {
        const QStringList english = englishSentences(m_window.get());
        QVERIFY2(english.isEmpty(), qPrintable(what + u" — English in the Chinese tree:\n"_s + english.join(u'\n')));
    };
    for (const QString &number : {u"SCN-404"_s, u"SCN-TAMPER"_s}) {
        outOrderNo->setText(number);
        Q_EMIT outOrderNo->edited();
        lookUp(page);
        QCOMPARE(page->currentView(), LookupPage::View::Error);
        check(number);
    }
    // Enter with a field in error.
    outOrderNo->setText(u"bad number!"_s);
    Q_EMIT outOrderNo->edited();
    QTest::keyClick(outOrderNo, Qt::Key_Return);
    check(u"invalid input"_s);
    // Nobody answers.
    m_controller->setCurrentProfile(u"down"_s);
    page->form()->setQuery(m_demo.sampleOrder);
    lookUp(page);
    QCOMPARE(page->currentView(), LookupPage::View::Error);
    check(u"network failure"_s);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
