#include "demoprofile.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fenzhang::DemoProfile {

QString idFor(Product product)
{
    return product == Product::ServiceProvider ? QString(Id) : QString(Id) + u'-' + Products::id(product);
}

ConnectionProfile fromSandboxInfo(const QJsonObject &info, Product product)
{
    ConnectionProfile profile;
    profile.id = idFor(product);
    profile.name = QCoreApplication::translate("fenzhang::DemoProfile", "DEMO — %1").arg(Products::label(product));
    profile.demo = true;
    profile.product = product;

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

    // samples.<product id>: the sandbox's numbers for this product's look-ups (docs/sandbox.md).
    const QJsonObject samples =
        info.value("samples"_L1).toObject().value(Products::jsonKey(product)).toObject();
    const QJsonObject order = samples.value("order"_L1).toObject();
    profile.sampleOrder.product = product;
    profile.sampleOrder.subMchid = order.value("sub_mchid"_L1).toString();
    profile.sampleOrder.transactionId = order.value("transaction_id"_L1).toString();
    profile.sampleOrder.outOrderNo = order.value("out_order_no"_L1).toString();
    const QJsonObject ret = samples.value("return"_L1).toObject();
    profile.sampleReturn.product = product;
    profile.sampleReturn.subMchid = ret.value("sub_mchid"_L1).toString();
    profile.sampleReturn.outReturnNo = ret.value("out_return_no"_L1).toString();
    profile.sampleReturn.orderId = ret.value("order_id"_L1).toString();
    profile.sampleReturn.outOrderNo = ret.value("out_order_no"_L1).toString();
    return profile;
}

QList<ConnectionProfile> allFromSandboxInfo(const QJsonObject &info)
{
    QList<ConnectionProfile> profiles;
    for (const Product product : Products::all())
        profiles << fromSandboxInfo(info, product);
    return profiles;
}

} // namespace fenzhang::DemoProfile
