#pragma once

// Wiping secrets (a private key PEM, a p12 password) once the key is built: the bytes are
// overwritten with OPENSSL_cleanse, which the compiler may not optimise away, then released.
//
// Qt shares a QByteArray's or QString's buffer between copies (implicit sharing) and would copy
// it on the first write: wipe() writes through the shared buffer instead, so every copy sharing
// it sees it wiped. Call it only when no holder needs the secret any more. Arrays over data they
// do not own (fromRawData) are only released.

#include <QByteArray>
#include <QString>

namespace fenzhang::Secret {

void wipe(QByteArray &bytes);
void wipe(QString &text);
// Wipes the buffer when this is its only holder, else only releases it (the last holder wipes):
// for a secret handed to receivers that may keep a copy (a signal's argument).
void wipeIfLast(QByteArray &bytes);

// Wipes the array when the scope ends, whichever way it ends.
class WipeOnExit final {
public:
    explicit WipeOnExit(QByteArray &bytes) : m_bytes(bytes) {}
    ~WipeOnExit() { wipe(m_bytes); }
    WipeOnExit(const WipeOnExit &) = delete;
    WipeOnExit &operator=(const WipeOnExit &) = delete;

private:
    QByteArray &m_bytes;
};

// A copy with a buffer of its own (for a secret that outlives a shared source which gets wiped).
QByteArray ownCopy(const QByteArray &bytes);

} // namespace fenzhang::Secret
