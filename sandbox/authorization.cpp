#include "authorization.h"

#include "crypto/requestsigner.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

QLatin1StringView SignCheck::token() const
{
    switch (reason) {
    case Reason::Ok:
        return "ok"_L1;
    case Reason::AuthorizationMissing:
        return "authorization_missing"_L1;
    case Reason::SchemeUnsupported:
        return "scheme_unsupported"_L1;
    case Reason::AuthorizationMalformed:
        return "authorization_malformed"_L1;
    case Reason::MchidMismatch:
        return "mchid_mismatch"_L1;
    case Reason::SerialMismatch:
        return "serial_mismatch"_L1;
    case Reason::TimestampMalformed:
        return "timestamp_malformed"_L1;
    case Reason::TimestampExpired:
        return "timestamp_expired"_L1;
    case Reason::SignatureMalformed:
        return "signature_malformed"_L1;
    case Reason::SignatureMismatch:
        return "signature_mismatch"_L1;
    case Reason::NonceReused:
        return "nonce_reused"_L1;
    }
    return "unknown"_L1;
}

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && isSpace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isSpace(text.back()))
        text.chop(1);
    return text;
}

bool allDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

bool AuthorizationHeader::parse(QByteArrayView value, AuthorizationHeader *header, SignCheck *error)
{
    using R = SignCheck::Reason;
    value = trimmed(value);
    if (value.isEmpty()) {
        *error = SignCheck::fail(R::AuthorizationMissing, u"the Authorization header is missing"_s);
        return false;
    }
    const qsizetype space = value.indexOf(' ');
    const QByteArrayView scheme = space < 0 ? value : value.first(space);
    if (scheme != Scheme) {
        *error = SignCheck::fail(
            R::SchemeUnsupported,
            u"unsupported authorization scheme \"%1\", expected WECHATPAY2-SHA256-RSA2048"_s.arg(
                QString::fromLatin1(scheme.first(qMin<qsizetype>(scheme.size(), 40)))));
        return false;
    }

    AuthorizationHeader result;
    QByteArrayView rest = value.sliced(space + 1);
    QList<QByteArray> seen;
    while (true) {
        rest = trimmed(rest);
        if (rest.isEmpty())
            break;
        const qsizetype eq = rest.indexOf('=');
        if (eq <= 0) {
            *error = SignCheck::fail(R::AuthorizationMalformed,
                                     u"expected key=\"value\" pairs separated by commas"_s);
            return false;
        }
        const QByteArray key = trimmed(rest.first(eq)).toByteArray();
        rest = trimmed(rest.sliced(eq + 1));
        if (rest.isEmpty() || rest.front() != '"') {
            *error = SignCheck::fail(
                R::AuthorizationMalformed,
                u"the value of %1 must be in double quotes"_s.arg(QString::fromLatin1(key.left(32))));
            return false;
        }
        const qsizetype close = rest.indexOf('"', 1);
        if (close < 0) {
            *error = SignCheck::fail(R::AuthorizationMalformed, u"the value of %1 has no closing quote"_s.arg(
                                                                    QString::fromLatin1(key.left(32))));
            return false;
        }
        const QByteArray fieldValue = rest.sliced(1, close - 1).toByteArray();
        rest = trimmed(rest.sliced(close + 1));
        if (!rest.isEmpty()) {
            if (rest.front() != ',') {
                *error =
                    SignCheck::fail(R::AuthorizationMalformed,
                                    u"expected a comma after %1"_s.arg(QString::fromLatin1(key.left(32))));
                return false;
            }
            rest = rest.sliced(1);
        }
        if (seen.contains(key)) {
            *error = SignCheck::fail(R::AuthorizationMalformed,
                                     u"%1 appears twice"_s.arg(QString::fromLatin1(key.left(32))));
            return false;
        }
        seen.append(key);
        if (key == "mchid")
            result.mchid = fieldValue;
        else if (key == "nonce_str")
            result.nonce = fieldValue;
        else if (key == "timestamp")
            result.timestamp = fieldValue;
        else if (key == "serial_no")
            result.serialNo = fieldValue;
        else if (key == "signature")
            result.signature = fieldValue;
        // Other keys are ignored, as WeChat Pay does.
    }

    const std::pair<const char *, const QByteArray *> required[] = {
        {"mchid", &result.mchid},        {"nonce_str", &result.nonce},     {"timestamp", &result.timestamp},
        {"serial_no", &result.serialNo}, {"signature", &result.signature},
    };
    for (const auto &[name, field] : required) {
        if (field->isEmpty()) {
            *error = SignCheck::fail(R::AuthorizationMalformed,
                                     u"%1 is missing or empty"_s.arg(QLatin1StringView(name)));
            return false;
        }
    }
    *header = result;
    return true;
}

