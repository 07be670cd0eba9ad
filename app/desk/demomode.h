#pragma once

// --demo: the sandbox runs inside the app on a free loopback port with its bundled demo keys,
// and becomes the DEMO profile.

#include "connectionprovider.h"

#include <optional>

namespace fenzhang::DemoMode {

// The server lives as long as owner. nullopt with *error set when it could not start.
std::optional<ConnectionProfile> start(QObject *owner, QString *error);

} // namespace fenzhang::DemoMode
