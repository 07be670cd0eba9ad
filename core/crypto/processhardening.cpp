#include "crypto/processhardening.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace fenzhang::ProcessHardening {

bool disableCoreDumps()
{
    bool ok = true;
#if defined(Q_OS_UNIX)
    const rlimit none{0, 0};
    ok = setrlimit(RLIMIT_CORE, &none) == 0 && ok;
#endif
#if defined(Q_OS_LINUX)
    ok = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    // Windows writes no core file; Windows Error Reporting's minidumps are the system's setting.
    return ok;
}

void applyAtStartup()
{
#if defined(NDEBUG)
    (void)disableCoreDumps();
#endif
}

} // namespace fenzhang::ProcessHardening
