// fenzhang-sandbox: a local WeChat Pay stand-in. Prints one JSON line describing itself on stdout,
// then serves until terminated. Every way to stop it ends it cleanly, removing the extracted demo
// keys: SIGTERM/SIGINT on Unix; Ctrl+C, Ctrl+Break and closing the console on Windows (where
// QProcess::terminate() cannot stop a console program); and, everywhere, end of input when stdin
// is a pipe, so a parent that closes its end (QProcess::closeWriteChannel()) or dies stops it.

#include "fenzhang_version.h"
#include "sandbox/sandboxserver.h"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QMetaObject>
#include <thread>

#ifdef Q_OS_UNIX
#include <csignal>
#include <QSocketNotifier>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

using namespace Qt::StringLiterals;

namespace {

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// Turns SIGTERM/SIGINT into a normal quit, so destructors run and temporary keys are removed.
void quitOnSignals(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}
#endif

#ifdef Q_OS_WIN
QCoreApplication *consoleApp = nullptr;
HANDLE cleanedUp = nullptr;

BOOL WINAPI onConsoleEvent(DWORD event)
{
    QMetaObject::invokeMethod(consoleApp, &QCoreApplication::quit, Qt::QueuedConnection);
    // Closing the console, logging off and shutting down end the process when the handler
    // returns: wait (Windows allows a few seconds) until main() has removed the keys.
    if (event == CTRL_CLOSE_EVENT || event == CTRL_LOGOFF_EVENT || event == CTRL_SHUTDOWN_EVENT)
        WaitForSingleObject(cleanedUp, 4000);
    return TRUE;
}

// Ctrl+C, Ctrl+Break and closing the console window become a normal quit.
void quitOnConsoleEvents(QCoreApplication *app)
{
    consoleApp = app;
    cleanedUp = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}
#endif

// End of input on a piped stdin quits (a console or /dev/null on stdin is left alone: from a
// terminal or a service the sandbox runs until stopped). Raw reads on a thread, not stdio, so
// nothing holds stdin's FILE lock when the process exits.
void quitOnStdinEnd(QCoreApplication *app)
{
#ifdef Q_OS_WIN
    const HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
    if (input == nullptr || input == INVALID_HANDLE_VALUE || GetFileType(input) != FILE_TYPE_PIPE)
        return;
    std::thread([app, input] {
        char buffer[256];
        DWORD read = 0;
        while (ReadFile(input, buffer, sizeof buffer, &read, nullptr) && read > 0) {
        }
        QMetaObject::invokeMethod(app, &QCoreApplication::quit, Qt::QueuedConnection);
    }).detach();
#else
    struct stat status = {};
    if (::fstat(STDIN_FILENO, &status) != 0 || !(S_ISFIFO(status.st_mode) || S_ISSOCK(status.st_mode)))
        return;
    std::thread([app] {
        char buffer[256];
        ssize_t got = 0;
        do {
            got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        } while (got > 0 || (got < 0 && errno == EINTR));
        QMetaObject::invokeMethod(app, &QCoreApplication::quit, Qt::QueuedConnection);
    }).detach();
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"fenzhang-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FENZHANG_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "A local WeChat Pay stand-in for the profit-sharing order, return and remaining-amount "
                "look-ups (service provider, direct merchant and brand). Prints one JSON line (url, keys, "
                "samples) on stdout, then serves on 127.0.0.1 until terminated."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        u"port"_s, QCoreApplication::translate("main", "Port on 127.0.0.1; 0 picks a free one."), u"PORT"_s,
        u"0"_s);
    const QCommandLineOption tlsOption(
        u"tls"_s, QCoreApplication::translate("main", "Serve HTTPS; the CA to trust is ca_file."));
    const QCommandLineOption keysOption(
        u"keys"_s,
        QCoreApplication::translate("main",
                                    "Directory with merchant_private_key.pem, merchant_certificate.pem, "
                                    "wechatpay_private_key.pem, wechatpay_public_key.pem (optional: "
                                    "wechatpay_public_key_id, tls_*.pem). Default: bundled demo keys."),
        u"DIR"_s);
    const QCommandLineOption dataOption(
        u"data"_s,
        QCoreApplication::translate("main",
                                    "JSON file of orders, returns and transactions to serve instead of the "
                                    "demo data."),
        u"FILE"_s);
    const QCommandLineOption logOption(
        u"log"_s, QCoreApplication::translate("main", "Append one JSON line per request to FILE."),
        u"FILE"_s);
    const QCommandLineOption mchidOption(
        u"mchid"_s,
        QCoreApplication::translate("main", "The merchant id requests must carry (default 1900000001)."),
        u"ID"_s);
    const QCommandLineOption keyIdOption(
        u"public-key-id"_s,
        QCoreApplication::translate("main", "The WeChat Pay public key id answers are signed under."),
        u"ID"_s);
    parser.addOptions({portOption, tlsOption, keysOption, dataOption, logOption, mchidOption, keyIdOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(
                QCoreApplication::translate("main", "Invalid --port: %1").arg(parser.value(portOption))));
        return 2;
    }

    fenzhang::sandbox::SandboxOptions options;
    options.port = quint16(port);
    options.tls = parser.isSet(tlsOption);
    options.keysDir = parser.value(keysOption);
    options.dataFile = parser.value(dataOption);
    options.logFile = parser.value(logOption);
    options.mchid = parser.value(mchidOption);
    options.publicKeyId = parser.value(keyIdOption);

    auto server = std::make_unique<fenzhang::sandbox::SandboxServer>();
    if (!server->start(options)) {
        std::fprintf(stderr, "fenzhang-sandbox: %s\n", qPrintable(server->errorString()));
        return 1;
    }
#ifdef Q_OS_UNIX
    quitOnSignals(&app);
#endif
#ifdef Q_OS_WIN
    quitOnConsoleEvents(&app);
#endif
    quitOnStdinEnd(&app);
    const QByteArray line = QJsonDocument(server->info()).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    const int code = app.exec();
    server.reset(); // removes the extracted demo keys
#ifdef Q_OS_WIN
    SetEvent(cleanedUp); // the keys are gone: a console close may end the process now
#endif
    return code;
}
