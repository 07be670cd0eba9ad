#pragma once

// Small RAII helpers over OpenSSL for the crypto area's .cpp files only (not a public header).

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <QByteArray>
#include <QString>

namespace fenzhang::openssl {

struct BioDeleter {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

struct MdCtxDeleter {
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

// A read-only memory BIO over bytes that must outlive it.
BioPtr memoryBio(const QByteArray &data);
// The oldest queued OpenSSL error as text, and the queue cleared; for diagnostics only.
QString takeErrorString();
// Loads the "legacy" provider (RC2-40 in old apiclient_cert.p12) next to "default", once.
bool ensureLegacyProvider();

// The folder of OpenSSL modules the Windows and macOS packages ship beside the app, given the
// executable's folder: ossl-modules (Windows, beside the .exe) or ../PlugIns/ossl-modules (macOS
// bundle), when it holds the legacy module; else empty. ensureLegacyProvider() loads from there.
QString bundledModulesDirectory(const QString &applicationDir);

} // namespace fenzhang::openssl
