#include "crypto/opensslutil.h"

#include <cstdlib>
#include <mutex>
#include <openssl/err.h>
#include <openssl/provider.h>
#include <QCoreApplication>
#include <QDir>

namespace fenzhang::openssl {

BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

QString takeErrorString()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return {};
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

QString bundledModulesDirectory(const QString &applicationDir)
{
    if (applicationDir.isEmpty())
        return {};
    for (const QLatin1StringView relative :
         {QLatin1StringView("ossl-modules"), QLatin1StringView("../PlugIns/ossl-modules")}) {
        const QDir dir(applicationDir + u'/' + relative);
        if (!dir.entryList({QStringLiteral("legacy.*")}, QDir::Files).isEmpty())
            return QDir::cleanPath(dir.absolutePath());
    }
    return {};
}

bool ensureLegacyProvider()
{
    static std::once_flag once;
    static bool loaded = false;
    static OSSL_PROVIDER *defaultProvider = nullptr;
    static OSSL_PROVIDER *legacyProvider = nullptr;
    std::call_once(once, [] {
        // The packages ship OpenSSL and its legacy module beside the app: look there, not in the
        // folder compiled into libcrypto (a build machine's path). Without such a folder (Linux
        // packages, a build tree) OpenSSL's own lookup, OPENSSL_MODULES included, stays.
        const QString bundled = bundledModulesDirectory(
            QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString());
        if (!bundled.isEmpty())
            OSSL_PROVIDER_set_default_search_path(
                nullptr, QDir::toNativeSeparators(bundled).toLocal8Bit().constData());
        // Loading any provider explicitly stops the implicit default one, so load both.
        defaultProvider = OSSL_PROVIDER_load(nullptr, "default");
        legacyProvider = OSSL_PROVIDER_load(nullptr, "legacy");
        loaded = defaultProvider && legacyProvider;
        // Unloaded at exit, before OpenSSL's own clean-up (registered earlier, so run later):
        // a provider still loaded then is never freed, and LeakSanitizer rightly reports it.
        std::atexit([] {
            if (legacyProvider)
                OSSL_PROVIDER_unload(legacyProvider);
            if (defaultProvider)
                OSSL_PROVIDER_unload(defaultProvider);
        });
        ERR_clear_error();
    });
    return loaded;
}

} // namespace fenzhang::openssl
