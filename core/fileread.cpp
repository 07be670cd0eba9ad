#include "fileread.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace fenzhang {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FileRead", text);
}

Unexpected<FileReadError> fail(FileReadError::Kind kind, const QString &message)
{
    return unexpected(FileReadError{kind, message});
}

} // namespace

Expected<QByteArray, FileReadError> readBounded(const QString &path, qint64 maxBytes)
{
    const QString name = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return fail(FileReadError::Kind::Missing, tr("The file %1 does not exist.").arg(name));
    // Checked before open(): opening a FIFO blocks until someone writes to it.
    if (!info.isFile())
        return fail(FileReadError::Kind::NotAFile,
                    tr("%1 is not a regular file (a folder, device or pipe); choose the file itself.").arg(name));
    if (info.size() > maxBytes)
        return fail(FileReadError::Kind::TooLarge, tr("The file %1 is larger than %2; it was not read.")
                                                        .arg(name, QLocale().formattedDataSize(maxBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(FileReadError::Kind::Unreadable,
                    tr("The file %1 cannot be read: %2").arg(name, file.errorString()));
    // Never more than the limit, whatever size() said: the file may have grown, or be something
    // whose size is not known in advance.
    QByteArray data = file.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return fail(FileReadError::Kind::TooLarge, tr("The file %1 is larger than %2; it was not read.")
                                                        .arg(name, QLocale().formattedDataSize(maxBytes)));
    if (file.error() != QFileDevice::NoError)
        return fail(FileReadError::Kind::Unreadable,
                    tr("The file %1 cannot be read: %2").arg(name, file.errorString()));
    return data;
}

} // namespace fenzhang
