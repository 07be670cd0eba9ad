// fenzhang-cli: look up a profit-sharing order or return from the command line.

#include "cliapp.h"
#include "crypto/processhardening.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    fenzhang::ProcessHardening::applyAtStartup(); // before any key is read: no core dump holds it
    QCoreApplication app(argc, argv);
    // The desktop app's identity, so both find the same profiles (--profile) in the same folders.
    QCoreApplication::setOrganizationName(QStringLiteral("FenzhangDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("fenzhangdesk.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("fenzhang-desk"));
    fenzhang::CliApp cli;
    return cli.run(QCoreApplication::arguments());
}
