#pragma once
// hostPath(): the path a program of the host system sees. The tests check what they wrote with Python
// (zipfile, openpyxl); under Wine (the Windows leg, tools/dev windows) that python3 is a Linux program,
// which cannot open C:/users/..., so it gets the Unix path behind the Windows one (Wine's kernel32
// exports wine_get_unix_file_name). Everywhere else the path is unchanged.

#include <QDir>
#include <QString>
#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

namespace fenzhang::test {

inline QString hostPath(const QString &path)
{
#ifdef Q_OS_WIN
    using UnixFileName = char *(WINAPI *)(LPCWSTR);
    static const auto unixFileName = reinterpret_cast<UnixFileName>(
        reinterpret_cast<void *>(GetProcAddress(GetModuleHandleW(L"kernel32.dll"), "wine_get_unix_file_name")));
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

} // namespace fenzhang::test
