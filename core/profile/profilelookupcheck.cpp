#include "profile/profilelookupcheck.h"

#include "api/lookupservice.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// The translation context of this file's messages (lupdate reads it from here, too).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::ProfileLookupCheck)
};

QString describe(const LookupResult &result)
{
    const ApiResponse &response = result.response;
    switch (result.kind) {
    case LookupResult::Kind::Ok:
        return Text::tr("Order %1 found: WeChat Pay accepted the signature and its answer verified.")
            .arg(result.query.number());
    case LookupResult::Kind::InvalidInput: {
        QStringList problems;
        for (const FieldError &error : result.fieldErrors)
            problems.append(error.message);
        return Text::tr("The known order is not valid: %1").arg(problems.join(u" "_s));
    }
    case LookupResult::Kind::ApiError:
        if (response.httpStatus == 401)
            return Text::tr("WeChat Pay refused the signature (%1 %2): check the merchant id, the private key and "
                      "that the certificate is the one in use.")
                .arg(response.errorCode, response.errorMessage);
        if (response.httpStatus == 404)
            return Text::tr("WeChat Pay accepted the signature but does not know this order (%1 %2): check the "
                      "numbers and the sub-merchant id.")
                .arg(response.errorCode, response.errorMessage);
        return Text::tr("WeChat Pay answered HTTP %1 %2 %3.")
            .arg(response.httpStatus)
            .arg(response.errorCode, response.errorMessage);
    case LookupResult::Kind::VerificationFailed:
        return Text::tr("The answer's signature did not verify: check the WeChat Pay public key and its id "
                  "(or the platform certificates) for this merchant.");
    case LookupResult::Kind::NotTheAnswer:
        return Text::tr("The answer was signed by WeChat Pay but is not the answer to this question (%1); "
                  "something between this computer and WeChat Pay mixed up or replayed answers.")
            .arg(result.parseError);
    case LookupResult::Kind::NetworkError:
        return Text::tr("WeChat Pay could not be reached: %1").arg(response.networkError);
    case LookupResult::Kind::BadAnswer:
        return Text::tr("The answer could not be read: %1").arg(result.parseError);
    case LookupResult::Kind::Cancelled:
        break;
    }
    return Text::tr("Cancelled.");
}

} // namespace

ProfileLookupCheck::ProfileLookupCheck(QObject *parent) : QObject(parent) {}

void ProfileLookupCheck::start(const ConnectionSettings &settings, const OrderQuery &query)
{
    cancel();
    m_owner = new QObject(this);
    ConnectionSettings built = settings;
    if (!built.merchant.privateKeyPem.isEmpty() || !built.merchant.pkcs12Password.isEmpty())
        built.merchant.build(); // the key now, the PEM or p12 password wiped
    auto client = createApiClient(built, m_owner);
    if (!client) {
        finish(CheckItem::Outcome::Failed, client.error().message);
        return;
    }
    auto *service = new LookupService(*client, m_owner);
    m_job = service->lookUp(query);
    connect(m_job, &LookupJob::finished, this, [this](const LookupResult &result) {
        finish(result.kind == LookupResult::Kind::Ok
                   ? CheckItem::Outcome::Passed
                   : (result.kind == LookupResult::Kind::Cancelled ? CheckItem::Outcome::NotChecked
                                                                   : CheckItem::Outcome::Failed),
               describe(result));
    });
}

void ProfileLookupCheck::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ProfileLookupCheck::finish(CheckItem::Outcome outcome, const QString &detail)
{
    if (m_owner) {
        m_owner->deleteLater(); // not now: the job's signal is still being delivered
        m_owner = nullptr;
    }
    Q_EMIT finished(
        CheckItem{CheckItem::Check::KnownLookup, outcome, Text::tr("A known order can be looked up"), detail});
}

} // namespace fenzhang
