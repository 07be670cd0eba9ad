#include "clioptions.h"

#include "batch/batchimporter.h"
#include "fenzhang_version.h"
#include "lookup/queryfields.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// Every option of the contract, in the order --help lists them.
struct OptionSpec {
    const char *name;
    const char *valueName; // nullptr: a flag
    const char *description;
};

constexpr OptionSpec connectionOptions[] = {
    {"profile", "NAME",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser",
                       "Start from a profile saved in Fenzhang Desk (its key may come from the system "
                       "keychain); the connection options below override it.")},
    {"mchid", "ID",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser", "Merchant id (the service provider's mchid).")},
    {"serial-no", "HEX",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser",
                       "Serial number of the merchant API certificate (not needed with a .p12 file).")},
    {"private-key", "FILE",
     QT_TRANSLATE_NOOP(
         "fenzhang::CliOptionsParser",
         "Merchant API private key: apiclient_key.pem (PKCS#8 or PKCS#1), or apiclient_cert.p12 "
         "(password: the mchid).")},
    {"wechatpay-public-key-id", "ID",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser", "Id of the WeChat Pay public key (PUB_KEY_ID_...).")},
    {"wechatpay-public-key", "FILE",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser",
                       "WeChat Pay public key (pub_key.pem) that answers are verified with.")},
    {"platform-certificate", "FILE",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser",
                       "WeChat Pay platform certificate (PEM); may be repeated.")},
    {"base-url", "URL",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser",
                       "Primary host (default https://api.mch.weixin.qq.com).")},
    {"backup-url", "URL",
     QT_TRANSLATE_NOOP(
         "fenzhang::CliOptionsParser",
         "Backup host, tried when the primary is unreachable (default https://api2.mch.weixin.qq.com).")},
    {"ca-file", "FILE",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser",
                       "Extra trusted CA certificate (PEM), added to the system CAs.")},
    {"timeout", "SECONDS",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser", "Time limit per attempt (default 10).")},
    {"format", "table|json|csv|xlsx",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser",
                       "Output format (default table). xlsx: an Excel workbook that keeps every ID "
                       "as text and needs --output; csv is for programs.")},
    {"output", "FILE",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser",
                       "Write the result there, atomically, instead of to stdout. batch: FILE.xlsx "
                       "writes an Excel workbook, any other name CSV.")},
};

constexpr OptionSpec lookupOptions[] = {
    {"product", "service-provider|direct|brand",
     QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser",
                       "The profit-sharing product the merchant uses: it picks the endpoints. Default: the "
                       "profile's, else service-provider.")},
};

