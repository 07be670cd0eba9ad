#include "api/connection.h"

namespace fenzhang {

Expected<ApiClient *, KeyError> createApiClient(const ConnectionSettings &settings, QObject *parent)
{
    auto merchant = MerchantCredentials::load(settings.merchant);
    if (!merchant)
        return unexpected(merchant.error());
    auto keys = VerifierKeyRing::load(settings.wechatpay);
    if (!keys)
        return unexpected(keys.error());
    if (const QString problem = settings.client.validate(); !problem.isEmpty()) {
        // Not a key problem, but the same kind of "fix your set-up before anything is sent".
        return unexpected(KeyError{KeyError::Kind::MissingInput, problem});
    }
    MerchantCredentials &credentials = merchant.value();
    RequestSigner signer(credentials.mchid, credentials.serialNo, credentials.privateKey);
    ResponseVerifier verifier(std::move(keys).value());
    return new ApiClient(settings.client, std::move(signer), std::move(verifier), parent);
}

} // namespace fenzhang
