#pragma once

// The work behind `fenzhang-cli [connection options] batch order|return|amounts --input FILE --output FILE
// [--concurrency N] [--qps N]`: import and validate the CSV (any bad row: exit 2, nothing sent), run
// it, write the batch CSV (or workbook, for --output FILE.xlsx) atomically, print the summary on stderr, and progress there too when it
// is a terminal. The CLI adds addOptions() to its parser and hands over when the command is
// "batch"; everything else lives here so the CLI change is a few lines.

#include "api/lookupservice.h"
#include "batch/batchexport.h"
#include "batch/batchrow.h"

#include <optional>
#include <QCommandLineOption>
#include <QCoreApplication>
#include <QIODevice>
#include <QList>
#include <QObject>

class QCommandLineParser;

namespace fenzhang {

struct BatchCommandOptions {
    LookupKind lookup = LookupKind::Order;
    Product product = Product::ServiceProvider; // the rows are asked as this product
    QString inputFile;
    QString outputFile; // FILE.xlsx: a workbook; otherwise CSV
    QString profileName; // for the workbook's About sheet
    QString mchid;
    int concurrency = 4;
    double qps = 10.0;     // 0: no limit
    bool remainingAmount = false; // batch order --remaining-amount: each payment's 剩余待分金额 too
    bool progress = false; // the CLI: stderrIsTerminal()
};

class BatchCommand final : public QObject {
    Q_OBJECT
public:
    // Exit codes, the CLI's numbers.
    enum ExitCode : int {
        ExitSuccess = 0,      // every row got an answer (per-row errors are in the CSV)
        ExitOutputFailed = 1, // the CSV could not be written after the run
        ExitBadInput = 2,     // usage, unreadable input, any invalid row, --output not writable: nothing sent
        ExitApiError = 3,     // some answers were the answer to another question (none were unverified)
        ExitNetworkError = 4, // some rows got no answer from either host
        ExitVerificationFailed = 5, // some answers did not verify
    };

    explicit BatchCommand(LookupService *service, QObject *parent = nullptr);

    // --input, --concurrency and --qps (the CLI already has --output): the parser's and --help's.
    static QList<QCommandLineOption> options();
    static void addOptions(QCommandLineParser &parser);
    // positional: the arguments after "batch" ("order", "return" or "amounts"). On failure returns false with
    // a translated message.
    static bool parse(const QCommandLineParser &parser, const QStringList &positional,
                      BatchCommandOptions *options, QString *error);
    static QString usage();
    static bool stderrIsTerminal();

    // Runs to completion on a local event loop; messages go to `err` (stderr in the CLI).
    int run(const BatchCommandOptions &options, QIODevice *err);

private:
    void print(QIODevice *err, const QString &text);
    // Runs these rows to the end (progress on err when asked) and returns them for the export; every
    // answer is appended to answers.
    QList<BatchExportRow> runRows(const QList<BatchRow> &rows, const BatchCommandOptions &options, QIODevice *err,
                                  QList<LookupResult> *answers);

    LookupService *m_service;
};

} // namespace fenzhang
