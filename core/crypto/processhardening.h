#pragma once

// What a process holding a merchant's private key does at start in a release build: no core dump
// (it would write the key to disk) and, on Linux, not dumpable (no core, no ptrace by other
// processes of the same user, /proc/<pid>/mem closed to them).

namespace fenzhang::ProcessHardening {

// setrlimit(RLIMIT_CORE, 0) and, on Linux, prctl(PR_SET_DUMPABLE, 0). True when all of it held.
bool disableCoreDumps();

// Both programs call this first thing: disableCoreDumps() in release builds (NDEBUG); debug and
// sanitizer builds keep core dumps for debugging (LeakSanitizer also needs a dumpable process).
void applyAtStartup();

} // namespace fenzhang::ProcessHardening