constexpr OptionSpec generalOptions[] = {
    {"help", nullptr, QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser", "Show this help and exit.")},
    {"version", nullptr, QT_TRANSLATE_NOOP("fenzhang::CliOptionsParser", "Show the version and exit.")},
};

QString optionName(const OptionSpec &spec)
{
    return QString::fromLatin1(spec.name);
}

void addOptions(QCommandLineParser &parser, const auto &specs)
{
    for (const OptionSpec &spec : specs) {
        const QString description =
            QCoreApplication::translate("fenzhang::CliOptionsParser", spec.description);
        if (spec.valueName)
            parser.addOption(
                QCommandLineOption(optionName(spec), description, QString::fromLatin1(spec.valueName)));
        else
            parser.addOption(QCommandLineOption(optionName(spec), description));
    }
}

// "ID" for WeChat Pay's numbers and the sub-merchant's (sub_mchid, transaction_id, order_id), "NO" for
// the merchant's own (out_order_no, out_return_no): the API's naming.
QString fieldValueName(const QString &field)
{
    return field.endsWith("id"_L1) ? u"ID"_s : u"NO"_s;
}

// "order, return (--product service-provider|brand): Sub-merchant ID (sub_mchid)": which commands take
// a field option, as which products, from the kinds' own descriptions.
QString fieldDescription(const QString &field)
{
    QStringList kinds;
    QStringList products;
    for (const LookupKind kind : LookupKinds::all()) {
        for (const Product product : Products::all()) {
            if (!Query::fields(kind, product).contains(field))
                continue;
            if (!kinds.contains(LookupKinds::name(kind)))
                kinds.append(LookupKinds::name(kind));
            if (!products.contains(Products::id(product)))
                products.append(Products::id(product));
        }
    }
    QString where = kinds.join(u", "_s);
    if (products.size() < Products::all().size())
        where += u" (--product "_s + products.join(u'|') + u')';
    return QCoreApplication::translate("fenzhang::CliOptionsParser", "%1: %2")
        .arg(where, QueryFields::label(field));
}

// The options that fill a question's fields: --sub-mchid, --transaction-id, ... (Query::allFields()).
QList<QCommandLineOption> fieldOptions()
{
    QList<QCommandLineOption> options;
    for (const QString &field : Query::allFields())
        options.append(QCommandLineOption(CliOptionsParser::optionForField(field).mid(2),
                                          fieldDescription(field), fieldValueName(field)));
    return options;
}

// "[--sub-mchid ID] --out-return-no NO (--order-id ID | --out-order-no NO)": a kind's fields as its
// products ask them; a field no product of it requires in brackets, a choice in parentheses.
QString fieldUsage(LookupKind kind)
{
    const QList<QStringList> rows = Query::fieldRows(kind);
    const auto option = [](const QString &field) -> QString {
        return CliOptionsParser::optionForField(field) + u' ' + fieldValueName(field);
    };
    QStringList words;
    for (const QStringList &row : rows) {
        // A field that is also one way of a choice is said by the choice.
        if (row.size() == 1 && std::any_of(rows.begin(), rows.end(), [&](const QStringList &other) {
                return other.size() > 1 && other.contains(row.first());
            }))
            continue;
        QStringList ways;
        for (const QString &field : row)
            ways.append(option(field));
        const QString word = row.size() > 1 ? QString(u'(' + ways.join(u" | "_s) + u')') : ways.first();
        const QList<Product> products = Products::all();
        const bool everyProduct = std::all_of(products.begin(), products.end(), [&](Product p) {
            const QStringList asked = Query::fields(kind, p);
            return std::any_of(row.begin(), row.end(), [&](const QString &f) { return asked.contains(f); });
        });
        words.append(everyProduct ? word : QString(u'[' + word + u']'));
    }
    return words.join(u' ');
}

// "order, return, amounts": the look-up commands, one per kind.
QString commandList()
{
    QStringList names;
    for (const LookupKind kind : LookupKinds::all())
        names.append(LookupKinds::name(kind));
    return names.join(u", "_s);
}

void setUpParser(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    addOptions(parser, connectionOptions);
    addOptions(parser, lookupOptions);
    parser.addOptions(fieldOptions());
    addOptions(parser, generalOptions);
    BatchCommand::addOptions(parser);
}

} // namespace

QString CliOptionsParser::optionForField(const QString &apiField)
{
    QString option = apiField;
    option.replace(u'_', u'-');
    return "--"_L1 + option;
}

QString CliOptionsParser::versionText()
{
    return u"fenzhang-cli %1\n"_s.arg(QLatin1StringView(FENZHANG_VERSION));
}

bool CliOptionsParser::applyProduct(CliOptions *options, Product product, QString *error)
{
    options->query.setProduct(product);
    options->batch.product = product;
    if (options->action != CliOptions::Action::Run)
        return true;
    const LookupKind kind = options->query.kind();
    const QString command = LookupKinds::name(kind);
    const auto given = [options](const QString &field) {
        return options->lookupFlags.contains(optionForField(field).mid(2));
    };
    const QStringList asked = Query::fields(kind, product);
    for (const QString &field : Query::allFields()) {
        if (!given(field) || asked.contains(field))
            continue;
        if (field == "sub_mchid"_L1)
            *error = tr("A direct merchant's look-ups take no --sub-mchid (--product direct).");
        else if (field == "order_id"_L1)
            *error =
                tr("--order-id applies only to chain-brand returns (--product brand); give --out-order-no.");
        else
            *error = tr("%1 does not apply to the %2 command.").arg(optionForField(field), command);
        return false;
    }
    for (const QStringList &group : Query::fieldGroups(kind, product)) {
        const auto count = std::count_if(group.begin(), group.end(), given);
        if (group.size() == 1 && count == 0) {
            *error = group.constFirst() == "sub_mchid"_L1
                         ? tr("The %1 command needs --sub-mchid (--product %2).")
                               .arg(command, Products::id(product))
                         : tr("The %1 command needs %2.").arg(command, optionForField(group.constFirst()));
            return false;
        }
        if (group.size() > 1 && count != 1) {
            QStringList names;
            for (const QString &field : group)
                names.append(optionForField(field));
            const QString last = names.takeLast();
            *error = tr("The %1 command needs exactly one of %2 and %3.").arg(command, names.join(u", "_s), last);
            return false;
        }
    }
    return true;
}

