#include "lookup/queries.h"

#include <initializer_list>
#include <QCoreApplication>
#include <utility>

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
        errors.append({field, QCoreApplication::translate("fenzhang::Validation", "At most %n digits.",
                                                          nullptr, maxLength)});
}

void checkMerchantNumber(QList<FieldError> &errors, const QString &field, const QString &value, bool required)
{
    if (value.isEmpty()) {
        if (required)
            errors.append({field, QCoreApplication::translate("fenzhang::Validation", "Required.")});
        return;
    }
    if (!merchantNumberChars(value))
        errors.append(
            {field, QCoreApplication::translate("fenzhang::Validation",
                                                "Only letters, digits and _ - | * @ are allowed.")});
    else if (value.size() > 64)
        errors.append({field, QCoreApplication::translate("fenzhang::Validation", "At most 64 characters.")});
}

// sub_mchid: required where the product names the sub-merchant, refused where it does not.
void checkSubMchid(QList<FieldError> &errors, const QString &value, Product product)
{
    if (Products::hasSubMchid(product))
        checkDigits(errors, u"sub_mchid"_s, value, 32, true);
    else if (!value.isEmpty())
        errors.append(
            {u"sub_mchid"_s, QCoreApplication::translate("fenzhang::Validation",
                                                         "A direct merchant's look-ups take no sub_mchid.")});
}

// "?a=1&b=2" from the pairs whose value is not empty, in the order given.
QByteArray queryString(std::initializer_list<std::pair<const char *, QString>> pairs)
{
    QByteArray out;
    for (const auto &[name, value] : pairs) {
        if (value.isEmpty())
            continue;
        out += (out.isEmpty() ? '?' : '&') + QByteArray(name) + '=' + percentEncode(value);
    }
    return out;
}

} // namespace

OrderQuery OrderQuery::trimmed() const
{
    return {subMchid.trimmed(), transactionId.trimmed(), outOrderNo.trimmed(), product};
}

QList<FieldError> OrderQuery::validate() const
{
    QList<FieldError> errors;
    checkSubMchid(errors, subMchid, product);
    checkDigits(errors, u"transaction_id"_s, transactionId, 32, true);
    checkMerchantNumber(errors, u"out_order_no"_s, outOrderNo, true);
    return errors;
}

QByteArray OrderQuery::requestTarget() const
{
    if (product == Product::Brand)
        return "/v3/brand/profitsharing/orders"_ba + queryString({{"sub_mchid", subMchid},
                                                                  {"transaction_id", transactionId},
                                                                  {"out_order_no", outOrderNo}});
    return "/v3/profitsharing/orders/"_ba + percentEncode(outOrderNo) +
           queryString({{"sub_mchid", subMchid}, {"transaction_id", transactionId}});
}

ReturnQuery ReturnQuery::trimmed() const
{
    return {subMchid.trimmed(), outReturnNo.trimmed(), orderId.trimmed(), outOrderNo.trimmed(), product};
}

QList<FieldError> ReturnQuery::validate() const
{
    QList<FieldError> errors;
    checkSubMchid(errors, subMchid, product);
    checkMerchantNumber(errors, u"out_return_no"_s, outReturnNo, true);
    if (product != Product::Brand) {
        // The ordinary return look-up names the order by out_order_no only.
        if (!orderId.isEmpty())
            errors.append({u"order_id"_s, QCoreApplication::translate(
                                              "fenzhang::Validation",
                                              "Only chain-brand returns can be looked up by order_id: enter "
                                              "out_order_no.")});
        checkMerchantNumber(errors, u"out_order_no"_s, outOrderNo, true);
    } else if (!orderId.isEmpty() && !outOrderNo.isEmpty()) {
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
    if (product == Product::Brand)
        return "/v3/brand/profitsharing/returnorders"_ba +
               queryString({{"sub_mchid", subMchid},
                            {"out_return_no", outReturnNo},
                            {"order_id", orderId},
                            {"out_order_no", orderId.isEmpty() ? outOrderNo : QString()}});
    return "/v3/profitsharing/return-orders/"_ba + percentEncode(outReturnNo) +
           queryString({{"sub_mchid", subMchid}, {"out_order_no", outOrderNo}});
}

AmountsQuery AmountsQuery::trimmed() const
{
    return {transactionId.trimmed(), product};
}

QList<FieldError> AmountsQuery::validate() const
{
    QList<FieldError> errors;
    checkDigits(errors, u"transaction_id"_s, transactionId, 32, true);
    return errors;
}

QByteArray AmountsQuery::requestTarget() const
{
    return (product == Product::Brand ? "/v3/brand/profitsharing/orders/"_ba
                                      : "/v3/profitsharing/transactions/"_ba) +
           percentEncode(transactionId) + "/amounts"_ba;
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
