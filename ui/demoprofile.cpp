#include "demoprofile.h"

#include "deskproduct.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fenzhang::DemoProfile {

ConnectionProfile fromSandboxInfo(const QJsonObject &info)
{
    ConnectionProfile profile;
    profile.id = Id;
    profile.name = QCoreApplication::translate("fenzhang::DemoProfile", "DEMO — built-in sandbox");
    profile.demo = true;

    ConnectionSettings &s = profile.settings;
    s.merchant.mchid = info.value("mchid"_L1).toString();
    s.merchant.privateKeyFile = info.value("merchant_private_key"_L1).toString();
    s.merchant.certificateFile = info.value("merchant_certificate"_L1).toString();
    if (s.merchant.certificateFile.isEmpty())
        s.merchant.serialNo = info.value("serial_no"_L1).toString();
    s.wechatpay.publicKeyId = info.value("wechatpay_public_key_id"_L1).toString();
    s.wechatpay.publicKeyFile = info.value("wechatpay_public_key"_L1).toString();
    s.client.primaryUrl = QUrl(info.value("url"_L1).toString());
    s.client.backupUrl = QUrl(); // one local server: nothing to fail over to
    s.client.caFile = info.value("ca_file"_L1).toString();

    const QJsonObject samples = info.value("samples"_L1).toObject();
    const QJsonObject order = samples.value("order"_L1).toObject();
    profile.sampleOrder.subMchid = order.value("sub_mchid"_L1).toString();
    profile.sampleOrder.transactionId = order.value("transaction_id"_L1).toString();
    profile.sampleOrder.outOrderNo = order.value("out_order_no"_L1).toString();
    const QJsonObject ret = samples.value("return"_L1).toObject();
    profile.sampleReturn.product = deskProduct(LookupKind::Return);
    profile.sampleReturn.subMchid = ret.value("sub_mchid"_L1).toString();
    profile.sampleReturn.outReturnNo = ret.value("out_return_no"_L1).toString();
    profile.sampleReturn.orderId = ret.value("order_id"_L1).toString();
    profile.sampleReturn.outOrderNo = ret.value("out_order_no"_L1).toString();
    return profile;
}

} // namespace fenzhang::DemoProfile
