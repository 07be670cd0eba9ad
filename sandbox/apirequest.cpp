#include "apirequest.h"

#include "scenario.h"

#include <array>
#include <QList>
#include <QPair>

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

namespace {

using Endpoint = ApiRequest::Endpoint;

// How a route takes a query parameter. OneOf: exactly one of the route's OneOf parameters is
// given (non-empty). Refused: the endpoint has no such parameter, so giving it is an error (other
// unknown parameters are ignored).
enum class Presence { Required, Optional, OneOf, Refused };

struct ParamRule {
    QLatin1StringView name; // empty: unused slot
    Presence presence = Presence::Required;
};

struct Route {
    Endpoint endpoint;
    QByteArrayView prefix;          // the whole path when pathField is empty
    QByteArrayView suffix;          // after the path's parameter segment
    QLatin1StringView pathField;    // the parameter the path carries, if any
    std::array<ParamRule, 4> query; // checked in this order, then the path's parameter
};

constexpr Route Routes[] = {
    {Endpoint::Order,
     "/v3/profitsharing/orders/",
     {},
     "out_order_no"_L1,
     {{{"sub_mchid"_L1, Presence::Optional}, {"transaction_id"_L1, Presence::Required}}}},
    {Endpoint::Return,
     "/v3/profitsharing/return-orders/",
     {},
     "out_return_no"_L1,
     {{{"order_id"_L1, Presence::Refused},
       {"sub_mchid"_L1, Presence::Optional},
       {"out_order_no"_L1, Presence::Required}}}},
    {Endpoint::Amounts,
     "/v3/profitsharing/transactions/",
     "/amounts",
     "transaction_id"_L1,
     {{{"sub_mchid"_L1, Presence::Refused}}}},
    {Endpoint::BrandOrder,
     "/v3/brand/profitsharing/orders",
     {},
     {},
     {{{"sub_mchid"_L1, Presence::Required},
       {"transaction_id"_L1, Presence::Required},
       {"out_order_no"_L1, Presence::Required}}}},
    {Endpoint::BrandReturn,
     "/v3/brand/profitsharing/returnorders",
     {},
     {},
     {{{"sub_mchid"_L1, Presence::Required},
       {"out_return_no"_L1, Presence::Required},
       {"order_id"_L1, Presence::OneOf},
       {"out_order_no"_L1, Presence::OneOf}}}},
    {Endpoint::BrandAmounts,
     "/v3/brand/profitsharing/orders/",
     "/amounts",
     "transaction_id"_L1,
     {{{"sub_mchid"_L1, Presence::Refused}}}},
};

// What a valid value of each field is, whatever the endpoint.
struct FieldFormat {
    QLatin1StringView name;
    bool digitsOnly; // else the merchant-number characters 0-9a-zA-Z_-|*@
    qsizetype maxLength;
};

constexpr FieldFormat Formats[] = {
    {"sub_mchid"_L1, true, 32},     {"transaction_id"_L1, true, 32}, {"order_id"_L1, true, 64},
    {"out_order_no"_L1, false, 64}, {"out_return_no"_L1, false, 64},
};

const FieldFormat &formatOf(QLatin1StringView field)
{
    for (const FieldFormat &format : Formats) {
        if (format.name == field)
            return format;
    }
    Q_UNREACHABLE();
}

QString *slotOf(ApiRequest &request, QLatin1StringView field)
{
    if (field == "sub_mchid"_L1)
        return &request.subMchid;
    if (field == "transaction_id"_L1)
        return &request.transactionId;
    if (field == "out_order_no"_L1)
        return &request.outOrderNo;
    if (field == "out_return_no"_L1)
        return &request.outReturnNo;
    return &request.orderId;
}

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

bool isNumberChar(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' ||
           c == u'-' || c == u'|' || c == u'*' || c == u'@';
}

// The value of a given field against its format. A scenario number is accepted where the path
// carries the number that selects scenarios, even in a digits-only field (the amounts' transaction_id).
std::optional<ParamError> checkValue(const QString &location, QLatin1StringView name, const QString &value,
                                     bool scenarioAllowed)
{
    const FieldFormat &format = formatOf(name);
    const QString field = name;
    if (value.isEmpty())
        return paramError(location, field, value, u"缺少参数 %1"_s.arg(field),
                          u"%1 is required"_s.arg(field));
    if (value.size() > format.maxLength)
        return paramError(location, field, value, u"%1 长度超过 %2 位"_s.arg(field).arg(format.maxLength),
                          u"%1 is longer than %2 characters"_s.arg(field).arg(format.maxLength));
    const bool digitsOnly =
        format.digitsOnly && !(scenarioAllowed && Scenario::fromNumber(value).kind != Scenario::Kind::None);
    for (const QChar c : value) {
        if (digitsOnly && (c < u'0' || c > u'9'))
            return paramError(location, field, value, u"%1 应为数字"_s.arg(field),
                              u"%1 must contain digits only"_s.arg(field));
        if (!isNumberChar(c))
            return paramError(location, field, value, u"%1 含有不允许的字符"_s.arg(field),
                              u"%1 may only contain 0-9 a-z A-Z _ - | * @"_s.arg(field));
    }
    return std::nullopt;
}

using Params = QList<QPair<QString, QString>>;

std::optional<QString> paramValue(const Params &params, QLatin1StringView name)
{
    for (const auto &p : params) {
        if (p.first == name)
            return p.second;
    }
    return std::nullopt;
}

// The route's query rules in order, filling the request's fields.
std::optional<ParamError> checkQuery(const Route &route, const Params &params, ApiRequest &request)
{
    bool oneOfChecked = false;
    for (const ParamRule &rule : route.query) {
        if (rule.name.isEmpty())
            break;
        const std::optional<QString> value = paramValue(params, rule.name);
        switch (rule.presence) {
        case Presence::Refused:
            if (value)
                return paramError(u"query"_s, rule.name, *value, u"本接口没有参数 %1"_s.arg(rule.name),
                                  u"%1 is not a parameter of this endpoint"_s.arg(rule.name));
            continue;
        case Presence::Optional:
            if (!value)
                continue;
            break;
        case Presence::OneOf:
            if (!oneOfChecked) {
                oneOfChecked = true;
                QStringList group;
                int given = 0;
                for (const ParamRule &other : route.query) {
                    if (other.presence == Presence::OneOf) {
                        group.append(other.name);
                        given += paramValue(params, other.name).value_or(QString()).isEmpty() ? 0 : 1;
                    }
                }
                if (given != 1)
                    return paramError(u"query"_s, rule.name, value.value_or(QString()),
                                      u"%1 必须且只能填写一个"_s.arg(group.join(u" 与 "_s)),
                                      u"exactly one of %1 is required"_s.arg(group.join(u" and "_s)));
            }
            if (value.value_or(QString()).isEmpty())
                continue;
            break;
        case Presence::Required:
            break;
        }
        *slotOf(request, rule.name) = value.value_or(QString());
        if (auto error = checkValue(u"query"_s, rule.name, value.value_or(QString()), false))
            return error;
    }
    return std::nullopt;
}

const Route *routeOf(QByteArrayView path, QByteArrayView *segment)
{
    for (const Route &route : Routes) {
        if (route.pathField.isEmpty()) {
            if (path == route.prefix)
                return &route;
            continue;
        }
        if (!path.startsWith(route.prefix) || !path.endsWith(route.suffix) ||
            path.size() <= route.prefix.size() + route.suffix.size())
            continue;
        *segment = path.sliced(route.prefix.size(), path.size() - route.prefix.size() - route.suffix.size());
        if (!segment->contains('/'))
            return &route;
    }
    return nullptr;
}

} // namespace

