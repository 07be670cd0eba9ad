#pragma once

// Everything needed to talk to WeChat Pay as one merchant, and the factory that loads the keys
// and builds an ApiClient from it. Used by the CLI, the desktop app and the demo mode.

#include "api/apiclient.h"
#include "crypto/credentials.h"

namespace fenzhang {

struct ConnectionSettings {
    MerchantKeySource merchant;
    WechatPayKeySource wechatpay;
    ClientConfig client;
};

// Loads and checks every key and certificate; the client is owned by parent.
Expected<ApiClient *, KeyError> createApiClient(const ConnectionSettings &settings, QObject *parent);

} // namespace fenzhang
