#pragma once

// Every file the programs read (keys, certificates, p12, the WeChat Pay public key, the extra CA,
// batch input, profiles.json, imported profiles) goes through readBounded(): only a regular file
// is opened (a device such as /dev/zero or a FIFO would read forever or block in open()), and no
// more than the limit is read whatever size() says, so a file that grows while being read is
// refused too. The error is translated and names the file.

#include "expected.h"

#include <QByteArray>
#include <QString>

namespace fenzhang {

struct FileReadError {
    enum class Kind { Missing, NotAFile, Unreadable, TooLarge };
    Kind kind = Kind::Unreadable;
    QString message; // translated, names the file
};

namespace FileLimits {
constexpr qint64 KeyFile = 1024 * 1024;            // keys, certificates, p12, CA files: a few KiB
constexpr qint64 ProfileFile = 8 * 1024 * 1024;    // profiles.json and imported profile files
constexpr qint64 BatchInput = 64 * 1024 * 1024;    // ~1,000,000 rows of a batch CSV
} // namespace FileLimits

Expected<QByteArray, FileReadError> readBounded(const QString &path, qint64 maxBytes);

} // namespace fenzhang
