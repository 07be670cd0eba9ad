#include "lookup/queries.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

bool allDigits(const QString &value)
{
    for (const QChar c : value) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// out_order_no and out_return_no: 0-9a-zA-Z_-|*@ per the API documents.
bool merchantNumberChars(const QString &value)
{
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                        u == u'_' || u == u'-' || u == u'|' || u == u'*' || u == u'@';
        if (!ok)
            return false;
    }
    return true;
}

void checkDigits(QList<FieldError> &errors, const QString &field, const QString &value, int maxLength,
                 bool required)
{
    if (value.isEmpty()) {
        if (required)
            errors.append({field, QCoreApplication::translate("fenzhang::Validation", "Required.")});
        return;
    }
    if (!allDigits(value))
        errors.append({field, QCoreApplication::translate("fenzhang::Validation", "Digits only.")});
    else if (value.size() > maxLength)
        errors.append(
            {field, QCoreApplication::translate("fenzhang::Validation", "At most %n digits.", nullptr, maxLength)});
}

void checkMerchantNumber(QList<FieldError> &errors, const QString &field, const QString &value, bool required)
{
    if (value.isEmpty()) {
        if (required)
            errors.append({field, QCoreApplication::translate("fenzhang::Validation", "Required.")});
        return;
    }
    if (!merchantNumberChars(value))
        errors.append({field, QCoreApplication::translate(
                                  "fenzhang::Validation", "Only letters, digits and _ - | * @ are allowed.")});
    else if (value.size() > 64)
        errors.append({field, QCoreApplication::translate("fenzhang::Validation", "At most 64 characters.")});
}

} // namespace

OrderQuery OrderQuery::trimmed() const
{
    return {subMchid.trimmed(), transactionId.trimmed(), outOrderNo.trimmed()};
}

QList<FieldError> OrderQuery::validate() const
{
    QList<FieldError> errors;
    checkDigits(errors, u"sub_mchid"_s, subMchid, 32, true);
    checkDigits(errors, u"transaction_id"_s, transactionId, 32, true);
    checkMerchantNumber(errors, u"out_order_no"_s, outOrderNo, true);
    return errors;
}

QByteArray OrderQuery::requestTarget() const
{
    return "/v3/profitsharing/orders/"_ba + percentEncode(outOrderNo) + "?sub_mchid="_ba +
           percentEncode(subMchid) + "&transaction_id="_ba + percentEncode(transactionId);
}

ReturnQuery ReturnQuery::trimmed() const
{
    return {subMchid.trimmed(), outReturnNo.trimmed(), orderId.trimmed(), outOrderNo.trimmed()};
}

QList<FieldError> ReturnQuery::validate() const
{
    QList<FieldError> errors;
    checkDigits(errors, u"sub_mchid"_s, subMchid, 32, true);
    checkMerchantNumber(errors, u"out_return_no"_s, outReturnNo, true);
    if (!orderId.isEmpty() && !outOrderNo.isEmpty()) {
        const QString message =
            QCoreApplication::translate("fenzhang::Validation", "Enter order_id or out_order_no, not both.");
        errors.append({u"order_id"_s, message});
        errors.append({u"out_order_no"_s, message});
    } else if (orderId.isEmpty() && outOrderNo.isEmpty()) {
        const QString message =
            QCoreApplication::translate("fenzhang::Validation", "Enter either order_id or out_order_no.");
        errors.append({u"order_id"_s, message});
        errors.append({u"out_order_no"_s, message});
    } else {
        checkDigits(errors, u"order_id"_s, orderId, 64, false);
        checkMerchantNumber(errors, u"out_order_no"_s, outOrderNo, false);
    }
    return errors;
}

QByteArray ReturnQuery::requestTarget() const
{
    QByteArray target = "/v3/brand/profitsharing/returnorders?sub_mchid="_ba + percentEncode(subMchid) +
                        "&out_return_no="_ba + percentEncode(outReturnNo);
    if (!orderId.isEmpty())
        target += "&order_id="_ba + percentEncode(orderId);
    else
        target += "&out_order_no="_ba + percentEncode(outOrderNo);
    return target;
}

QByteArray percentEncode(const QString &value)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

} // namespace fenzhang
