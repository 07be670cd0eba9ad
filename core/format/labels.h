#pragma once

// Human text, in the user's language (tr()), for every code the two look-ups return, with the
// advice from WeChat Pay's documentation. Unknown codes come back as they were received.

#include <QString>

namespace fenzhang::Labels {

enum class Tone { Neutral, Good, Pending, Bad };

QString orderState(const QString &code);       // PROCESSING / FINISHED
QString orderStateAdvice(const QString &code);
QString receiverType(const QString &code);     // MERCHANT_ID / PERSONAL_OPENID / PERSONAL_SUB_OPENID
QString receiverResult(const QString &code);   // PENDING / SUCCESS / CLOSED
QString receiverFailReason(const QString &code);
QString receiverFailAdvice(const QString &code);
QString returnResult(const QString &code);     // PROCESSING / SUCCESS / FAIL (FAILED too)
QString returnResultAdvice(const QString &code);
QString returnFailReason(const QString &code);
QString returnFailAdvice(const QString &code);
QString errorCode(const QString &code);        // PARAM_ERROR, SIGN_ERROR, ...
QString errorAdvice(const QString &code);

Tone orderStateTone(const QString &code);
Tone receiverResultTone(const QString &code);
Tone returnResultTone(const QString &code);

} // namespace fenzhang::Labels
