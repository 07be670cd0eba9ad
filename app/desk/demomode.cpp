#include "demomode.h"

#include "demoprofile.h"
#include "sandbox/sandboxserver.h"

namespace fenzhang::DemoMode {

QList<ConnectionProfile> start(QObject *owner, QString *error)
{
    auto *server = new sandbox::SandboxServer(owner);
    if (!server->start(sandbox::SandboxOptions{})) {
        *error = server->errorString();
        delete server;
        return {};
    }
    return DemoProfile::allFromSandboxInfo(server->info());
}

} // namespace fenzhang::DemoMode
