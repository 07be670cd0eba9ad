#include "crypto/secretwipe.h"

#include <openssl/crypto.h>

namespace fenzhang::Secret {

void wipe(QByteArray &bytes)
{
    if (bytes.data_ptr().d_ptr() && !bytes.isEmpty())
        OPENSSL_cleanse(const_cast<char *>(bytes.constData()), size_t(bytes.size()));
    bytes = QByteArray();
}

void wipe(QString &text)
{
    if (text.data_ptr().d_ptr() && !text.isEmpty())
        OPENSSL_cleanse(const_cast<QChar *>(text.constData()), size_t(text.size()) * sizeof(QChar));
    text = QString();
}

void wipeIfLast(QByteArray &bytes)
{
    if (bytes.isDetached())
        wipe(bytes);
    else
        bytes = QByteArray();
}

QByteArray ownCopy(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QByteArray() : QByteArray(bytes.constData(), bytes.size());
}

} // namespace fenzhang::Secret
