#include "format/labels.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fenzhang::Labels {

namespace {

// One row per code: the untranslated English text, looked up by code and translated on use so a
// language switch takes effect without rebuilding anything. Unknown codes pass through unchanged.
struct Entry {
    const char *code;
    const char *text;
};

template <std::size_t N> QString lookup(const Entry (&table)[N], const QString &code, bool passThrough)
{
    for (const Entry &entry : table) {
        if (code == QLatin1String(entry.code))
            return QCoreApplication::translate("fenzhang::Labels", entry.text);
    }
    return passThrough ? code : QString();
}

const Entry orderStates[] = {
    {"PROCESSING", QT_TRANSLATE_NOOP("fenzhang::Labels", "Processing")},
    {"FINISHED", QT_TRANSLATE_NOOP("fenzhang::Labels", "Finished")},
};

const Entry orderStateAdvices[] = {
    {"PROCESSING",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "Not final yet: query again later until the state is Finished.")},
    {"FINISHED",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "Final: the transfers have been executed. Check each receiver's result; "
                                 "Finished does not mean every receiver was paid.")},
};

const Entry receiverTypes[] = {
    {"MERCHANT_ID", QT_TRANSLATE_NOOP("fenzhang::Labels", "Merchant ID")},
    {"PERSONAL_OPENID", QT_TRANSLATE_NOOP("fenzhang::Labels", "Personal OpenID (service provider's app)")},
    {"PERSONAL_SUB_OPENID", QT_TRANSLATE_NOOP("fenzhang::Labels", "Personal OpenID (sub-merchant's app)")},
};

const Entry receiverResults[] = {
    {"PENDING", QT_TRANSLATE_NOOP("fenzhang::Labels", "Pending")},
    {"SUCCESS", QT_TRANSLATE_NOOP("fenzhang::Labels", "Succeeded")},
    {"CLOSED", QT_TRANSLATE_NOOP("fenzhang::Labels", "Closed")},
};

const Entry receiverFailReasons[] = {
    {"ACCOUNT_ABNORMAL", QT_TRANSLATE_NOOP("fenzhang::Labels", "Receiver account abnormal")},
    {"NO_RELATION", QT_TRANSLATE_NOOP("fenzhang::Labels", "Receiver relation removed")},
    {"RECEIVER_HIGH_RISK", QT_TRANSLATE_NOOP("fenzhang::Labels", "High-risk receiver")},
    {"RECEIVER_REAL_NAME_NOT_VERIFIED", QT_TRANSLATE_NOOP("fenzhang::Labels", "Receiver not real-name verified")},
    {"NO_AUTH", QT_TRANSLATE_NOOP("fenzhang::Labels", "Profit-sharing permission removed")},
    {"RECEIVER_RECEIPT_LIMIT", QT_TRANSLATE_NOOP("fenzhang::Labels", "Receiver's receipt limit reached")},
    {"PAYER_ACCOUNT_ABNORMAL", QT_TRANSLATE_NOOP("fenzhang::Labels", "Payer account abnormal")},
    {"INVALID_REQUEST", QT_TRANSLATE_NOOP("fenzhang::Labels", "Invalid request parameters")},
};

const Entry receiverFailAdvices[] = {
    {"ACCOUNT_ABNORMAL",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "The receiver's account is abnormal (for example frozen or closed). "
                                 "Ask the receiver to check the account, then share again.")},
    {"NO_RELATION",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "There is no profit-sharing relation with this receiver. Add the receiver "
                                 "first (添加分账接收方), then send a new profit-sharing request.")},
    {"RECEIVER_HIGH_RISK",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "WeChat Pay's risk control refused this receiver. Share to another "
                                 "receiver or contact WeChat Pay support with the Request-ID.")},
    {"RECEIVER_REAL_NAME_NOT_VERIFIED",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "The receiver must complete real-name verification in "
                                 "WeChat, then share again.")},
    {"NO_AUTH",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "The sub-merchant's profit-sharing authorisation was removed. Have the "
                                 "sub-merchant authorise profit sharing again, then share again.")},
    {"RECEIVER_RECEIPT_LIMIT",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "The receiver has reached the limit on what it may receive. Share "
                                 "again after the limit resets, or to another receiver.")},
    {"PAYER_ACCOUNT_ABNORMAL",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "The paying sub-merchant's account is abnormal (for example "
                                 "frozen). Check its status on the merchant platform.")},
    {"INVALID_REQUEST",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "A parameter of the profit-sharing request (such as the description) was "
                                 "not accepted. Correct it and send a new request.")},
};

