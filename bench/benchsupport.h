#pragma once

// What the benchmarks share: one JSON line per measurement on stdout (bench/run collects them and
// takes medians), the process's own CPU time, and a fenzhang-sandbox child process whose JSON line
// configures the client. Benchmarks only, never linked into the app.

#include "api/connection.h"

#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace fenzhang::BenchSupport {

// {"metric":NAME,"value":VALUE,"unit":UNIT} on stdout, flushed.
void report(const QString &metric, double value, const QString &unit);
// {"info":NAME,"value":TEXT}: a fact about the run (library versions, sizes).
void info(const QString &name, const QString &value);

// User + system CPU time of this process so far, in milliseconds (not its children's).
double processCpuMs();

// Starts `executable --port 0 [--tls]` and reads its JSON line; empty object on failure.
QJsonObject startSandbox(QProcess *process, const QString &executable, bool tls = false);
// The JSON line of a sandbox someone else started, from a file.
QJsonObject readSandboxInfo(const QString &path);
// A client set-up from the sandbox's JSON line: its url as the primary, no backup, its CA (--tls).
ConnectionSettings settingsFromSandbox(const QJsonObject &info);

// A sandbox-style order answer (compact JSON, fields in the API's order) with `receivers` receivers.
QByteArray orderAnswer(int receivers);

} // namespace fenzhang::BenchSupport
