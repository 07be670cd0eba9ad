// The demo records behind DataStore::demo(): for each product (服务商, 直连, 连锁品牌) orders,
// returns and transactions covering every order state, receiver type, receiver result, return
// result and failure reason, with the Chinese descriptions finance staff see in real answers. The
// numbers of one product are never another's, so asking the wrong endpoint finds nothing.

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

OrderRecord order(Product product, const QString &subMchid, const QString &transactionId,
                  const QString &outOrderNo, const QString &orderId, const QString &state,
                  const QList<ReceiverRecord> &receivers)
{
    OrderRecord o;
    o.product = product;
    o.subMchid = subMchid;
    o.transactionId = transactionId;
    o.outOrderNo = outOrderNo;
    o.orderId = orderId;
    o.state = state;
    o.receivers = receivers;
    return o;
}

ReturnRecord brandReturn(const QString &subMchid, const QString &orderId, const QString &outOrderNo,
                         const QString &outReturnNo, const QString &returnNo, const QString &returnMchid,
                         qint64 amount, const QString &result, const QString &failReason,
                         const QString &finishTime)
{
    ReturnRecord r;
    r.product = Product::Brand;
    r.subMchid = subMchid;
    r.orderId = orderId;
    r.outOrderNo = outOrderNo;
    r.outReturnNo = outReturnNo;
    r.returnNo = returnNo;
    r.returnMchid = returnMchid;
    r.amount = amount;
    r.result = result;
    r.failReason = failReason;
    r.finishTime = finishTime;
    return r;
}

// A 普通分账 return (return_id, description, create_time), of a service provider's sub-merchant or,
// with an empty subMchid, of a direct merchant.
ReturnRecord ordinaryReturn(const QString &subMchid, const OrderRecord &of, const QString &outReturnNo,
                            const QString &returnId, const QString &returnMchid, qint64 amount,
                            const QString &description, const QString &result, const QString &failReason,
                            const QString &createTime, const QString &finishTime)
{
    ReturnRecord r;
    r.product = subMchid.isEmpty() ? Product::Direct : Product::ServiceProvider;
    r.subMchid = subMchid;
    r.orderId = of.orderId;
    r.outOrderNo = of.outOrderNo;
    r.outReturnNo = outReturnNo;
    r.returnNo = returnId;
    r.returnMchid = returnMchid;
    r.amount = amount;
    r.description = description;
    r.result = result;
    r.failReason = failReason;
    r.createTime = createTime;
    r.finishTime = finishTime;
    return r;
}

TransactionRecord transaction(Product product, const QString &transactionId, qint64 unsplitAmount,
                              bool profitSharing = true)
{
    return TransactionRecord{product, transactionId, unsplitAmount, profitSharing};
}

} // namespace