QString CliOptionsParser::helpText() const
{
    QString text;
    text += tr("Look up WeChat Pay profit-sharing results (APIv3), signed and verified.") + "\n\n"_L1;
    text += tr("Usage:") + u'\n';
    for (const LookupKind kind : LookupKinds::all()) {
        text += "  fenzhang-cli [connection options] [--product P] "_L1 +
                LookupKinds::name(kind).leftJustified(7) + u' ' + fieldUsage(kind) + u'\n';
    }
    text += "  "_L1 + BatchCommand::usage() + u'\n';
    text += "  fenzhang-cli --version | --help\n"_L1;

    const auto line = [&text](const QString &name, const QString &valueName, const QString &description) {
        QString left = "  --"_L1 + name;
        if (!valueName.isEmpty())
            left += u' ' + valueName;
        text += left.leftJustified(36) + u' ' + description + u'\n';
    };
    const auto section = [&](const QString &title, const auto &specs) {
        text += u'\n' + title + u'\n';
        for (const OptionSpec &spec : specs) {
            line(optionName(spec), QString::fromLatin1(spec.valueName),
                 QCoreApplication::translate("fenzhang::CliOptionsParser", spec.description));
        }
    };
    section(tr("Connection options:"), connectionOptions);
    section(tr("Look-up options:"), lookupOptions);
    for (const QCommandLineOption &option : fieldOptions())
        line(option.names().constFirst(), option.valueName(), option.description());
    text += u'\n' + tr("Batch options:") + u'\n';
    for (const QCommandLineOption &option : BatchCommand::options())
        line(option.names().constFirst(), option.valueName(), option.description());
    section(tr("Other options:"), generalOptions);

    // The columns each batch reads, from the importer's own list.
    text += u'\n' +
            tr("Batch input: a CSV whose header row names these columns (as a service provider asks; "
               "--product direct: without sub_mchid; brand returns: order_id or out_order_no):") +
            u'\n';
    for (const LookupKind kind : LookupKinds::all()) {
        text += "  "_L1 + LookupKinds::name(kind).leftJustified(9) +
                ColumnMapping::fieldsFor(kind, Product::ServiceProvider).join(u',') + u'\n';
    }

    text += u'\n' + tr("Exit codes:") + u'\n';
    text += "  0  "_L1 + tr("success: a verified result (PROCESSING included)") + u'\n';
    text += "  1  "_L1 + tr("the result could not be written to --output") + u'\n';
    text += "  2  "_L1 + tr("usage or invalid input; nothing was sent") + u'\n';
    text += "  3  "_L1 +
            tr("WeChat Pay answered an error, or a verified answer that is not the expected JSON or "
               "answers another question (what differed and the Request-ID on stderr)") +
            u'\n';
    text += "  4  "_L1 + tr("network failure on both hosts (TLS failures included)") + u'\n';
    text += "  5  "_L1 + tr("the answer's signature did not verify; nothing is printed as a result") + u'\n';
    return text;
}

