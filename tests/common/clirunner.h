#pragma once

// Test helper for tests that run the real fenzhang-cli with QProcess against an in-process
// sandbox: one run's exit code and output, and the command-line arguments that point the CLI at
// the sandbox.

#include "sandboxfixture.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

namespace fenzhang::testing {

using namespace Qt::StringLiterals;

// What one CLI run left behind; exitCode is -1 when the process crashed or never ran.
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the CLI while this process's event loop keeps the in-process sandbox answering. A
// configHome that is not empty becomes XDG_CONFIG_HOME: where the CLI looks for the desktop
// app's profiles (configHome/FenzhangDesk/fenzhang-desk); off Linux, where AppConfigLocation
// ignores it, the same folder is given as FENZHANG_PROFILES_DIR. extraEnvironment: NAME=value
// pairs set on top. Failing to start or to end within timeoutMs fails the calling test.
inline CliRun runCli(const QString &program, const QStringList &arguments, const QString &configHome = {},
                     int timeoutMs = 60000, const QStringList &extraEnvironment = {})
{
    CliRun result;
    QProcess process;
    if (!configHome.isEmpty() || !extraEnvironment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!configHome.isEmpty()) {
            env.insert(u"XDG_CONFIG_HOME"_s, configHome);
#ifndef Q_OS_LINUX
            env.insert(u"FENZHANG_PROFILES_DIR"_s, configHome + u"/FenzhangDesk/fenzhang-desk"_s);
#endif
        }
        for (const QString &pair : extraEnvironment)
            env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
        process.setProcessEnvironment(env);
    }
    process.start(program, arguments);
    [&] {
        QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, timeoutMs);
    }();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// Every connection option, pointed at the sandbox; the backup is disabled so nothing ever leaves
// the machine.
inline QStringList cliConnection(const SandboxFixture &sandbox)
{
    return {u"--mchid"_s,
            sandbox.infoString("mchid"),
            u"--serial-no"_s,
            sandbox.infoString("serial_no"),
            u"--private-key"_s,
            sandbox.infoString("merchant_private_key"),
            u"--wechatpay-public-key-id"_s,
            sandbox.infoString("wechatpay_public_key_id"),
            u"--wechatpay-public-key"_s,
            sandbox.infoString("wechatpay_public_key"),
            u"--base-url"_s,
            sandbox.server->url().toString(),
            u"--backup-url"_s,
            QString(),
            u"--timeout"_s,
            u"20"_s};
}

// `order` with the sandbox's sample order, or its sub-merchant and transaction with outOrderNo.
inline QStringList cliOrder(const SandboxFixture &sandbox, const QString &outOrderNo = {})
{
    const OrderQuery sample = sandbox.sampleOrder();
    return {u"order"_s,
            u"--sub-mchid"_s,
            sample.subMchid,
            u"--transaction-id"_s,
            sample.transactionId,
            u"--out-order-no"_s,
            outOrderNo.isEmpty() ? sample.outOrderNo : outOrderNo};
}

} // namespace fenzhang::testing
