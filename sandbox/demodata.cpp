// The demo records behind DataStore::demo(): every order state, receiver type, receiver result and
// failure reason of the two APIs, with the Chinese descriptions finance staff see in real answers.

#include "datastore.h"

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

namespace {

ReceiverRecord receiver(qint64 amount, const QString &description, const QString &type,
                        const QString &account, const QString &result, const QString &failReason,
                        const QString &createTime, const QString &finishTime, const QString &detailId)
{
    return ReceiverRecord{amount,     description, type,       account, result,
                          failReason, createTime,  finishTime, detailId};
}

} // namespace

DataStore DataStore::demo()
{
    DataStore store;
    const QString sub = u"1900000109"_s;
    const QString created = u"2025-11-20T10:15:30+08:00"_s;
    const QString finished = u"2025-11-20T10:16:02+08:00"_s;

    // The sample: finished, three receivers of the three types, all paid.
    store.addOrder({sub,
                    u"4208450740202511201234567890"_s,
                    u"P20251120101530001"_s,
                    u"30000000012025112012345678901234"_s,
                    u"FINISHED"_s,
                    {receiver(12800, u"分给商户1900000110（平台服务费）"_s, u"MERCHANT_ID"_s, u"1900000110"_s,
                              u"SUCCESS"_s, {}, created, finished, u"36011111111111111111111"_s),
                     receiver(3500, u"分给门店店长（销售提成）"_s, u"PERSONAL_OPENID"_s,
                              u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s, u"SUCCESS"_s, {}, created, finished,
                              u"36011111111111111111112"_s),
                     receiver(1200, u"分给导购员（子商户公众号用户）"_s, u"PERSONAL_SUB_OPENID"_s,
                              u"oQmGd5Xq9bT2kLzP0sJ7wVrYc3Nf"_s, u"SUCCESS"_s, {}, created, finished,
                              u"36011111111111111111113"_s)}});

    // Still processing: the receivers are pending.
    store.addOrder(
        {sub,
         u"4208450740202511211234567891"_s,
         u"P20251121090000002"_s,
         u"30000000012025112112345678902345"_s,
         u"PROCESSING"_s,
         {receiver(50000, u"分给商户1900000111（供应商货款）"_s, u"MERCHANT_ID"_s, u"1900000111"_s,
                   u"PENDING"_s, {}, u"2025-11-21T09:00:00+08:00"_s, {}, u"36011111111111111111121"_s),
          receiver(800, u"分给个人用户（推广佣金）"_s, u"PERSONAL_OPENID"_s,
                   u"oUpF8uN3kQ7rT5yZ1aB2cD3eF4gH"_s, u"PENDING"_s, {}, u"2025-11-21T09:00:00+08:00"_s, {},
                   u"36011111111111111111122"_s)}});

    // Finished with failures: one receiver per failure reason of the order API.
    const QStringList reasons = {u"ACCOUNT_ABNORMAL"_s,
                                 u"NO_RELATION"_s,
                                 u"RECEIVER_HIGH_RISK"_s,
                                 u"RECEIVER_REAL_NAME_NOT_VERIFIED"_s,
                                 u"NO_AUTH"_s,
                                 u"RECEIVER_RECEIPT_LIMIT"_s,
                                 u"PAYER_ACCOUNT_ABNORMAL"_s,
                                 u"INVALID_REQUEST"_s};
    const QStringList reasonText = {
        u"分账接收方账户异常"_s, u"未添加分账接收方关系"_s,   u"分账接收方存在风险"_s, u"分账接收方未实名"_s,
        u"分账权限已解除"_s,     u"分账接收方已达收款限额"_s, u"分账出资方账户异常"_s, u"描述参数设置失败"_s};
    OrderRecord failed{sub,
                       u"4208450740202511221234567892"_s,
                       u"P20251122143000003"_s,
                       u"30000000012025112212345678903456"_s,
                       u"FINISHED"_s,
                       {}};
    failed.receivers.append(receiver(20000, u"分给商户1900000112（加盟管理费）"_s, u"MERCHANT_ID"_s,
                                     u"1900000112"_s, u"SUCCESS"_s, {}, u"2025-11-22T14:30:00+08:00"_s,
                                     u"2025-11-22T14:30:41+08:00"_s, u"36011111111111111111130"_s));
    for (qsizetype i = 0; i < reasons.size(); ++i) {
        const bool merchant = i % 3 == 0;
        const QString type =
            merchant ? u"MERCHANT_ID"_s : (i % 3 == 1 ? u"PERSONAL_OPENID"_s : u"PERSONAL_SUB_OPENID"_s);
        const QString account =
            merchant ? u"19000001%1"_s.arg(20 + i) : u"oUpF8uFail%1xYz0123456789abcd"_s.arg(i);
        failed.receivers.append(receiver(100 * (i + 1), u"分账失败示例：%1"_s.arg(reasonText.at(i)), type,
                                         account, u"CLOSED"_s, reasons.at(i), u"2025-11-22T14:30:00+08:00"_s,
                                         u"2025-11-22T14:31:05+08:00"_s,
                                         u"3601111111111111111114%1"_s.arg(i)));
    }
    store.addOrder(failed);

    // Mixed: pending, paid and closed in one finished order (unfreezing the rest to the payer).
    store.addOrder({sub,
                    u"4208450740202511231234567893"_s,
                    u"P20251123080000004"_s,
                    u"30000000012025112312345678904567"_s,
                    u"FINISHED"_s,
                    {receiver(6600, u"解冻给分账方"_s, u"MERCHANT_ID"_s, sub, u"SUCCESS"_s, {},
                              u"2025-11-23T08:00:00.120+08:00"_s, u"2025-11-23T08:00:01.350+08:00"_s,
                              u"36011111111111111111151"_s),
                     receiver(2400, u"分给个人用户（活动奖励）"_s, u"PERSONAL_OPENID"_s,
                              u"oUpF8uPq2Wd4Rt6Yu8Io0Pa1Sd3F"_s, u"CLOSED"_s, u"RECEIVER_HIGH_RISK"_s,
                              u"2025-11-23T08:00:00.120+08:00"_s, u"2025-11-23T08:00:02.000+08:00"_s,
                              u"36011111111111111111152"_s)}});

    // A merchant order number using every special character the API allows (|, *, @, _ and -):
    // its request-target must be percent-encoded and signed exactly as sent.
    store.addOrder({sub,
                    u"4208450740202511241234567894"_s,
                    u"P2025|11*24@A_B-005"_s,
                    u"30000000012025112412345678905678"_s,
                    u"FINISHED"_s,
                    {receiver(990, u"分给商户1900000113"_s, u"MERCHANT_ID"_s, u"1900000113"_s, u"SUCCESS"_s,
                              {}, created, finished, u"36011111111111111111161"_s)}});

    // Returns: the sample (success), processing, and one failure per reason.
    const QString returnOrderId = u"30000000012025112012345678901234"_s;
    store.addReturn({sub,
                     returnOrderId,
                     u"P20251120101530001"_s,
                     u"R20251121100000001"_s,
                     u"3008450740202511210000000001"_s,
                     u"1900000110"_s,
                     1000,
                     u"SUCCESS"_s,
                     {},
                     u"2025-11-21T10:00:05.120+08:00"_s});
    store.addReturn({sub,
                     returnOrderId,
                     u"P20251120101530001"_s,
                     u"R20251121110000002"_s,
                     u"3008450740202511210000000002"_s,
                     u"1900000110"_s,
                     500,
                     u"PROCESSING"_s,
                     {},
                     {}});
    const QStringList returnReasons = {u"ACCOUNT_ABNORMAL"_s, u"TIME_OUT_CLOSED"_s,
                                       u"PAYER_ACCOUNT_ABNORMAL"_s, u"INVALID_REQUEST"_s};
    for (qsizetype i = 0; i < returnReasons.size(); ++i) {
        store.addReturn({sub, u"30000000012025112212345678903456"_s, u"P20251122143000003"_s,
                         u"R2025112215000000%1"_s.arg(3 + i), u"300845074020251122000000000%1"_s.arg(3 + i),
                         u"1900000112"_s, 100 * (i + 1), u"FAIL"_s, returnReasons.at(i),
                         u"2025-11-22T15:00:0%1+08:00"_s.arg(i)});
    }
    return store;
}

} // namespace fenzhang::sandbox