bool CliOptionsParser::parse(const QStringList &arguments, CliOptions *options, QString *error) const
{
    QCommandLineParser parser;
    setUpParser(parser);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        options->action = CliOptions::Action::Help;
        return true;
    }
    if (parser.isSet(u"version"_s)) {
        options->action = CliOptions::Action::Version;
        return true;
    }

    // Options taken once must not be repeated: a script that says two different things is wrong.
    const auto single = [&](const char *name, QString *value) -> bool {
        const QStringList values = parser.values(QString::fromLatin1(name));
        if (values.size() > 1) {
            *error = tr("--%1 was given more than once.").arg(QLatin1StringView(name));
            return false;
        }
        *value = values.value(0);
        return true;
    };

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        *error = tr("Missing command: %1 or batch.").arg(commandList());
        return false;
    }
    const bool batch = positional.constFirst() == "batch"_L1;
    if (batch) {
        if (!BatchCommand::parse(parser, positional.mid(1), &options->batch, error))
            return false;
        options->action = CliOptions::Action::Batch;
    }
    if (!batch && positional.size() > 1) {
        *error = tr("Unexpected argument \"%1\".").arg(positional.at(1));
        return false;
    }
    const QString command = positional.constFirst();
    QStringList required;
    QStringList forbidden;
    // sub_mchid and the way a return names its order depend on the product (applyProduct()).
    if (batch) {
        for (const QString &field : Query::allFields()) // a batch's numbers come from --input
            forbidden.append(optionForField(field).mid(2));
    } else if (const std::optional<LookupKind> kind = LookupKinds::fromName(command)) {
        // From the kind's own fields: an option no product asks of it is refused, one every product
        // asks is required (the rest, applyProduct()).
        options->query = Query::blank(*kind, Product::ServiceProvider);
        QList<FieldGroups> byProduct;
        for (const Product p : Products::all())
            byProduct.append(Query::fieldGroups(*kind, p));
        for (const QString &field : Query::allFields()) {
            const auto asks = [&field](const FieldGroups &groups) {
                return std::any_of(groups.begin(), groups.end(),
                                   [&](const QStringList &g) { return g.contains(field); });
            };
            const auto needs = [&field](const FieldGroups &groups) {
                return groups.contains(QStringList{field});
            };
            if (std::none_of(byProduct.begin(), byProduct.end(), asks))
                forbidden.append(optionForField(field).mid(2));
            else if (std::all_of(byProduct.begin(), byProduct.end(), needs))
                required.append(optionForField(field).mid(2));
        }
        forbidden.append(u"remaining-amount"_s);
    } else {
        *error = tr("Unknown command \"%1\": use %2 or batch.").arg(command, commandList());
        return false;
    }
    QString product;
    if (!single("product", &product))
        return false;
    if (parser.isSet(u"product"_s)) {
        options->product = Products::fromId(product);
        if (!options->product) {
            *error = tr("--product \"%1\" is not one of service-provider, direct, brand.").arg(product);
            return false;
        }
    }
    for (const QString &name : std::as_const(forbidden)) {
        if (parser.isSet(name)) {
            *error = tr("--%1 does not apply to the %2 command.").arg(name, command);
            return false;
        }
    }
    for (const QString &name : std::as_const(required)) {
        if (!parser.isSet(name)) {
            *error = tr("The %1 command needs --%2.").arg(command, name);
            return false;
        }
    }

    for (const QString &field : Query::allFields()) {
        QString value;
        if (!single(optionForField(field).mid(2).toLatin1().constData(), &value))
            return false;
        options->query.setValue(field, value); // the rows of a batch come from --input
    }
    for (const QString &field : Query::allFields()) {
        if (parser.isSet(optionForField(field).mid(2)))
            options->lookupFlags.append(optionForField(field).mid(2));
    }

    // Connection.
    MerchantKeySource &merchant = options->connection.merchant;
    WechatPayKeySource &wechatpay = options->connection.wechatpay;
    ClientConfig &client = options->connection.client;
    QString privateKey, baseUrl, backupUrl, timeout, format;
    if (!single("mchid", &merchant.mchid) || !single("serial-no", &merchant.serialNo) ||
        !single("private-key", &privateKey) || !single("wechatpay-public-key-id", &wechatpay.publicKeyId) ||
        !single("wechatpay-public-key", &wechatpay.publicKeyFile) || !single("base-url", &baseUrl) ||
        !single("backup-url", &backupUrl) || !single("ca-file", &client.caFile) ||
        !single("timeout", &timeout) || !single("format", &format) || !single("output", &options->outputFile))
        return false;
    wechatpay.platformCertificateFiles = parser.values(u"platform-certificate"_s);

    if (!single("profile", &options->profileName))
        return false;
    if (parser.isSet(u"profile"_s) && options->profileName.trimmed().isEmpty()) {
        *error = tr("--profile needs a profile name.");
        return false;
    }
    // apiclient_cert.p12 carries the key and the certificate (and so the serial) together.
    if (privateKey.endsWith(".p12"_L1, Qt::CaseInsensitive) ||
        privateKey.endsWith(".pfx"_L1, Qt::CaseInsensitive))
        merchant.pkcs12File = privateKey;
    else
        merchant.privateKeyFile = privateKey;
    for (const OptionSpec &spec : connectionOptions) {
        const QString name = QString::fromLatin1(spec.name);
        if (name != "profile"_L1 && parser.isSet(name))
            options->connectionFlags.append(name);
    }
    // With a profile the connection is complete only once the profile is read (CliApp).
    if (options->profileName.isEmpty()) {
        if (const QString problem = connectionProblem(options->connection); !problem.isEmpty()) {
            *error = problem;
            return false;
        }
    }

    if (parser.isSet(u"base-url"_s)) {
        client.primaryUrl = QUrl(baseUrl, QUrl::StrictMode);
        if (baseUrl.isEmpty() || !client.primaryUrl.isValid()) {
            *error = tr("--base-url \"%1\" is not a valid URL.").arg(baseUrl);
            return false;
        }
    }
    if (parser.isSet(u"backup-url"_s)) {
        // An empty --backup-url turns failover off.
        client.backupUrl = backupUrl.isEmpty() ? QUrl() : QUrl(backupUrl, QUrl::StrictMode);
        if (!backupUrl.isEmpty() && !client.backupUrl.isValid()) {
            *error = tr("--backup-url \"%1\" is not a valid URL.").arg(backupUrl);
            return false;
        }
    }
    if (parser.isSet(u"timeout"_s)) {
        const std::optional<int> ms = ClientConfig::timeoutMsFromSeconds(timeout);
        if (!ms) {
            *error = tr("--timeout must be a number of seconds between 0 and 3600, not \"%1\".").arg(timeout);
            return false;
        }
        client.timeoutMs = *ms;
    }
    if (parser.isSet(u"format"_s)) {
        if (format == "table"_L1) {
            options->format = CliOptions::Format::Table;
        } else if (format == "json"_L1) {
            options->format = CliOptions::Format::Json;
        } else if (format == "csv"_L1) {
            options->format = CliOptions::Format::Csv;
        } else if (format == "xlsx"_L1) {
            options->format = CliOptions::Format::Xlsx;
        } else {
            *error = tr("--format must be table, json, csv or xlsx, not \"%1\".").arg(format);
            return false;
        }
    }
    if (parser.isSet(u"output"_s) && options->outputFile.isEmpty()) {
        *error = tr("--output needs a file name.");
        return false;
    }
    if (options->format == CliOptions::Format::Xlsx && options->outputFile.isEmpty()) {
        *error = tr("--format xlsx writes a workbook file: give it with --output FILE.xlsx.");
        return false;
    }
    if (const QString problem = client.validate(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    return true;
}

void CliOptionsParser::applyConnectionFlags(const CliOptions &options, ConnectionSettings *base)
{
    const ConnectionSettings &flags = options.connection;
    const auto given = [&options](const char *name) {
        return options.connectionFlags.contains(QLatin1StringView(name));
    };
    if (given("mchid"))
        base->merchant.mchid = flags.merchant.mchid;
    if (given("private-key")) {
        // A key named on the command line replaces the profile's key wherever that came from.
        base->merchant.privateKeyFile = flags.merchant.privateKeyFile;
        base->merchant.pkcs12File = flags.merchant.pkcs12File;
        base->merchant.privateKeyPem.clear();
        base->merchant.built.reset();
        base->merchant.certificateFile.clear();
        base->merchant.pkcs12Password.clear();
        base->merchant.serialNo.clear();
    }
    if (given("serial-no"))
        base->merchant.serialNo = flags.merchant.serialNo;
    if (given("wechatpay-public-key-id"))
        base->wechatpay.publicKeyId = flags.wechatpay.publicKeyId;
    if (given("wechatpay-public-key"))
        base->wechatpay.publicKeyFile = flags.wechatpay.publicKeyFile;
    if (given("platform-certificate"))
        base->wechatpay.platformCertificateFiles = flags.wechatpay.platformCertificateFiles;
    if (given("base-url"))
        base->client.primaryUrl = flags.client.primaryUrl;
    if (given("backup-url"))
        base->client.backupUrl = flags.client.backupUrl;
    if (given("ca-file"))
        base->client.caFile = flags.client.caFile;
    if (given("timeout"))
        base->client.timeoutMs = flags.client.timeoutMs;
}

QString CliOptionsParser::connectionProblem(const ConnectionSettings &connection)
{
    const MerchantKeySource &merchant = connection.merchant;
    const WechatPayKeySource &wechatpay = connection.wechatpay;
    if (merchant.mchid.isEmpty())
        return tr("Missing --mchid.");
    if (merchant.privateKeyFile.isEmpty() && merchant.pkcs12File.isEmpty() && merchant.privateKeyPem.isEmpty())
        return tr("Missing --private-key.");
    if (merchant.pkcs12File.isEmpty() && merchant.certificateFile.isEmpty() && merchant.serialNo.isEmpty())
        return tr("Missing --serial-no (the merchant API certificate's serial number).");
    if (wechatpay.publicKeyFile.isEmpty() && wechatpay.platformCertificateFiles.isEmpty())
        return tr("Missing --wechatpay-public-key (with --wechatpay-public-key-id) or --platform-certificate: "
                  "answers cannot be verified without one.");
    if (!wechatpay.publicKeyFile.isEmpty() && wechatpay.publicKeyId.isEmpty())
        return tr("--wechatpay-public-key needs --wechatpay-public-key-id.");
    if (wechatpay.publicKeyFile.isEmpty() && !wechatpay.publicKeyId.isEmpty())
        return tr("--wechatpay-public-key-id needs --wechatpay-public-key.");
    return {};
}

} // namespace fenzhang
