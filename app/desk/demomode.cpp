#include "demomode.h"

#include "demoprofile.h"
#include "sandbox/sandboxserver.h"

namespace fenzhang::DemoMode {

std::optional<ConnectionProfile> start(QObject *owner, QString *error)
{
    auto *server = new sandbox::SandboxServer(owner);
    if (!server->start(sandbox::SandboxOptions{})) {
        *error = server->errorString();
        delete server;
        return std::nullopt;
    }
    return DemoProfile::fromSandboxInfo(server->info());
}

} // namespace fenzhang::DemoMode