DataStore DataStore::demo()
{
    DataStore store;
    const QString sub = u"1900000109"_s;
    const QString created = u"2025-11-20T10:15:30+08:00"_s;
    const QString finished = u"2025-11-20T10:16:02+08:00"_s;

    // The sample: finished, three receivers of the three types, all paid.
    store.addOrder(
        order(Product::ServiceProvider, sub, u"4208450740202511201234567890"_s, u"P20251120101530001"_s,
              u"30000000012025112012345678901234"_s, u"FINISHED"_s,
              {receiver(12800, u"分给商户1900000110（平台服务费）"_s, u"MERCHANT_ID"_s, u"1900000110"_s,
                        u"SUCCESS"_s, {}, created, finished, u"36011111111111111111111"_s),
               receiver(3500, u"分给门店店长（销售提成）"_s, u"PERSONAL_OPENID"_s,
                        u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s, u"SUCCESS"_s, {}, created, finished,
                        u"36011111111111111111112"_s),
               receiver(1200, u"分给导购员（子商户公众号用户）"_s, u"PERSONAL_SUB_OPENID"_s,
                        u"oQmGd5Xq9bT2kLzP0sJ7wVrYc3Nf"_s, u"SUCCESS"_s, {}, created, finished,
                        u"36011111111111111111113"_s)}));

    // Still processing: the receivers are pending.
    store.addOrder(order(
        Product::ServiceProvider, sub, u"4208450740202511211234567891"_s, u"P20251121090000002"_s,
        u"30000000012025112112345678902345"_s, u"PROCESSING"_s,
        {receiver(50000, u"分给商户1900000111（供应商货款）"_s, u"MERCHANT_ID"_s, u"1900000111"_s,
                  u"PENDING"_s, {}, u"2025-11-21T09:00:00+08:00"_s, {}, u"36011111111111111111121"_s),
         receiver(800, u"分给个人用户（推广佣金）"_s, u"PERSONAL_OPENID"_s, u"oUpF8uN3kQ7rT5yZ1aB2cD3eF4gH"_s,
                  u"PENDING"_s, {}, u"2025-11-21T09:00:00+08:00"_s, {}, u"36011111111111111111122"_s)}));

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
    OrderRecord failed =
        order(Product::ServiceProvider, sub, u"4208450740202511221234567892"_s, u"P20251122143000003"_s,
              u"30000000012025112212345678903456"_s, u"FINISHED"_s, {});
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
    store.addOrder(order(Product::ServiceProvider, sub, u"4208450740202511231234567893"_s,
                         u"P20251123080000004"_s, u"30000000012025112312345678904567"_s, u"FINISHED"_s,
                         {receiver(6600, u"解冻给分账方"_s, u"MERCHANT_ID"_s, sub, u"SUCCESS"_s, {},
                                   u"2025-11-23T08:00:00.120+08:00"_s, u"2025-11-23T08:00:01.350+08:00"_s,
                                   u"36011111111111111111151"_s),
                          receiver(2400, u"分给个人用户（活动奖励）"_s, u"PERSONAL_OPENID"_s,
                                   u"oUpF8uPq2Wd4Rt6Yu8Io0Pa1Sd3F"_s, u"CLOSED"_s, u"RECEIVER_HIGH_RISK"_s,
                                   u"2025-11-23T08:00:00.120+08:00"_s, u"2025-11-23T08:00:02.000+08:00"_s,
                                   u"36011111111111111111152"_s)}));

    // A merchant order number using every special character the API allows (|, *, @, _ and -):
    // its request-target must be percent-encoded and signed exactly as sent.
    store.addOrder(order(Product::ServiceProvider, sub, u"4208450740202511241234567894"_s,
                         u"P2025|11*24@A_B-005"_s, u"30000000012025112412345678905678"_s, u"FINISHED"_s,
                         {receiver(990, u"分给商户1900000113"_s, u"MERCHANT_ID"_s, u"1900000113"_s,
                                   u"SUCCESS"_s, {}, created, finished, u"36011111111111111111161"_s)}));

    // Brand returns (连锁品牌, FAIL): the sample (success), processing, and one failure per reason.
    // They name the 服务商 orders above, as they did before the sandbox had products; tools and
    // tests use their numbers. The brand orders' own return is further down.
    const QString returnOrderId = u"30000000012025112012345678901234"_s;
    store.addReturn(brandReturn(sub, returnOrderId, u"P20251120101530001"_s, u"R20251121100000001"_s,
                                u"3008450740202511210000000001"_s, u"1900000110"_s, 1000, u"SUCCESS"_s, {},
                                u"2025-11-21T10:00:05.120+08:00"_s));
    store.addReturn(brandReturn(sub, returnOrderId, u"P20251120101530001"_s, u"R20251121110000002"_s,
                                u"3008450740202511210000000002"_s, u"1900000110"_s, 500, u"PROCESSING"_s, {},
                                {}));
    const QStringList returnReasons = {u"ACCOUNT_ABNORMAL"_s, u"TIME_OUT_CLOSED"_s,
                                       u"PAYER_ACCOUNT_ABNORMAL"_s, u"INVALID_REQUEST"_s};
    for (qsizetype i = 0; i < returnReasons.size(); ++i) {
        store.addReturn(brandReturn(sub, u"30000000012025112212345678903456"_s, u"P20251122143000003"_s,
                                    u"R2025112215000000%1"_s.arg(3 + i),
                                    u"300845074020251122000000000%1"_s.arg(3 + i), u"1900000112"_s,
                                    100 * (i + 1), u"FAIL"_s, returnReasons.at(i),
                                    u"2025-11-22T15:00:0%1+08:00"_s.arg(i)));
    }

    // 普通分账 returns of the service provider's sub-merchant (return_id, FAILED): the sample
    // (success), processing, and one failure per reason, taken back from receivers that were paid.
    const OrderRecord paid = store.orders().at(0);
    const OrderRecord withFailures = store.orders().at(2);
    store.addReturn(ordinaryReturn(sub, paid, u"R20251127100000011"_s, u"3008450740202511270000000011"_s,
                                   u"1900000110"_s, 800, u"用户部分退款，回退平台服务费"_s, u"SUCCESS"_s, {},
                                   u"2025-11-27T10:00:00+08:00"_s, u"2025-11-27T10:00:02.350+08:00"_s));
    store.addReturn(ordinaryReturn(sub, paid, u"R20251127110000012"_s, u"3008450740202511270000000012"_s,
                                   u"1900000110"_s, 300, u"用户部分退款，回退平台服务费"_s, u"PROCESSING"_s,
                                   {}, u"2025-11-27T11:00:00+08:00"_s, {}));
    const QStringList ordinaryReasons = {u"ACCOUNT_ABNORMAL"_s, u"PAYER_ACCOUNT_ABNORMAL"_s,
                                         u"INVALID_REQUEST"_s, u"BALANCE_NOT_ENOUGH"_s, u"TIME_OUT_CLOSED"_s};
    for (qsizetype i = 0; i < ordinaryReasons.size(); ++i) {
        // A return still processing after 5 days is closed as failed (TIME_OUT_CLOSED).
        const bool timedOut = ordinaryReasons.at(i) == u"TIME_OUT_CLOSED"_s;
        store.addReturn(
            ordinaryReturn(sub, withFailures, u"R2025112715000001%1"_s.arg(3 + i),
                           u"300845074020251127000000001%1"_s.arg(3 + i), u"1900000112"_s, 100 * (i + 1),
                           u"用户退款，回退加盟管理费"_s, u"FAILED"_s, ordinaryReasons.at(i),
                           timedOut ? u"2025-11-22T15:00:00+08:00"_s : u"2025-11-27T15:00:00+08:00"_s,
                           u"2025-11-27T15:00:0%1+08:00"_s.arg(i + 1)));
    }

    // The direct merchant's own orders and returns (no sub_mchid): other numbers than the
    // sub-merchant's, so the wrong product finds nothing.
    const OrderRecord direct =
        order(Product::Direct, {}, u"4208450740202511251234567895"_s, u"P20251125093000011"_s,
              u"30000000012025112512345678906789"_s, u"FINISHED"_s,
              {receiver(6000, u"分给商户1900000121（平台服务费）"_s, u"MERCHANT_ID"_s, u"1900000121"_s,
                        u"SUCCESS"_s, {}, u"2025-11-25T09:30:00+08:00"_s, u"2025-11-25T09:30:31+08:00"_s,
                        u"36011111111111111111171"_s),
               receiver(1800, u"分给个人用户（推广佣金）"_s, u"PERSONAL_OPENID"_s,
                        u"oUpF8uDk3mN5pQ7rS9tU1vW3xY5z"_s, u"SUCCESS"_s, {}, u"2025-11-25T09:30:00+08:00"_s,
                        u"2025-11-25T09:30:31+08:00"_s, u"36011111111111111111172"_s)});
    store.addOrder(direct);
    store.addOrder(
        order(Product::Direct, {}, u"4208450740202511261234567896"_s, u"P20251126110000012"_s,
              u"30000000012025112612345678907890"_s, u"PROCESSING"_s,
              {receiver(30000, u"分给商户1900000122（供应商货款）"_s, u"MERCHANT_ID"_s, u"1900000122"_s,
                        u"PENDING"_s, {}, u"2025-11-26T11:00:00+08:00"_s, {}, u"36011111111111111111181"_s),
               receiver(1200, u"分给个人用户（推广佣金）"_s, u"PERSONAL_OPENID"_s,
                        u"oUpF8uEe4nO6qR8sT0uV2wX4yZ6a"_s, u"PENDING"_s, {}, u"2025-11-26T11:00:00+08:00"_s,
                        {}, u"36011111111111111111182"_s)}));
    store.addReturn(ordinaryReturn({}, direct, u"R20251127140000021"_s, u"3008450740202511270000000021"_s,
                                   u"1900000121"_s, 2000, u"用户退款，回退平台服务费"_s, u"SUCCESS"_s, {},
                                   u"2025-11-27T14:00:00+08:00"_s, u"2025-11-27T14:00:01.200+08:00"_s));
    store.addReturn(ordinaryReturn({}, direct, u"R20251127140000022"_s, u"3008450740202511270000000022"_s,
                                   u"1900000121"_s, 1000, u"用户退款，回退平台服务费"_s, u"FAILED"_s,
                                   u"BALANCE_NOT_ENOUGH"_s, u"2025-11-27T14:05:00+08:00"_s,
                                   u"2025-11-27T14:05:00.800+08:00"_s));
    store.addReturn(ordinaryReturn({}, direct, u"R20251127140000023"_s, u"3008450740202511270000000023"_s,
                                   u"1900000121"_s, 500, u"用户退款，回退平台服务费"_s, u"PROCESSING"_s, {},
                                   u"2025-11-27T14:10:00+08:00"_s, {}));

    // 连锁品牌分账 of a store (sub_mchid 1900000209): "status", receivers without create_time, and
    // the 分账完结 (finish) of the sample's payment with finish_amount / finish_description.
    const QString store209 = u"1900000209"_s;
    const QString brandPaid = u"4208450740202511281234567897"_s;
    const QString brandFinished = u"2025-11-28T10:00:35+08:00"_s;
    const OrderRecord brand = order(
        Product::Brand, store209, brandPaid, u"P20251128100000021"_s, u"30000000012025112812345678908901"_s,
        u"FINISHED"_s,
        {receiver(8800, u"分给品牌主1900000210（品牌管理费）"_s, u"MERCHANT_ID"_s, u"1900000210"_s,
                  u"SUCCESS"_s, {}, {}, brandFinished, u"36011111111111111111191"_s),
         receiver(1500, u"分给导购（销售提成）"_s, u"PERSONAL_OPENID"_s, u"oUpF8uFf5oP7rS9tU1vW3xY5zA7b"_s,
                  u"SUCCESS"_s, {}, {}, brandFinished, u"36011111111111111111192"_s),
         receiver(600, u"分给会员（品牌主公众号用户，推荐奖励）"_s, u"PERSONAL_SUB_OPENID"_s,
                  u"oQmGd5Yr0cU3lMaQ1tK8xWsZd4Og"_s, u"SUCCESS"_s, {}, {}, brandFinished,
                  u"36011111111111111111193"_s)});
    store.addOrder(brand);
    store.addOrder(order(Product::Brand, store209, u"4208450740202511291234567898"_s, u"P20251129080000022"_s,
                         u"30000000012025112912345678909012"_s, u"PROCESSING"_s,
                         {receiver(12000, u"分给品牌主1900000210（品牌管理费）"_s, u"MERCHANT_ID"_s,
                                   u"1900000210"_s, u"PENDING"_s, {}, {}, {}, u"36011111111111111111201"_s),
                          receiver(900, u"分给会员（品牌主公众号用户，推荐奖励）"_s, u"PERSONAL_SUB_OPENID"_s,
                                   u"oQmGd5Zs1dV4mNbR2uL9yXtAe5Ph"_s, u"CLOSED"_s, u"NO_RELATION"_s, {},
                                   u"2025-11-29T08:00:03+08:00"_s, u"36011111111111111111202"_s)}));
    OrderRecord finish =
        order(Product::Brand, store209, brandPaid, u"P20251128180000023"_s,
              u"30000000012025112812345678909123"_s, u"FINISHED"_s,
              {receiver(4100, u"解冻给分账方"_s, u"MERCHANT_ID"_s, store209, u"SUCCESS"_s, {}, {},
                        u"2025-11-28T18:00:02+08:00"_s, u"36011111111111111111194"_s)});
    finish.finishAmount = 4100;
    finish.finishDescription = u"分账完结，解冻剩余资金"_s;
    store.addOrder(finish);
    store.addReturn(brandReturn(store209, brand.orderId, brand.outOrderNo, u"R20251129100000031"_s,
                                u"3008450740202511290000000031"_s, u"1900000210"_s, 800, u"SUCCESS"_s, {},
                                u"2025-11-29T10:00:01.500+08:00"_s));

    // 查询剩余待分金额: what is still frozen on each payment. Finished splits whose rest was
    // unfrozen have 0; a split in progress or a finished one not yet 完结 keeps money; closed
    // receivers' money is back to be split. One payment per path was not made for profit sharing.
    using P = Product;
    for (const TransactionRecord &record : {
             transaction(P::ServiceProvider, u"4208450740202511201234567890"_s, 0),
             transaction(P::ServiceProvider, u"4208450740202511211234567891"_s, 9200),
             transaction(P::ServiceProvider, u"4208450740202511221234567892"_s, 3600),
             transaction(P::ServiceProvider, u"4208450740202511231234567893"_s, 0),
             transaction(P::ServiceProvider, u"4208450740202511241234567894"_s, 0),
             transaction(P::ServiceProvider, u"4208450740202511301234567899"_s, 0, false),
             transaction(P::Direct, u"4208450740202511251234567895"_s, 2200),
             transaction(P::Direct, u"4208450740202511261234567896"_s, 8800),
             transaction(P::Brand, brandPaid, 0),
             transaction(P::Brand, u"4208450740202511291234567898"_s, 15000),
             transaction(P::Brand, u"4208450740202511301234567900"_s, 0, false),
         })
        store.addTransaction(record);
    return store;
}

} // namespace fenzhang::sandbox
