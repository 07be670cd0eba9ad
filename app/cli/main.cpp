// fenzhang-cli: look up a profit-sharing order or return from the command line.

#include "cliapp.h"
#include "crypto/processhardening.h"

#include <QCoreApplication>

#ifdef Q_OS_WIN
#include <cstdio>
#include <fcntl.h>
#include <io.h>
#endif

int main(int argc, char *argv[])
{
    fenzhang::ProcessHardening::applyAtStartup(); // before any key is read: no core dump holds it
#ifdef Q_OS_WIN
    // Binary stdout/stderr: in the C runtime's default text mode every "\n" becomes "\r\n", so the
    // CSV's "\r\n" line ends would reach a file as "\r\r\n". What the CLI writes is what arrives.
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
#endif
    QCoreApplication app(argc, argv);
    // The desktop app's identity, so both find the same profiles (--profile) in the same folders.
    QCoreApplication::setOrganizationName(QStringLiteral("FenzhangDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("fenzhangdesk.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("fenzhang-desk"));
    fenzhang::CliApp cli;
    return cli.run(QCoreApplication::arguments());
}
