#include "batchcommand.h"

#include "batch/batchexport.h"
#include "batch/batchimporter.h"
#include "batch/batchrunner.h"
#include "format/exporttable.h"
#include "format/safetext.h"
#include "lookup/lookupkind.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QSaveFile>
#include <QTimer>
#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace fenzhang {

BatchCommand::BatchCommand(LookupService *service, QObject *parent) : QObject(parent), m_service(service) {}

QList<QCommandLineOption> BatchCommand::options()
{
    return {QCommandLineOption(u"input"_s, tr("batch: the CSV of look-ups (header: API field names)."), u"FILE"_s),
            QCommandLineOption(u"concurrency"_s, tr("batch: look-ups at once (default 4)."), u"N"_s),
            QCommandLineOption(u"qps"_s, tr("batch: look-ups started per second (default 10, 0 = no limit)."),
                               u"N"_s),
            QCommandLineOption(u"remaining-amount"_s,
                               tr("batch order: also look up each payment's remaining amount (剩余待分金额) "
                                  "and add it as columns."))};
}

void BatchCommand::addOptions(QCommandLineParser &parser)
{
    for (const QCommandLineOption &option : options())
        parser.addOption(option);
}

QString BatchCommand::usage()
{
    QStringList kinds;
    for (const LookupKind kind : LookupKinds::all())
        kinds.append(LookupKinds::name(kind));
    return u"fenzhang-cli [connection options] [--product P] batch "_s + kinds.join(u'|') +
           u" --input FILE --output FILE.xlsx|FILE.csv [--concurrency N] [--qps N] [--remaining-amount]"_s;
}

bool BatchCommand::parse(const QCommandLineParser &parser, const QStringList &positional,
                         BatchCommandOptions *options, QString *error)
{
    const std::optional<LookupKind> lookup = positional.size() == 1 ? LookupKinds::fromName(positional.constFirst()) : std::nullopt;
    if (!lookup) {
        *error = tr("The batch command needs a kind of look-up: %1").arg(usage());
        return false;
    }
    options->lookup = *lookup;
    const auto single = [&](const QString &name, QString *value) {
        const QStringList values = parser.values(name);
        if (values.size() > 1) {
            *error = tr("--%1 was given more than once.").arg(name);
            return false;
        }
        *value = values.value(0);
        return true;
    };
    QString concurrency, qps;
    if (!single(u"input"_s, &options->inputFile) || !single(u"output"_s, &options->outputFile) ||
        !single(u"concurrency"_s, &concurrency) || !single(u"qps"_s, &qps))
        return false;
    if (options->inputFile.isEmpty() || options->outputFile.isEmpty()) {
        *error = tr("The batch command needs --input and --output: %1").arg(usage());
        return false;
    }
    options->remainingAmount = parser.isSet(u"remaining-amount"_s);
    if (options->remainingAmount && options->lookup != LookupKind::Order) {
        *error = tr("--remaining-amount goes with batch order only (batch amounts looks up remaining amounts "
                    "by themselves).");
        return false;
    }
    if (!concurrency.isEmpty()) {
        bool ok = false;
        options->concurrency = concurrency.toInt(&ok);
        if (!ok || options->concurrency < 1 || options->concurrency > 64) {
            *error = tr("--concurrency must be a whole number from 1 to 64.");
            return false;
        }
    }
    if (!qps.isEmpty()) {
        bool ok = false;
        options->qps = qps.toDouble(&ok);
        if (!ok || options->qps < 0 || options->qps > 10000) {
            *error = tr("--qps must be a number from 0 (no limit) to 10000.");
            return false;
        }
    }
    return true;
}

bool BatchCommand::stderrIsTerminal()
{
#if defined(Q_OS_WIN)
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(fileno(stderr)) != 0;
#endif
}

void BatchCommand::print(QIODevice *err, const QString &text)
{
    // File names, cells and errors from answers: nothing in them may drive the terminal.
    if (err)
        err->write(SafeText::forDisplay(text, SafeText::Breaks::Keep).toUtf8());
}

