#pragma once

// Hand-made results for the widget tests that need no network.

#include "api/lookupservice.h"

#include <QList>

namespace fenzhang::UiTestData {

inline ReceiverDetail receiver(qint64 amount, const QString &type, const QString &account,
                               const QString &result, const QString &failReason, const QString &detailId)
{
    ReceiverDetail r;
    r.amount = amount;
    r.description = QStringLiteral("分给商户A");
    r.type = type;
    r.account = account;
    r.result = result;
    r.failReason = failReason;
    r.createTime = WxTime::parse(QStringLiteral("2015-05-20T13:29:35+08:00"));
    r.finishTime = WxTime::parse(QStringLiteral("2015-05-20T13:29:35.120+08:00"));
    r.detailId = detailId;
    return r;
}

inline OrderResult order(const QString &state = QStringLiteral("FINISHED"))
{
    OrderResult o;
    o.subMchid = QStringLiteral("1900000109");
    o.transactionId = QStringLiteral("4208450740201411110007820472");
    o.outOrderNo = QStringLiteral("P20150806125346");
    o.orderId = QStringLiteral("3008450740201411110007820472");
    o.state = state;
    o.receivers = {
        receiver(100, QStringLiteral("MERCHANT_ID"), QStringLiteral("1900000110"), QStringLiteral("SUCCESS"),
                 {}, QStringLiteral("36011111111111111111111")),
        receiver(9007199254740993LL, QStringLiteral("PERSONAL_OPENID"),
                 QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), QStringLiteral("CLOSED"),
                 QStringLiteral("NO_RELATION"), QStringLiteral("36011111111111111111112")),
        receiver(5, QStringLiteral("PERSONAL_SUB_OPENID"), QStringLiteral("oSub=1,\"x\""),
                 QStringLiteral("PENDING"), {}, QStringLiteral("36011111111111111111113")),
    };
    return o;
}

inline LookupResult okOrder(const OrderResult &o = order())
{
    LookupResult result;
    result.kind = LookupResult::Kind::Ok;
    result.query = OrderQuery{o.subMchid, o.transactionId, o.outOrderNo};
    result.answer = o;
    result.response.outcome = ApiResponse::Outcome::Success;
    result.response.httpStatus = 200;
    result.response.verified = true;
    result.response.verification.status = Verification::Status::Verified;
    result.response.requestId = "08F78BB5AF0610D8830D9E00";
    result.response.attempts = 1;
    result.response.body = R"({"amount":9007199254740993,"state":"FINISHED","receivers":[]})";
    result.response.headers = {{"Request-ID", "08F78BB5AF0610D8830D9E00"},
                               {"Authorization", "WECHATPAY2-SHA256-RSA2048 secret"},
                               {"Wechatpay-Serial", "PUB_KEY_ID_0000"}};
    result.lookedUpAt = QDateTime::fromString(QStringLiteral("2026-11-24T12:00:00+08:00"), Qt::ISODate);
    return result;
}

} // namespace fenzhang::UiTestData