QByteArray redactAuthorization(QByteArrayView value)
{
    static const QRegularExpression signature(u"(signature\\s*=\\s*)(\"[^\"]*\"?|[^,]*)"_s);
    QString text = QString::fromLatin1(value);
    text.replace(signature, u"\\1\"<redacted>\""_s);
    return text.toLatin1();
}

RequestAuthenticator::RequestAuthenticator(QString mchid, QString serialNo, RsaPublicKey merchantKey,
                                           Clock clock)
    : m_mchid(mchid.toLatin1()), m_serialNo(serialNo.toLatin1()), m_merchantKey(std::move(merchantKey)),
      m_clock(clock ? std::move(clock) : Clock(systemUnixSeconds))
{
}

SignCheck RequestAuthenticator::check(QByteArrayView method, QByteArrayView rawTarget,
                                      QByteArrayView authorization, QByteArrayView body)
{
    using R = SignCheck::Reason;
    AuthorizationHeader header;
    SignCheck result;
    if (!AuthorizationHeader::parse(authorization, &header, &result))
        return result;

    if (header.mchid != m_mchid)
        return SignCheck::fail(R::MchidMismatch,
                               u"mchid %1 is not the merchant this sandbox serves (%2)"_s.arg(
                                   QString::fromLatin1(header.mchid.left(40)), QString::fromLatin1(m_mchid)));
    // WeChat Pay compares serials without regard to hex letter case.
    if (header.serialNo.toUpper() != m_serialNo.toUpper())
        return SignCheck::fail(
            R::SerialMismatch,
            u"serial_no %1 is not the merchant API certificate's serial (%2)"_s.arg(
                QString::fromLatin1(header.serialNo.left(64)), QString::fromLatin1(m_serialNo)));
    if (!allDigits(header.timestamp) || header.timestamp.size() > 12)
        return SignCheck::fail(R::TimestampMalformed, u"timestamp must be Unix seconds (digits only)"_s);
    const qint64 now = m_clock();
    const qint64 timestamp = header.timestamp.toLongLong();
    if (qAbs(now - timestamp) > MaxSkewSeconds)
        return SignCheck::fail(
            R::TimestampExpired,
            u"timestamp %1 is %2 s away from the server time %3 (allowed: %4 s)"_s.arg(timestamp)
                .arg(now - timestamp)
                .arg(now)
                .arg(MaxSkewSeconds));

    auto signature =
        QByteArray::fromBase64Encoding(header.signature, QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || signature.decoded.isEmpty())
        return SignCheck::fail(R::SignatureMalformed, u"signature is not valid Base64"_s);
    const QByteArray message =
        RequestSigner::message(method, rawTarget, header.timestamp, header.nonce, body);
    if (!m_merchantKey.verifySha256(message, signature.decoded))
        return SignCheck::fail(
            R::SignatureMismatch,
            u"the signature does not match the message built from method, request-target, "
            "timestamp, nonce and body; the request-target signed must be exactly the one "
            "sent: %1"_s.arg(QString::fromLatin1(rawTarget.first(qMin<qsizetype>(rawTarget.size(), 512)))));

    // Only a correctly signed request consumes its nonce, so a forged request cannot burn one.
    forgetOldNonces(now);
    if (m_seenNonces.contains(header.nonce))
        return SignCheck::fail(R::NonceReused, u"nonce_str %1 was already used"_s.arg(
                                                   QString::fromLatin1(header.nonce.left(64))));
    m_seenNonces.insert(header.nonce, timestamp);
    return {};
}

void RequestAuthenticator::release(QByteArrayView authorization)
{
    AuthorizationHeader header;
    SignCheck ignored;
    if (AuthorizationHeader::parse(authorization, &header, &ignored))
        m_seenNonces.remove(header.nonce);
}

void RequestAuthenticator::forgetOldNonces(qint64 now)
{
    // A nonce older than the skew window cannot come back with a valid timestamp.
    if (now - m_lastPrune < 60)
        return;
    m_lastPrune = now;
    for (auto it = m_seenNonces.begin(); it != m_seenNonces.end();) {
        if (qAbs(now - it.value()) > 2 * MaxSkewSeconds)
            it = m_seenNonces.erase(it);
        else
            ++it;
    }
}

} // namespace fenzhang::sandbox