const Entry returnResults[] = {
    {"PROCESSING", QT_TRANSLATE_NOOP("fenzhang::Labels", "Processing")},
    {"SUCCESS", QT_TRANSLATE_NOOP("fenzhang::Labels", "Succeeded")},
    {"FAIL", QT_TRANSLATE_NOOP("fenzhang::Labels", "Failed")},
    {"FAILED", QT_TRANSLATE_NOOP("fenzhang::Labels", "Failed")},
};

const Entry returnResultAdvices[] = {
    {"PROCESSING",
     QT_TRANSLATE_NOOP("fenzhang::Labels",
                       "Not final yet: query again later. If you send the return again, use the SAME "
                       "out_return_no and the same parameters, never a new number, or funds are at "
                       "risk. A return still processing after 5 days is closed as failed.")},
    {"SUCCESS", QT_TRANSLATE_NOOP("fenzhang::Labels", "Final: the amount was returned from the receiver.")},
    {"FAIL", QT_TRANSLATE_NOOP("fenzhang::Labels", "Final: the return failed. See the failure reason.")},
    {"FAILED", QT_TRANSLATE_NOOP("fenzhang::Labels", "Final: the return failed. See the failure reason.")},
};

const Entry returnFailReasons[] = {
    {"ACCOUNT_ABNORMAL", QT_TRANSLATE_NOOP("fenzhang::Labels", "Original receiver's account abnormal")},
    {"TIME_OUT_CLOSED", QT_TRANSLATE_NOOP("fenzhang::Labels", "Closed after timing out")},
    {"PAYER_ACCOUNT_ABNORMAL", QT_TRANSLATE_NOOP("fenzhang::Labels", "Original payer's account abnormal")},
    {"INVALID_REQUEST", QT_TRANSLATE_NOOP("fenzhang::Labels", "Invalid request parameters")},
    {"BALANCE_NOT_ENOUGH", QT_TRANSLATE_NOOP("fenzhang::Labels", "Receiver's balance not enough")},
};

const Entry returnFailAdvices[] = {
    {"BALANCE_NOT_ENOUGH",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "The receiver's account does not hold the amount to return. Ask the "
                                 "receiver to top it up, then send the return again with the same out_return_no.")},
    {"ACCOUNT_ABNORMAL",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "The account of the original receiver is abnormal. Ask the receiver to "
                                 "check the account before returning again.")},
    {"TIME_OUT_CLOSED",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "The return stayed processing for 5 days and was closed as failed. Check "
                                 "the receiver's balance, then send a new return.")},
    {"PAYER_ACCOUNT_ABNORMAL",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "The account of the original payer (the sub-merchant) is abnormal. "
                                 "Check its status on the merchant platform.")},
    {"INVALID_REQUEST",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "A parameter of the return request (such as the description) was not "
                                 "accepted. Correct it and send the return again.")},
};