bool ApiRequest::isBrand() const
{
    return endpoint == Endpoint::BrandOrder || endpoint == Endpoint::BrandReturn ||
           endpoint == Endpoint::BrandAmounts;
}

Product ApiRequest::product() const
{
    if (isBrand())
        return Product::Brand;
    return subMchid.isEmpty() ? Product::Direct : Product::ServiceProvider;
}

QString ApiRequest::number() const
{
    switch (endpoint) {
    case Endpoint::Order:
    case Endpoint::BrandOrder:
        return outOrderNo;
    case Endpoint::Return:
    case Endpoint::BrandReturn:
        return outReturnNo;
    case Endpoint::Amounts:
    case Endpoint::BrandAmounts:
        return transactionId;
    case Endpoint::Unknown:
        break;
    }
    return {};
}

ApiRequest ApiRequest::fromTarget(QByteArrayView rawTarget)
{
    ApiRequest request;
    const qsizetype questionMark = rawTarget.indexOf('?');
    const QByteArrayView path = questionMark < 0 ? rawTarget : rawTarget.first(questionMark);
    const QByteArrayView query = questionMark < 0 ? QByteArrayView() : rawTarget.sliced(questionMark + 1);

    QByteArrayView segment;
    const Route *route = routeOf(path, &segment);
    if (!route)
        return request;
    request.endpoint = route->endpoint;

    Params params;
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

    std::optional<QString> pathValue;
    if (!route->pathField.isEmpty()) {
        pathValue = percentDecode(segment);
        if (!pathValue) {
            request.error = paramError(u"path"_s, route->pathField, {}, u"请求路径的百分号编码不正确"_s,
                                       u"invalid percent-encoding or UTF-8 in the path"_s);
            return request;
        }
        *slotOf(request, route->pathField) = *pathValue;
    }
    request.error = checkQuery(*route, params, request);
    if (!request.error && pathValue)
        request.error = checkValue(u"path"_s, route->pathField, *pathValue, true);
    return request;
}

} // namespace fenzhang::sandbox
