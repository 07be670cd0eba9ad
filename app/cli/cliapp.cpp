#include "cliapp.h"

#include "api/connection.h"
#include "format/labels.h"
#include "format/safetext.h"
#include "lookup/resultexport.h"
#include "profile/profileconnector.h"
#include "profile/profilestore.h"
#include "profile/secretstore.h"
#include "tableformatter.h"

#include <cstdio>
#include <QBuffer>
#include <QEventLoop>
#include <QFile>

using namespace Qt::StringLiterals;

namespace fenzhang {

CliApp::CliApp(QObject *parent)
    : QObject(parent), m_stdout(std::make_unique<QFile>()), m_stderr(std::make_unique<QFile>())
{
    (void)m_stdout->open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    (void)m_stderr->open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
}

CliApp::~CliApp() = default;

void CliApp::printError(const QString &text)
{
    // Messages carry text from answers, files and the user: nothing in them may drive the terminal.
    m_stderr->write(SafeText::forDisplay(text, SafeText::Breaks::Keep).toUtf8());
    if (!text.endsWith(u'\n'))
        m_stderr->write("\n");
}

int CliApp::run(const QStringList &arguments)
{
    CliOptionsParser parser;
    QString error;
    if (!parser.parse(arguments, &m_options, &error)) {
        printError(tr("fenzhang-cli: %1").arg(error));
        printError(tr("Try 'fenzhang-cli --help' for more information."));
        return ExitUsage;
    }
    if (m_options.action == CliOptions::Action::Help) {
        m_stdout->write(parser.helpText().toUtf8());
        return ExitSuccess;
    }
    if (m_options.action == CliOptions::Action::Version) {
        m_stdout->write(CliOptionsParser::versionText().toUtf8());
        return ExitSuccess;
    }

    if (!resolveConnection(&error) ||
        !CliOptionsParser::applyProduct(
            &m_options, m_options.product.value_or(m_profileProduct.value_or(Product::ServiceProvider)), &error)) {
        printError(tr("fenzhang-cli: %1").arg(error));
        return ExitUsage;
    }

    if (m_options.action == CliOptions::Action::Batch) {
        auto client = createApiClient(m_options.connection, this);
        if (!client) {
            printError(tr("fenzhang-cli: %1").arg(client.error().message));
            return ExitUsage;
        }
        printWarnings(**client);
        LookupService service(*client);
        m_options.batch.progress = BatchCommand::stderrIsTerminal();
        m_options.batch.profileName = m_options.profileName;
        m_options.batch.mchid = m_options.connection.merchant.mchid;
        return BatchCommand(&service).run(m_options.batch, m_stderr.get());
    }

    // Opened (as a temporary beside the target) before anything is sent, so an unwritable
    // destination is a usage error and not a look-up thrown away.
    if (!m_options.outputFile.isEmpty()) {
        m_output = std::make_unique<QSaveFile>(m_options.outputFile);
        if (!m_output->open(QIODevice::WriteOnly)) {
            printError(
                tr("fenzhang-cli: cannot write %1: %2").arg(m_options.outputFile, m_output->errorString()));
            return ExitUsage;
        }
    }

    auto client = createApiClient(m_options.connection, this);
    if (!client) {
        printError(tr("fenzhang-cli: %1").arg(client.error().message));
        return ExitUsage;
    }
    printWarnings(**client);
    LookupService service(*client);
    LookupJob *job = service.lookUp(m_options.query);
    connect(job, &LookupJob::attemptStarted, this,
            [this](const QUrl &host, int attempt, ApiJob::AttemptReason reason) {
                if (reason == ApiJob::AttemptReason::FailoverAfterNetworkError)
                    printError(tr("Primary host unreachable; trying the backup host %1.").arg(host.host()));
                else if (reason != ApiJob::AttemptReason::First)
                    printError(tr("Attempt %1: WeChat Pay asked to retry later; retrying.").arg(attempt));
            });
    QEventLoop loop;
    int code = ExitNetworkError;
    connect(job, &LookupJob::finished, this, [&](const LookupResult &result) {
        code = finish(result);
        loop.quit();
    });
    loop.exec();
    delete *client;
    return code;
}

void CliApp::printWarnings(const ApiClient &client)
{
    for (const QString &warning : client.verifier().keys().warnings())
        printError(tr("fenzhang-cli: warning: %1").arg(warning));
}

bool CliApp::resolveConnection(QString *error)
{
    if (m_options.profileName.isEmpty())
        return true; // the parser has checked the flags alone
    ProfileStore store;
    if (auto loaded = store.load(); !loaded) {
        *error = loaded.error();
        return false;
    }
    const std::optional<Profile> profile = store.byName(m_options.profileName);
    if (!profile) {
        const QStringList names = store.names();
        *error = names.isEmpty() ? tr("There is no profile named \"%1\": no profile has been saved yet "
                                      "(create one in Fenzhang Desk).")
                                       .arg(m_options.profileName)
                                 : tr("There is no profile named \"%1\". Saved profiles: %2.")
                                       .arg(m_options.profileName, names.join(u", "_s));
        return false;
    }

    m_profileProduct = profile->product;
    // The secret may come from the keychain, which answers asynchronously.
    SecretStore secrets;
    ProfileConnector connector(&secrets);
    QEventLoop loop;
    bool ok = false;
    ConnectionSettings settings;
    connect(&connector, &ProfileConnector::ready, this,
            [&](const QString &, const ConnectionSettings &prepared) {
                settings = prepared;
                ok = true;
                loop.quit();
            });
    connect(&connector, &ProfileConnector::failed, this, [&](const QString &, const QString &message) {
        *error = message;
        loop.quit();
    });
    bool answered = false;
    connect(&connector, &ProfileConnector::ready, this, [&answered] { answered = true; });
    connect(&connector, &ProfileConnector::failed, this, [&answered] { answered = true; });
    connector.prepare(*profile);
    if (!answered)
        loop.exec();
    if (!ok)
        return false;

    CliOptionsParser::applyConnectionFlags(m_options, &settings);
    if (QString problem = CliOptionsParser::connectionProblem(settings); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (QString problem = settings.client.validate(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    // The keychain's PEM (or p12 password) becomes the key now and is wiped; the run keeps the key.
    if (!settings.merchant.privateKeyPem.isEmpty() || !settings.merchant.pkcs12Password.isEmpty())
        settings.merchant.build();
    m_options.connection = settings;
    return true;
}

int CliApp::finish(const LookupResult &result)
{
    using Kind = LookupResult::Kind;
    switch (result.kind) {
    case Kind::Ok:
        break;
    case Kind::InvalidInput:
        for (const FieldError &field : result.fieldErrors)
            printError(
                tr("fenzhang-cli: %1: %2").arg(CliOptionsParser::optionForField(field.field), field.message));
        return ExitUsage;
    case Kind::ApiError:
    case Kind::BadAnswer:
    case Kind::NotTheAnswer:
        printFailure(result);
        return ExitApiError;
    case Kind::NetworkError:
    case Kind::Cancelled:
        printFailure(result);
        return ExitNetworkError;
    case Kind::VerificationFailed:
        printFailure(result);
        return ExitVerificationFailed;
    }

    QByteArray bytes;
    switch (m_options.format) {
    case CliOptions::Format::Table:
        bytes = SafeText::forDisplay(TableFormatter::format(result), SafeText::Breaks::Keep).toUtf8();
        break;
    case CliOptions::Format::Json:
        bytes = ResultExport::toJson(result) + '\n';
        break;
    case CliOptions::Format::Csv: {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (const WriteResult written = ResultExport::writeCsv(result, &buffer); !written) {
            printError(tr("fenzhang-cli: cannot write the CSV: %1").arg(written.error()));
            return ExitOutputFailed;
        }
        // CSV cannot escape a control character, so on standard output (a terminal, often) the
        // unsafe ones are replaced; --output keeps every byte of the data. JSON escapes them
        // (\u001b, \u202e) and is exact either way.
        if (!m_output) {
            const QByteArray bom = "\xEF\xBB\xBF"_ba; // Excel's UTF-8 mark stays: the CSV starts with it
            const bool hasBom = bytes.startsWith(bom);
            const QString text = QString::fromUtf8(hasBom ? bytes.sliced(bom.size()) : bytes);
            bytes = (hasBom ? bom : QByteArray()) + SafeText::forDisplay(text, SafeText::Breaks::Keep).toUtf8();
        }
        break;
    }
    case CliOptions::Format::Xlsx: {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        const ExportInfo info{{}, m_options.profileName, m_options.connection.merchant.mchid, {}};
        if (const WriteResult written = ResultExport::writeXlsx(result, info, &buffer); !written) {
            printError(tr("fenzhang-cli: cannot write the workbook: %1").arg(written.error()));
            if (m_output)
                m_output->cancelWriting();
            return ExitOutputFailed;
        }
        break;
    }
    }
    return writeResult(bytes);
}

int CliApp::writeResult(const QByteArray &bytes)
{
    if (!m_output) {
        if (m_stdout->write(bytes) != bytes.size()) {
            printError(tr("fenzhang-cli: cannot write to standard output: %1").arg(m_stdout->errorString()));
            return ExitOutputFailed;
        }
        return ExitSuccess;
    }
    if (m_output->write(bytes) != bytes.size() || !m_output->commit()) {
        printError(
            tr("fenzhang-cli: cannot write %1: %2").arg(m_options.outputFile, m_output->errorString()));
        return ExitOutputFailed;
    }
    return ExitSuccess;
}

void CliApp::printFailure(const LookupResult &result)
{
    // Nothing goes to stdout or --output on failure; an opened --output is discarded.
    if (m_output)
        m_output->cancelWriting();
    const ApiResponse &response = result.response;
    const QString requestId =
        response.requestId.isEmpty() ? tr("(none)") : QString::fromLatin1(response.requestId);

    switch (result.kind) {
    case LookupResult::Kind::ApiError: {
        printError(tr("error: WeChat Pay answered HTTP %1").arg(response.httpStatus));
        printError(tr("code: %1").arg(response.errorCode.isEmpty() ? tr("(none)") : response.errorCode));
        printError(
            tr("message: %1").arg(response.errorMessage.isEmpty() ? tr("(none)") : response.errorMessage));
        if (!response.errorDetail.isEmpty() && response.errorDetail != "{}")
            printError(tr("detail: %1").arg(QString::fromUtf8(response.errorDetail)));
        printError(tr("Request-ID: %1").arg(requestId));
        if (const QString advice = Labels::errorAdvice(response.errorCode); !advice.isEmpty())
            printError(tr("advice: %1").arg(advice));
        if (response.attempts > 1)
            printError(tr("attempts: %1").arg(response.attempts));
        if (!response.verified)
            printError(tr("note: this error answer's signature was not verified (%1).")
                           .arg(response.verification.detail));
        break;
    }
    case LookupResult::Kind::BadAnswer:
        printError(tr("error: the answer is not the expected JSON: %1").arg(result.parseError));
        printError(tr("code: %1").arg(u"BAD_ANSWER"_s));
        printError(tr("message: %1").arg(result.parseError));
        printError(tr("Request-ID: %1").arg(requestId));
        break;
    case LookupResult::Kind::NetworkError:
        // networkError names every host tried and what went wrong with it.
        printError(tr("error: network failure: %1").arg(response.networkError));
        break;
    case LookupResult::Kind::VerificationFailed:
        printError(tr("error: the answer's signature did not verify, so nothing from it is shown: %1")
                       .arg(response.verification.detail));
        printError(tr("Request-ID: %1").arg(requestId));
        break;
    case LookupResult::Kind::NotTheAnswer:
        printError(tr("error: the answer is signed by WeChat Pay but is not the answer to this question, "
                      "so nothing from it is shown"));
        for (const IdMismatch &m : result.mismatches)
            printError(tr("%1 differs: asked %2, answered %3").arg(m.field, m.asked, m.answered));
        printError(tr("Request-ID: %1").arg(requestId));
        break;
    case LookupResult::Kind::Cancelled:
        printError(tr("error: cancelled"));
        break;
    case LookupResult::Kind::Ok:
    case LookupResult::Kind::InvalidInput:
        break;
    }
}

} // namespace fenzhang
