// fenzhang-cli: look up a profit-sharing order or return from the command line.

#include "cliapp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fenzhang-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Fenzhang Desk"));
    fenzhang::CliApp cli;
    return cli.run(QCoreApplication::arguments());
}