int BatchCommand::run(const BatchCommandOptions &options, QIODevice *err)
{
    const BatchImport import = BatchImporter(options.lookup, options.product).importFile(options.inputFile);
    if (!import.ok()) {
        print(err, import.error + u'\n');
        return ExitBadInput;
    }
    if (!import.hasHeader) {
        print(err, tr("%1 has no header row; the first row must name the columns: %2\n")
                       .arg(options.inputFile, ColumnMapping::fieldsFor(options.lookup, options.product).join(u',')));
        return ExitBadInput;
    }
    bool bad = false;
    for (const BatchRow &row : import.rows) {
        for (const FieldError &error : row.errors) {
            print(err, tr("Row %1: %2: %3\n").arg(row.rowNumber).arg(error.field, error.message));
            bad = true;
        }
    }
    if (bad) {
        print(err, tr("Nothing was sent: correct the rows above and run again.\n"));
        return ExitBadInput;
    }
    for (const BatchRow &row : import.rows) {
        if (row.duplicateOf > 0)
            print(err, tr("Row %1 is the same as row %2: it is looked up once.\n")
                           .arg(row.rowNumber)
                           .arg(row.duplicateOf));
    }

    // Opened before anything is sent: an unwritable --output costs no look-ups and, as for a single
    // look-up, is a usage error.
    QSaveFile output(options.outputFile);
    if (!output.open(QIODevice::WriteOnly)) {
        print(err, tr("Cannot write %1: %2\n").arg(options.outputFile, output.errorString()));
        return ExitBadInput;
    }

    QList<LookupResult> answers; // every answer, for the exit code
    QList<BatchExportRow> rows = runRows(import.rows, options, err, &answers);
    if (options.remainingAmount) {
        // Then each answered order's payment, once: the money still frozen for sharing.
        const QList<BatchRow> payments = BatchExport::remainingRows(rows);
        print(err, tr("Looking up the remaining amount of %n payment(s)…\n", nullptr, int(payments.size())));
        QList<LookupResult> remaining;
        for (const BatchExportRow &row : runRows(payments, options, err, &answers))
            remaining.append(row.result);
        BatchExport::attachRemaining(rows, remaining);
    }

    // The format follows --output's extension: .xlsx a workbook, anything else (.csv) the CSV.
    const ExportFormat format = ExportFiles::formatOfPath(options.outputFile, ExportFormat::Csv);
    const ExportInfo info{{}, options.profileName, options.mchid, {}};
    const WriteResult written = format == ExportFormat::Xlsx
                                    ? BatchExport::writeXlsx(options.lookup, rows, info, &output)
                                    : BatchExport::writeCsv(options.lookup, rows, &output);
    if (!written || !output.commit()) {
        print(err, tr("Cannot write %1: %2\n")
                       .arg(options.outputFile, written ? output.errorString() : written.error()));
        return ExitOutputFailed;
    }
    print(err, BatchExport::summarize(options.lookup, rows).toText());

    int code = ExitSuccess;
    for (const LookupResult &answer : std::as_const(answers)) {
        const LookupResult::Kind kind = answer.kind;
        if (kind == LookupResult::Kind::VerificationFailed)
            code = ExitVerificationFailed;
        else if (kind == LookupResult::Kind::NotTheAnswer && code != ExitVerificationFailed)
            code = ExitApiError; // a verified answer to another question: as wrong as an error
        else if (kind == LookupResult::Kind::NetworkError && code == ExitSuccess)
            code = ExitNetworkError;
    }
    return code;
}

QList<BatchExportRow> BatchCommand::runRows(const QList<BatchRow> &rows, const BatchCommandOptions &options,
                                            QIODevice *err, QList<LookupResult> *answers)
{
    BatchRunner runner(m_service);
    BatchRunner::Options runOptions;
    runOptions.concurrency = options.concurrency;
    runOptions.qps = options.qps;
    runner.setOptions(runOptions);
    runner.setRows(rows);

    QEventLoop loop;
    connect(&runner, &BatchRunner::finished, &loop, &QEventLoop::quit);
    QTimer progress;
    if (options.progress) {
        progress.setInterval(250);
        connect(&progress, &QTimer::timeout, this, [&] {
            const BatchRunner::Counts c = runner.counts();
            const qint64 eta = runner.etaMs();
            if (err)
                err->write("\r"); // the progress line rewrites itself; print() allows no lone CR
            print(err, tr("%1/%2 done, %3 failed, %4 processing, ETA %5 s   ")
                           .arg(c.answered())
                           .arg(c.total)
                           .arg(c.failed)
                           .arg(c.processing)
                           .arg(eta < 0 ? u"?"_s : QString::number((eta + 999) / 1000)));
        });
        progress.start();
    }
    runner.start();
    if (runner.isRunning())
        loop.exec();
    progress.stop();
    if (options.progress)
        print(err, u"\n"_s);

    for (int i = 0; i < runner.rowCount(); ++i) {
        if (runner.hasResult(i))
            answers->append(runner.result(i));
    }
    return BatchExport::rowsOf(runner);
}

} // namespace fenzhang
