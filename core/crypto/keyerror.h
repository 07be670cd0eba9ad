#pragma once

#include <QString>

namespace fenzhang {

// Why a key, certificate or credential set could not be used. The message is translated, names
// the file, and never contains key material or passwords.
struct KeyError {
    enum class Kind {
        FileMissing,
        FileUnreadable,
        WrongFormat,
        WrongPassword,
        KeyMismatch,
        KeyTooSmall,
        NotRsa,
        InvalidKeyId,
        MissingInput,
    };
    Kind kind = Kind::WrongFormat;
    QString message;
};

} // namespace fenzhang
