#pragma once

// Turns the sandbox's start-up description (its info() / JSON line: url, keys, sample numbers)
// into DEMO profiles, one per profit-sharing product, each with that product's sample numbers.
// Kept free of the sandbox library so the app decides whether to link it.

#include "connectionprovider.h"

#include <QJsonObject>

namespace fenzhang::DemoProfile {

// The service provider's demo profile keeps the id the app always had ("demo"), so a remembered
// choice and --demo still pick it.
inline constexpr QLatin1StringView Id{"demo"};

QString idFor(Product product); // "demo", "demo-direct", "demo-brand"

ConnectionProfile fromSandboxInfo(const QJsonObject &info, Product product = Product::ServiceProvider);
// The three, service provider first.
QList<ConnectionProfile> allFromSandboxInfo(const QJsonObject &info);

} // namespace fenzhang::DemoProfile
