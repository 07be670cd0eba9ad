#include "lookup/queries.h"

#include <initializer_list>
#include <QCoreApplication>
#include <utility>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

const QString subMchidField = u"sub_mchid"_s;
const QString transactionIdField = u"transaction_id"_s;
const QString outOrderNoField = u"out_order_no"_s;
const QString outReturnNoField = u"out_return_no"_s;
const QString orderIdField = u"order_id"_s;

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
        checkDigits(errors, subMchidField, value, 32, true);
    else if (!value.isEmpty())
        errors.append(
            {subMchidField, QCoreApplication::translate("fenzhang::Validation",
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

// sub_mchid first where the product names the sub-merchant.
FieldGroups withSubMchid(Product product, FieldGroups groups)
{
    if (Products::hasSubMchid(product))
        groups.prepend({subMchidField});
    return groups;
}

} // namespace

FieldGroups OrderQuery::fieldGroups(Product product)
{
    return withSubMchid(product, {{transactionIdField}, {outOrderNoField}});
}

QString OrderQuery::value(QStringView field) const
{
    if (field == subMchidField)
        return subMchid;
    if (field == transactionIdField)
        return transactionId;
    if (field == outOrderNoField)
        return outOrderNo;
    return {};
}

void OrderQuery::setValue(QStringView field, const QString &value)
{
    if (field == subMchidField)
        subMchid = value;
    else if (field == transactionIdField)
        transactionId = value;
    else if (field == outOrderNoField)
        outOrderNo = value;
}

OrderQuery OrderQuery::trimmed() const
{
    return {subMchid.trimmed(), transactionId.trimmed(), outOrderNo.trimmed(), product};
}

QList<FieldError> OrderQuery::validate() const
{
    QList<FieldError> errors;
    checkSubMchid(errors, subMchid, product);
    checkDigits(errors, transactionIdField, transactionId, 32, true);
    checkMerchantNumber(errors, outOrderNoField, outOrderNo, true);
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

FieldGroups ReturnQuery::fieldGroups(Product product)
{
    if (product == Product::Brand)
        return withSubMchid(product, {{outReturnNoField}, {orderIdField, outOrderNoField}});
    return withSubMchid(product, {{outReturnNoField}, {outOrderNoField}});
}

QString ReturnQuery::value(QStringView field) const
{
    if (field == subMchidField)
        return subMchid;
    if (field == outReturnNoField)
        return outReturnNo;
    if (field == orderIdField)
        return orderId;
    if (field == outOrderNoField)
        return outOrderNo;
    return {};
}

void ReturnQuery::setValue(QStringView field, const QString &value)
{
    if (field == subMchidField)
        subMchid = value;
    else if (field == outReturnNoField)
        outReturnNo = value;
    else if (field == orderIdField)
        orderId = value;
    else if (field == outOrderNoField)
        outOrderNo = value;
}

ReturnQuery ReturnQuery::trimmed() const
{
    return {subMchid.trimmed(), outReturnNo.trimmed(), orderId.trimmed(), outOrderNo.trimmed(), product};
}

QList<FieldError> ReturnQuery::validate() const
{
    QList<FieldError> errors;
    checkSubMchid(errors, subMchid, product);
    checkMerchantNumber(errors, outReturnNoField, outReturnNo, true);
    if (product != Product::Brand) {
        // The ordinary return look-up names the order by out_order_no only.
        if (!orderId.isEmpty())
            errors.append({orderIdField, QCoreApplication::translate(
                                             "fenzhang::Validation",
                                             "Only chain-brand returns can be looked up by order_id: enter "
                                             "out_order_no.")});
        checkMerchantNumber(errors, outOrderNoField, outOrderNo, true);
    } else if (!orderId.isEmpty() && !outOrderNo.isEmpty()) {
        const QString message =
            QCoreApplication::translate("fenzhang::Validation", "Enter order_id or out_order_no, not both.");
        errors.append({orderIdField, message});
        errors.append({outOrderNoField, message});
    } else if (orderId.isEmpty() && outOrderNo.isEmpty()) {
        const QString message =
            QCoreApplication::translate("fenzhang::Validation", "Enter either order_id or out_order_no.");
        errors.append({orderIdField, message});
        errors.append({outOrderNoField, message});
    } else {
        checkDigits(errors, orderIdField, orderId, 64, false);
        checkMerchantNumber(errors, outOrderNoField, outOrderNo, false);
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

FieldGroups AmountsQuery::fieldGroups(Product)
{
    return {{transactionIdField}}; // the transaction number names the payment, on every product
}

QString AmountsQuery::value(QStringView field) const
{
    return field == transactionIdField ? transactionId : QString();
}

void AmountsQuery::setValue(QStringView field, const QString &value)
{
    if (field == transactionIdField)
        transactionId = value;
}

AmountsQuery AmountsQuery::trimmed() const
{
    return {transactionId.trimmed(), product};
}

QList<FieldError> AmountsQuery::validate() const
{
    QList<FieldError> errors;
    checkDigits(errors, transactionIdField, transactionId, 32, true);
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
