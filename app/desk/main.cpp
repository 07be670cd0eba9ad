// fenzhang-desk: builds the objects and runs; everything else lives in ui/.

#include "appsettings.h"
#include "demomode.h"
#include "demoprofile.h"
#include "deskoptions.h"
#include "fenzhang_version.h"
#include "language.h"
#include "lookupcontroller.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "startupactions.h"

#include <QApplication>
#include <QIcon>

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

} // namespace

int main(int argc, char *argv[])
{
    if (consoleOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        fenzhang::DeskOptions::parse(app); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(u"Fenzhang Desk"_s);
    QApplication::setDesktopFileName(u"io.github.fenzhangdesk.FenzhangDesk"_s);
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/fenzhang-desk-%1.png"_s.arg(size));
    QApplication::setWindowIcon(icon);

    const fenzhang::DeskOptions options = fenzhang::DeskOptions::parse(app);
    const QString language = fenzhang::Language::resolve(
        options.language.isEmpty() ? fenzhang::AppSettings::value(fenzhang::AppSettings::Key::Language).toString()
                                   : options.language);
    fenzhang::Language::install(&app, language);

    fenzhang::StaticConnectionProvider provider;
    if (options.demo) {
        QString error;
        if (auto demo = fenzhang::DemoMode::start(&app, &error)) {
            provider.addProfile(*demo);
        } else {
            fenzhang::MessageBox::critical(nullptr, QApplication::translate("main", "Demo mode"),
                                           QApplication::translate("main", "The built-in sandbox could not start: %1")
                                               .arg(error));
        }
    }
    if (options.commandLineProfile)
        provider.addProfile(*options.commandLineProfile);

    fenzhang::LookupController controller(&provider);
    fenzhang::MainWindow window(&controller);
    window.restoreSettings();
    if (options.demo)
        controller.setCurrentProfile(QString(fenzhang::DemoProfile::Id));
    window.prefillSamples();
    fenzhang::StartupActions actions(&window, options);
    window.show();
    return app.exec();
}
