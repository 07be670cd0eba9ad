#pragma once

// --demo: the sandbox runs inside the app on a free loopback port with its bundled demo keys,
// and becomes the DEMO profiles, one per profit-sharing product (service provider first).

#include "connectionprovider.h"


namespace fenzhang::DemoMode {

// The server lives as long as owner. Empty with *error set when it could not start.
QList<ConnectionProfile> start(QObject *owner, QString *error);

} // namespace fenzhang::DemoMode
