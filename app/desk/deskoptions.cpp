#include "deskoptions.h"

#include <cstdio>
#include <cstdlib>
#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

QCommandLineOption hidden(QCommandLineOption option)
{
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

} // namespace

DeskOptions DeskOptions::parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("DeskOptions", "Look up WeChat Pay profit-sharing results and returns."));
    parser.addHelpOption();
    parser.addVersionOption();

    const QCommandLineOption demo(
        u"demo"_s,
        QCoreApplication::translate(
            "DeskOptions", "Start the built-in sandbox and look up its demo data (no credentials needed)."));
    const QCommandLineOption mchid(u"mchid"_s, QCoreApplication::translate("DeskOptions", "Merchant ID."),
                                   u"ID"_s);
    const QCommandLineOption serial(
        u"serial-no"_s, QCoreApplication::translate("DeskOptions", "Merchant certificate serial number."),
        u"HEX"_s);
    const QCommandLineOption key(
        u"private-key"_s, QCoreApplication::translate("DeskOptions", "Merchant API private key (PEM)."),
        u"FILE"_s);
    const QCommandLineOption cert(
        u"merchant-certificate"_s,
        QCoreApplication::translate("DeskOptions", "Merchant API certificate (PEM)."), u"FILE"_s);
    const QCommandLineOption pubId(
        u"wechatpay-public-key-id"_s,
        QCoreApplication::translate("DeskOptions", "WeChat Pay public key ID (PUB_KEY_ID_…)."), u"ID"_s);
    const QCommandLineOption pub(u"wechatpay-public-key"_s,
                                 QCoreApplication::translate("DeskOptions", "WeChat Pay public key (PEM)."),
                                 u"FILE"_s);
    const QCommandLineOption platform(
        u"platform-certificate"_s,
        QCoreApplication::translate("DeskOptions", "WeChat Pay platform certificate (PEM)."), u"FILE"_s);
    const QCommandLineOption baseUrl(
        u"base-url"_s, QCoreApplication::translate("DeskOptions", "Primary API host."), u"URL"_s);
    const QCommandLineOption backupUrl(
        u"backup-url"_s, QCoreApplication::translate("DeskOptions", "Backup API host."), u"URL"_s);
    const QCommandLineOption caFile(
        u"ca-file"_s, QCoreApplication::translate("DeskOptions", "Extra trusted CA certificate (PEM)."),
        u"FILE"_s);
    const QCommandLineOption timeout(
        u"timeout"_s, QCoreApplication::translate("DeskOptions", "Timeout per attempt, in seconds."),
        u"SECONDS"_s);
    const QCommandLineOption product(
        u"product"_s,
        QCoreApplication::translate("DeskOptions",
                                    "Profit-sharing product of the command-line settings, or which demo profile "
                                    "to open: service-provider (default), direct or brand."),
        u"PRODUCT"_s);
    const QCommandLineOption exitAfterStartup(
        u"exit-after-startup"_s,
        QCoreApplication::translate("DeskOptions",
                                    "Quit as soon as the main window has been painted (for benchmarks)."));
    const QCommandLineOption language =
        hidden({u"language"_s, u"Language for this run (zh_CN or en)."_s, u"LANG"_s});
    const QCommandLineOption page = hidden({u"page"_s, u"Page to open: order, return, batch or history."_s, u"PAGE"_s});
    const QCommandLineOption set =
        hidden({u"set"_s, u"Type VALUE into the field FIELD (API name)."_s, u"FIELD=VALUE"_s});
    const QCommandLineOption run = hidden({u"run"_s, u"Run the look-up once the window is shown."_s});
    const QCommandLineOption screenshot =
        hidden({u"screenshot"_s, u"Save a picture of the window and quit."_s, u"FILE"_s});
    const QCommandLineOption size = hidden({u"window-size"_s, u"Window size, WIDTHxHEIGHT."_s, u"SIZE"_s});
    const QCommandLineOption dark = hidden({u"dark-palette"_s, u"Use a dark palette (screenshots)."_s});
    const QCommandLineOption remaining =
        hidden({u"remaining-amount"_s, u"After --run, look up the order's remaining amount too (on the batch page: each payment's)."_s});
    parser.addOptions({demo,     mchid,    serial, key, cert, pubId,      pub,  platform, baseUrl,  backupUrl,
                       caFile,   timeout,  product, exitAfterStartup, language, page, set, run, screenshot, size,
                       dark,     remaining});
    parser.process(app);

    DeskOptions options;
    options.demo = parser.isSet(demo);
    options.exitAfterStartup = parser.isSet(exitAfterStartup);
    options.language = parser.value(language);
    options.page = parser.value(page);
    options.run = parser.isSet(run);
    options.remainingAmount = parser.isSet(remaining);
    if (parser.isSet(product)) {
        const std::optional<Product> chosen = Products::fromId(parser.value(product));
        if (!chosen) {
            std::fputs(qPrintable(QCoreApplication::translate(
                                      "DeskOptions", "--product must be service-provider, direct or brand, not \"%1\".")
                                      .arg(parser.value(product)) +
                                  u'\n'),
                       stderr);
            std::exit(EXIT_FAILURE);
        }
        options.product = *chosen;
    }
    options.darkPalette = parser.isSet(dark);
    options.screenshotFile = parser.value(screenshot);
    const QStringList wh = parser.value(size).split(u'x');
    if (wh.size() == 2)
        options.windowSize = QSize(wh.at(0).toInt(), wh.at(1).toInt());
    const QStringList sets = parser.values(set);
    for (const QString &pair : sets) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq > 0)
            options.fieldValues.append({pair.left(eq), pair.mid(eq + 1)});
    }

    if (parser.isSet(mchid)) {
        ConnectionProfile profile;
        profile.id = u"command-line"_s;
        profile.name = QCoreApplication::translate("DeskOptions", "Command-line settings");
        profile.product = options.product;
        ConnectionSettings &s = profile.settings;
        s.merchant.mchid = parser.value(mchid);
        s.merchant.serialNo = parser.value(serial);
        s.merchant.privateKeyFile = parser.value(key);
        s.merchant.certificateFile = parser.value(cert);
        s.wechatpay.publicKeyId = parser.value(pubId);
        s.wechatpay.publicKeyFile = parser.value(pub);
        s.wechatpay.platformCertificateFiles = parser.values(platform);
        if (parser.isSet(baseUrl))
            s.client.primaryUrl = QUrl(parser.value(baseUrl));
        if (parser.isSet(backupUrl))
            s.client.backupUrl = QUrl(parser.value(backupUrl));
        s.client.caFile = parser.value(caFile);
        if (parser.isSet(timeout)) {
            // The CLI's rule: a --timeout 99999999 once became a negative int product here.
            const std::optional<int> ms = ClientConfig::timeoutMsFromSeconds(parser.value(timeout));
            if (!ms) {
                std::fputs(qPrintable(QCoreApplication::translate(
                                          "DeskOptions", "--timeout must be a number of seconds between 0 and "
                                                         "3600, not \"%1\".")
                                          .arg(parser.value(timeout)) +
                                      u'\n'),
                           stderr);
                std::exit(EXIT_FAILURE); // as QCommandLineParser::process() does for a bad option
            }
            s.client.timeoutMs = *ms;
        }
        options.commandLineProfile = profile;
    }
    return options;
}

} // namespace fenzhang