const Entry errorCodes[] = {
    {"PARAM_ERROR", QT_TRANSLATE_NOOP("fenzhang::Labels", "Parameter error")},
    {"INVALID_REQUEST", QT_TRANSLATE_NOOP("fenzhang::Labels", "Request does not follow the API rules")},
    {"SIGN_ERROR", QT_TRANSLATE_NOOP("fenzhang::Labels", "Signature rejected")},
    {"NO_AUTH", QT_TRANSLATE_NOOP("fenzhang::Labels", "No permission")},
    {"RESOURCE_NOT_EXISTS", QT_TRANSLATE_NOOP("fenzhang::Labels", "Record not found")},
    {"RATELIMIT_EXCEED", QT_TRANSLATE_NOOP("fenzhang::Labels", "Too many requests")},
    {"FREQUENCY_LIMITED", QT_TRANSLATE_NOOP("fenzhang::Labels", "Queried too often")},
    {"SYSTEM_ERROR", QT_TRANSLATE_NOOP("fenzhang::Labels", "WeChat Pay system error")},
};

const Entry errorAdvices[] = {
    {"PARAM_ERROR",
     QT_TRANSLATE_NOOP("fenzhang::Labels",
                       "A parameter is wrong. Correct it as the error message says and query again.")},
    {"INVALID_REQUEST",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "The request does not follow the WeChat Pay APIv3 rules. Check the "
                                 "message and detail.")},
    {"SIGN_ERROR",
     QT_TRANSLATE_NOOP("fenzhang::Labels",
                       "WeChat Pay could not verify the signature. Check the merchant ID, the merchant "
                       "certificate serial number and that the private key belongs to that "
                       "certificate.")},
    {"NO_AUTH", QT_TRANSLATE_NOOP(
                    "fenzhang::Labels", "This merchant may not query this record. Check that sub_mchid belongs to this "
                              "service provider and that profit sharing is authorised.")},
    {"RESOURCE_NOT_EXISTS",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "No such record. Check the numbers you entered and the sub_mchid.")},
    {"FREQUENCY_LIMITED", QT_TRANSLATE_NOOP("fenzhang::Labels", "Too many queries. Wait a moment, then retry.")},
    {"SYSTEM_ERROR",
     QT_TRANSLATE_NOOP("fenzhang::Labels", "WeChat Pay had a temporary problem. Retry later with the same numbers.")},
};

} // namespace

QString orderState(const QString &code)
{
    return lookup(orderStates, code, true);
}
QString orderStateAdvice(const QString &code)
{
    return lookup(orderStateAdvices, code, false);
}
QString receiverType(const QString &code)
{
    return lookup(receiverTypes, code, true);
}
QString receiverResult(const QString &code)
{
    return lookup(receiverResults, code, true);
}
QString receiverFailReason(const QString &code)
{
    return lookup(receiverFailReasons, code, true);
}
QString receiverFailAdvice(const QString &code)
{
    return lookup(receiverFailAdvices, code, false);
}
QString returnResult(const QString &code)
{
    return lookup(returnResults, code, true);
}
QString returnResultAdvice(const QString &code)
{
    return lookup(returnResultAdvices, code, false);
}
QString returnFailReason(const QString &code)
{
    return lookup(returnFailReasons, code, true);
}
QString returnFailAdvice(const QString &code)
{
    return lookup(returnFailAdvices, code, false);
}
QString errorCode(const QString &code)
{
    return lookup(errorCodes, code, true);
}
QString errorAdvice(const QString &code)
{
    return lookup(errorAdvices, code, false);
}

Tone orderStateTone(const QString &code)
{
    if (code == "FINISHED"_L1)
        return Tone::Good;
    if (code == "PROCESSING"_L1)
        return Tone::Pending;
    return Tone::Neutral;
}

Tone receiverResultTone(const QString &code)
{
    if (code == "SUCCESS"_L1)
        return Tone::Good;
    if (code == "PENDING"_L1)
        return Tone::Pending;
    if (code == "CLOSED"_L1)
        return Tone::Bad;
    return Tone::Neutral;
}

Tone returnResultTone(const QString &code)
{
    if (code == "SUCCESS"_L1)
        return Tone::Good;
    if (code == "PROCESSING"_L1)
        return Tone::Pending;
    if (code == "FAIL"_L1 || code == "FAILED"_L1)
        return Tone::Bad;
    return Tone::Neutral;
}

} // namespace fenzhang::Labels
