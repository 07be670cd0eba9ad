#include "apirequest.h"

#include <QList>
#include <QPair>

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

namespace {

constexpr QByteArrayView OrderPrefix = "/v3/profitsharing/orders/";
constexpr QByteArrayView ReturnPath = "/v3/brand/profitsharing/returnorders";

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Strict: a '%' must start a two-digit hex escape, and the result must be UTF-8.
std::optional<QString> percentDecode(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '%' && (i + 2 >= text.size() || !isHex(text.at(i + 1)) || !isHex(text.at(i + 2))))
            return std::nullopt;
    }
    const QByteArray decoded = QByteArray::fromPercentEncoding(text.toByteArray());
    const QString value = QString::fromUtf8(decoded);
    if (value.toUtf8() != decoded)
        return std::nullopt;
    return value;
}

ParamError paramError(const QString &location, const QString &field, const QString &value,
                      const QString &message, const QString &issue)
{
    return ParamError{location, field, value, message, issue};
}

std::optional<ParamError> checkDigits(const QString &location, const QString &field, const QString &value,
                                      qsizetype maxLength)
{
    if (value.isEmpty())
        return paramError(location, field, value, u"缺少参数 %1"_s.arg(field),
                          u"%1 is required"_s.arg(field));
    if (value.size() > maxLength)
        return paramError(location, field, value, u"%1 长度超过 %2 位"_s.arg(field).arg(maxLength),
                          u"%1 is longer than %2 characters"_s.arg(field).arg(maxLength));
    for (const QChar c : value) {
        if (c < u'0' || c > u'9')
            return paramError(location, field, value, u"%1 应为数字"_s.arg(field),
                              u"%1 must contain digits only"_s.arg(field));
    }
    return std::nullopt;
}

bool isNumberChar(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' ||
           c == u'-' || c == u'|' || c == u'*' || c == u'@';
}

std::optional<ParamError> checkNumber(const QString &location, const QString &field, const QString &value)
{
    if (value.isEmpty())
        return paramError(location, field, value, u"缺少参数 %1"_s.arg(field),
                          u"%1 is required"_s.arg(field));
    if (value.size() > 64)
        return paramError(location, field, value, u"%1 长度超过 64 位"_s.arg(field),
                          u"%1 is longer than 64 characters"_s.arg(field));
    for (const QChar c : value) {
        if (!isNumberChar(c))
            return paramError(location, field, value, u"%1 含有不允许的字符"_s.arg(field),
                              u"%1 may only contain 0-9 a-z A-Z _ - | * @"_s.arg(field));
    }
    return std::nullopt;
}

} // namespace

ApiRequest ApiRequest::fromTarget(QByteArrayView rawTarget)
{
    ApiRequest request;
    const qsizetype questionMark = rawTarget.indexOf('?');
    const QByteArrayView path = questionMark < 0 ? rawTarget : rawTarget.first(questionMark);
    const QByteArrayView query = questionMark < 0 ? QByteArrayView() : rawTarget.sliced(questionMark + 1);

    if (path.startsWith(OrderPrefix) && path.size() > OrderPrefix.size() &&
        !path.sliced(OrderPrefix.size()).contains('/')) {
        request.endpoint = Endpoint::Order;
    } else if (path == ReturnPath) {
        request.endpoint = Endpoint::Return;
    } else {
        return request;
    }

    QList<QPair<QString, QString>> params;
    for (const QByteArrayView part : QByteArray(query.toByteArray()).split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const auto name = percentDecode(eq < 0 ? part : part.first(eq));
        const auto value = percentDecode(eq < 0 ? QByteArrayView() : part.sliced(eq + 1));
        if (!name || !value) {
            request.error = paramError(
                u"query"_s, QString::fromLatin1(part.first(qMin<qsizetype>(part.size(), 64))), {},
                u"请求参数的百分号编码不正确"_s, u"invalid percent-encoding or UTF-8 in the query"_s);
            return request;
        }
        for (const auto &existing : std::as_const(params)) {
            if (existing.first == *name) {
                request.error = paramError(u"query"_s, *name, *value, u"参数 %1 重复"_s.arg(*name),
                                           u"%1 appears more than once"_s.arg(*name));
                return request;
            }
        }
        params.append({*name, *value});
    }
    const auto param = [&params](QStringView name) {
        for (const auto &p : std::as_const(params)) {
            if (p.first == name)
                return p.second;
        }
        return QString();
    };

    request.subMchid = param(u"sub_mchid");
    if (request.endpoint == Endpoint::Order) {
        const auto number = percentDecode(path.sliced(OrderPrefix.size()));
        if (!number) {
            request.error = paramError(u"path"_s, u"out_order_no"_s, {}, u"请求路径的百分号编码不正确"_s,
                                       u"invalid percent-encoding or UTF-8 in the path"_s);
            return request;
        }
        request.outOrderNo = *number;
        request.transactionId = param(u"transaction_id");
        request.error = checkDigits(u"query"_s, u"sub_mchid"_s, request.subMchid, 32);
        if (!request.error)
            request.error = checkDigits(u"query"_s, u"transaction_id"_s, request.transactionId, 32);
        if (!request.error)
            request.error = checkNumber(u"path"_s, u"out_order_no"_s, request.outOrderNo);
        return request;
    }

    request.outReturnNo = param(u"out_return_no");
    request.orderId = param(u"order_id");
    request.outOrderNo = param(u"out_order_no");
    request.error = checkDigits(u"query"_s, u"sub_mchid"_s, request.subMchid, 32);
    if (!request.error)
        request.error = checkNumber(u"query"_s, u"out_return_no"_s, request.outReturnNo);
    if (!request.error && request.orderId.isEmpty() == request.outOrderNo.isEmpty())
        request.error = paramError(u"query"_s, u"order_id"_s, request.orderId,
                                   u"order_id 与 out_order_no 必须且只能填写一个"_s,
                                   u"exactly one of order_id and out_order_no is required"_s);
    if (!request.error && !request.orderId.isEmpty())
        request.error = checkDigits(u"query"_s, u"order_id"_s, request.orderId, 64);
    if (!request.error && !request.outOrderNo.isEmpty())
        request.error = checkNumber(u"query"_s, u"out_order_no"_s, request.outOrderNo);
    return request;
}

} // namespace fenzhang::sandbox
