#pragma once

// One run of fenzhang-cli: parse the command line, load the keys, run the look-up, print the
// result (or the failure on stderr) and turn the outcome into the contract's exit code.

#include "api/lookupservice.h"
#include "clioptions.h"

#include <memory>
#include <QObject>
#include <QSaveFile>

class QFile;

namespace fenzhang {

class CliApp final : public QObject {
    Q_OBJECT
public:
    explicit CliApp(QObject *parent = nullptr);
    ~CliApp() override;

    // Runs to completion (with a local event loop for the network) and returns the exit code.
    int run(const QStringList &arguments);

private:
    // With --profile: reads the profile (and its keychain secret), then applies the flags over it.
    bool resolveConnection(QString *error);
    int finish(const LookupResult &result);
    int writeResult(const QByteArray &bytes);
    void printFailure(const LookupResult &result);
    void printWarnings(const ApiClient &client); // the key ring's (expired platform certificates)
    void printError(const QString &text);

    std::optional<Product> m_profileProduct; // the --profile's
    CliOptions m_options;
    std::unique_ptr<QSaveFile> m_output; // opened before anything is sent
    std::unique_ptr<QFile> m_stdout;
    std::unique_ptr<QFile> m_stderr;
};

} // namespace fenzhang
