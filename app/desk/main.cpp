// fenzhang-desk: builds the objects and runs; everything else lives in ui/.

#include "appsettings.h"
#include "crypto/processhardening.h"
#include "demomode.h"
#include "demoprofile.h"
#include "deskoptions.h"
#include "fenzhang_version.h"
#include "language.h"
#include "lookupcontroller.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "profile/profilemanagerdialog.h"
#include "profile/profilestore.h"
#include "profile/secretstore.h"
#include "storeconnectionprovider.h"
#include "startupactions.h"

#include <QApplication>
#include <QDebug>
#include <QIcon>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(u"FenzhangDesk"_s);
    QCoreApplication::setOrganizationDomain(u"fenzhangdesk.github.io"_s);
    QCoreApplication::setApplicationName(u"fenzhang-desk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FENZHANG_VERSION));
}

// --version and --help must work without a display (packaging checks, SSH sessions).
bool consoleOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h" || arg == "--help-all")
            return true;
    }
    return false;
}

void useDarkPalette()
{
    QApplication::setStyle(u"Fusion"_s);
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    QApplication::setPalette(p);
}

} // namespace

int main(int argc, char *argv[])
{
    fenzhang::ProcessHardening::applyAtStartup(); // before any key is read: no core dump holds it
    if (consoleOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        fenzhang::DeskOptions::parse(app); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName(u"io.github.fenzhangdesk.FenzhangDesk"_s);
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/fenzhang-desk-%1.png"_s.arg(size));
    QApplication::setWindowIcon(icon);

    const fenzhang::DeskOptions options = fenzhang::DeskOptions::parse(app);
    const QString language = fenzhang::Language::resolve(
        options.language.isEmpty()
            ? fenzhang::AppSettings::value(fenzhang::AppSettings::Key::Language).toString()
            : options.language);
    if (!fenzhang::Language::install(&app, language)) {
        // A broken installation: say where it looked (the packaging tests watch for this line).
        qWarning().noquote() << u"fenzhang-desk: translation fenzhang_%1.qm not found in: %2"_s.arg(
            language, fenzhang::Language::translationDirectories(QCoreApplication::applicationDirPath())
                          .join(u", "_s));
    }
    // Qt appends the display name to every window title.
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Fenzhang Desk"));
    if (options.darkPalette)
        useDarkPalette();

    // The user's saved profiles (secrets in the system keychain), after the demo and command-line ones.
    fenzhang::ProfileStore store;
    const auto storeLoaded = store.load();
    // Why they could not be loaded: said again when the profile manager opens, until a change is
    // saved (never while the unreadable file blocks every save).
    QString storeProblem = storeLoaded ? QString() : storeLoaded.error();
    QObject::connect(&store, &fenzhang::ProfileStore::profilesChanged, &app, [&storeProblem, &store] {
        if (!store.isSaveBlocked())
            storeProblem.clear();
    });
    fenzhang::SecretStore secrets;
    fenzhang::StoreConnectionProvider provider(&store, &secrets);
    if (options.demo) {
        QString error;
        const QList<fenzhang::ConnectionProfile> demos = fenzhang::DemoMode::start(&app, &error);
        for (const fenzhang::ConnectionProfile &demo : demos)
            provider.addFixedProfile(demo);
        if (demos.isEmpty()) {
            fenzhang::MessageBox::critical(
                nullptr, QApplication::translate("main", "Demo mode"),
                QApplication::translate("main", "The built-in sandbox could not start: %1").arg(error));
        }
    }
    if (options.commandLineProfile)
        provider.addFixedProfile(*options.commandLineProfile);

    fenzhang::LookupController controller(&provider);
    fenzhang::MainWindow window(&controller);
    QObject::connect(&window, &fenzhang::MainWindow::manageProfilesRequested, &window, [&] {
        fenzhang::ProfileManagerDialog dialog(&store, &secrets, &window);
        if (!storeProblem.isEmpty())
            dialog.showStatus(storeProblem);
        dialog.exec();
    });
    window.restoreSettings();
    if (options.demo)
        controller.setCurrentProfile(fenzhang::DemoProfile::idFor(options.product));
    window.prefillSamples();
    fenzhang::StartupActions actions(&window, options);
    window.show();
    if (!storeLoaded)
        fenzhang::MessageBox::warning(&window, QApplication::translate("main", "Profiles"),
                                      storeLoaded.error());
    return app.exec();
}
