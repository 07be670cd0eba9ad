#pragma once

// Turns the sandbox's start-up description (its info() / JSON line: url, keys, sample numbers)
// into the DEMO profile. Kept free of the sandbox library so the app decides whether to link it.

#include "connectionprovider.h"

#include <QJsonObject>

namespace fenzhang::DemoProfile {

inline constexpr QLatin1StringView Id{"demo"};

ConnectionProfile fromSandboxInfo(const QJsonObject &info);

} // namespace fenzhang::DemoProfile
