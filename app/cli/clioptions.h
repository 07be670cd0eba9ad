#pragma once

// The command line of fenzhang-cli, parsed into what one run needs. The contract (options, commands,
// exit codes) is fixed by issue 2: scripts depend on it.

#include "api/connection.h"
#include "batchcommand.h"
#include "lookup/queries.h"

#include <optional>
#include <QCoreApplication>
#include <QStringList>

namespace fenzhang {

// Exit codes of fenzhang-cli.
enum ExitCode : int {
    ExitSuccess = 0,            // a verified result (PROCESSING included)
    ExitOutputFailed = 1,       // the result could not be written to --output
    ExitUsage = 2,              // usage or invalid input: nothing was sent
    ExitApiError = 3,           // WeChat Pay answered an error, or a verified answer we cannot read or
                                // that answers another question
    ExitNetworkError = 4,       // no answer from either host (TLS failures included)
    ExitVerificationFailed = 5, // the answer's signature did not verify: nothing printed
};

struct CliOptions {
    enum class Action { Run, Batch, Help, Version };
    enum class Format { Table, Json, Csv, Xlsx };

    Action action = Action::Run;
    Query query; // action Run: the look-up, its numbers from the field options (--sub-mchid, ...)
    // --product; else the profile's, else a service provider (resolveProduct()).
    std::optional<Product> product;
    QStringList lookupFlags; // the look-up options given, without "--"
    ConnectionSettings connection;
    Format format = Format::Table;
    QString outputFile;        // empty: stdout
    BatchCommandOptions batch; // action Batch
    // --profile NAME: the saved profile the connection starts from; the connection flags given
    // (named in connectionFlags, without "--") are then applied over it: flags win.
    QString profileName;
    QStringList connectionFlags;
};

class CliOptionsParser final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::CliOptionsParser)
public:
    // On failure returns false and sets *error to a translated usage message.
    bool parse(const QStringList &arguments, CliOptions *options, QString *error) const;
    QString helpText() const;
    static QString versionText();
    // "--out-order-no" for "out_order_no": how the CLI names an API field.
    static QString optionForField(const QString &apiField);
    // Sets in base the connection values the command line gave (options.connectionFlags).
    static void applyConnectionFlags(const CliOptions &options, ConnectionSettings *base);
    // Sets the product the look-up (or batch) is asked as into its query and checks the field options
    // against the fields the kind asks as that product (Query::fieldGroups): each required one given,
    // exactly one of a choice, none it does not take (a direct merchant gives no --sub-mchid, an
    // ordinary return no --order-id).
    // On failure returns false with a translated usage message: nothing is sent.
    static bool applyProduct(CliOptions *options, Product product, QString *error);
    // What the connection still lacks (translated, naming the option), or empty when complete.
    static QString connectionProblem(const ConnectionSettings &connection);
};

} // namespace fenzhang
