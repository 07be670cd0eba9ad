#include "benchsupport.h"

#include <cstdio>
#include <ctime>
#include <QFile>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;

namespace fenzhang::BenchSupport {

namespace {

void printLine(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

void report(const QString &metric, double value, const QString &unit)
{
    printLine({{u"metric"_s, metric}, {u"value"_s, value}, {u"unit"_s, unit}});
}

void info(const QString &name, const QString &value)
{
    printLine({{u"info"_s, name}, {u"value"_s, value}});
}

double processCpuMs()
{
#ifdef Q_OS_UNIX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) { return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
#else
    // Elsewhere clock() is the closest portable measure (process CPU on POSIX, wall on Windows).
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
#endif
}

QJsonObject startSandbox(QProcess *process, const QString &executable, bool tls)
{
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments = {u"--port"_s, u"0"_s};
    if (tls)
        arguments.append(u"--tls"_s);
    process->start(executable, arguments);
    if (!process->waitForStarted(10000))
        return {};
    while (!process->canReadLine()) {
        if (!process->waitForReadyRead(30000))
            return {};
    }
    return QJsonDocument::fromJson(process->readLine()).object();
}

QJsonObject readSandboxInfo(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readLine()).object();
}

ConnectionSettings settingsFromSandbox(const QJsonObject &info)
{
    ConnectionSettings settings;
    settings.merchant.mchid = info.value(u"mchid"_s).toString();
    settings.merchant.privateKeyFile = info.value(u"merchant_private_key"_s).toString();
    settings.merchant.certificateFile = info.value(u"merchant_certificate"_s).toString();
    settings.wechatpay.publicKeyId = info.value(u"wechatpay_public_key_id"_s).toString();
    settings.wechatpay.publicKeyFile = info.value(u"wechatpay_public_key"_s).toString();
    settings.client.primaryUrl = QUrl(info.value(u"url"_s).toString());
    settings.client.backupUrl = QUrl();
    settings.client.caFile = info.value(u"ca_file"_s).toString(); // set with --tls
    return settings;
}

QByteArray orderAnswer(int receivers)
{
    static const char *const types[] = {"MERCHANT_ID", "PERSONAL_OPENID", "PERSONAL_SUB_OPENID"};
    QByteArray json = R"({"sub_mchid":"1900000109","transaction_id":"4208450740202511201234567890",)"
                      R"("out_order_no":"P20251120101530001","order_id":"30000000012025112012345678901234",)"
                      R"("state":"FINISHED","receivers":[)"_ba;
    json.reserve(qsizetype(receivers) * 330 + 300);
    for (int i = 0; i < receivers; ++i) {
        if (i > 0)
            json += ',';
        const bool closed = i % 7 == 3;
        json += R"({"amount":)";
        json += QByteArray::number(qint64(100) + (qint64(i) * 7919) % 1000000);
        json += R"(,"description":"分给商户)";
        json += QByteArray::number(i);
        json += R"(","type":")";
        json += types[i % 3];
        json += R"(","account":")";
        if (i % 3 != 0)
            json += "o-MYE42l80oelYMDE34nYD456Xo";
        json += QByteArray::number(1900000000 + i);
        json += closed ? R"(","result":"CLOSED","fail_reason":"ACCOUNT_ABNORMAL",)"
                       : R"(","result":"SUCCESS",)";
        json += R"("create_time":"2025-11-20T10:15:)";
        json += QByteArray::number(10 + i % 50);
        json += R"(+08:00","finish_time":"2025-11-20T10:16:)";
        json += QByteArray::number(10 + i % 50);
        json += R"(+08:00","detail_id":"36011111111111111111111)";
        json += QByteArray::number(100000000 + i);
        json += R"("})";
    }
    json += "]}";
    return json;
}

} // namespace fenzhang::BenchSupport
