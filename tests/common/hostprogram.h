#pragma once
// Runs a program of the host system for a test: the tests check what they wrote with Python (zipfile,
// openpyxl), an independent reader. Everywhere but Wine that is a plain QProcess.
//
// Under Wine (the Windows leg, tools/dev windows) that python3 is a Linux program. Wine's CreateProcess
// starts a Unix program without a process handle or pipes, so QProcess can neither wait for it nor
// read it ("Unknown error" at once). There a shell runs it instead, with its output and exit status in
// files of a temporary folder (the status written last, by rename), and the test waits for that file.
// The Linux program also cannot open C:/users/...: it gets the Unix path behind each Windows one
// (Wine's kernel32 exports wine_get_unix_file_name).

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

namespace fenzhang::test {

using namespace Qt::StringLiterals;

#ifdef Q_OS_WIN
namespace detail {
using WineFileName = char *(WINAPI *)(LPCWSTR);
using WineDosName = WCHAR *(WINAPI *)(LPCSTR);

inline FARPROC wineExport(const char *name)
{
    return GetProcAddress(GetModuleHandleW(L"kernel32.dll"), name);
}
} // namespace detail
#endif

// True when the test runs under Wine.
inline bool underWine()
{
#ifdef Q_OS_WIN
    return detail::wineExport("wine_get_unix_file_name") != nullptr;
#else
    return false;
#endif
}

// The path a program of the host system sees: the Unix path behind a Windows one under Wine, else
// `path` unchanged.
inline QString hostPath(const QString &path)
{
#ifdef Q_OS_WIN
    static const auto unixFileName = reinterpret_cast<detail::WineFileName>(
        reinterpret_cast<void *>(detail::wineExport("wine_get_unix_file_name")));
    if (unixFileName) {
        const QString native = QDir::toNativeSeparators(QDir(path).absolutePath());
        if (char *unix = unixFileName(reinterpret_cast<LPCWSTR>(native.utf16()))) {
            const QString result = QString::fromUtf8(unix);
            HeapFree(GetProcessHeap(), 0, unix);
            return result;
        }
    }
#endif
    return path;
}

struct HostRun {
    bool finished = false; // ran to its end (not crashed, not timed out, not failed to start)
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString error; // why it did not finish

    bool ok() const { return finished && exitCode == 0; }
    // What to show when it was not ok.
    QByteArray failure() const
    {
        return (error.isEmpty() ? u"exit status %1"_s.arg(exitCode) : error).toUtf8() + ": " + err;
    }
};

// Runs `program` (an absolute path on the host) with `arguments`, waits up to `timeoutMs`.
inline HostRun runHostProgram(const QString &program, const QStringList &arguments, int timeoutMs = 60000)
{
    HostRun run;
#ifdef Q_OS_WIN
    if (underWine()) {
        static const auto dosFileName = reinterpret_cast<detail::WineDosName>(
            reinterpret_cast<void *>(detail::wineExport("wine_get_dos_file_name")));
        QTemporaryDir dir;
        QFile script(dir.filePath(u"run.sh"_s));
        if (!dir.isValid() || !dosFileName || !script.open(QIODevice::WriteOnly)) {
            run.error = u"cannot prepare the host program's folder"_s;
            return run;
        }
        script.write("d=$1; shift\n"
                     "\"$@\" >\"$d/out\" 2>\"$d/err\"\n"
                     "echo $? >\"$d/status.part\" && mv \"$d/status.part\" \"$d/status\"\n");
        script.close();
        WCHAR *shell = dosFileName("/bin/sh");
        if (!shell) {
            run.error = u"no /bin/sh on the host"_s;
            return run;
        }
        const QString shellPath = QString::fromWCharArray(shell);
        HeapFree(GetProcessHeap(), 0, shell);
        if (!QProcess::startDetached(shellPath,
                                     QStringList{hostPath(script.fileName()), hostPath(dir.path()), program} +
                                         arguments)) {
            run.error = u"could not start /bin/sh on the host"_s;
            return run;
        }
        const QString status = dir.filePath(u"status"_s);
        if (!QTest::qWaitFor([&] { return QFile::exists(status); }, timeoutMs)) {
            run.error = u"no exit status within %1 ms"_s.arg(timeoutMs);
            return run;
        }
        const auto read = [&](const QString &name) {
            QFile f(dir.filePath(name));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        run.finished = true;
        run.exitCode = read(u"status"_s).trimmed().toInt();
        run.out = read(u"out"_s);
        run.err = read(u"err"_s);
        return run;
    }
#endif
    QProcess process;
    process.start(program, arguments);
    run.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!run.finished)
        run.error = process.errorString();
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace fenzhang::test
