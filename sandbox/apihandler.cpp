#include "apihandler.h"

#include "wirejson.h"

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

namespace {

constexpr qint64 OversizeBytes = 33 * 1024 * 1024; // just past the client's 32 MiB cap

QString endpointKey(ApiRequest::Endpoint endpoint, const QString &number)
{
    return QString::number(int(endpoint)) + u':' + number;
}

// Stable made-up WeChat numbers for scenario answers, derived from the merchant's number.
QString digitsFrom(const QString &seed, int length)
{
    QString digits;
    quint64 h = qHash(seed, 0x5eed);
    while (digits.size() < length) {
        digits += QString::number(h % 10);
        h = h / 10 + 0x9E3779B97F4A7C15ull * (digits.size() + 1);
    }
    return digits;
}

ReceiverRecord scenarioReceiver(qint64 amount, const QString &description, const QString &type,
                                const QString &account, const QString &result, const QString &createTime,
                                const QString &finishTime, const QString &detailId)
{
    ReceiverRecord r;
    r.amount = amount;
    r.description = description;
    r.type = type;
    r.account = account;
    r.result = result;
    r.createTime = createTime;
    r.finishTime = finishTime;
    r.detailId = detailId;
    return r;
}

OrderRecord scenarioOrder(const ApiRequest &request, bool processing)
{
    OrderRecord order;
    order.product = request.product();
    order.subMchid = request.subMchid;
    order.transactionId = request.transactionId;
    order.outOrderNo = request.outOrderNo;
    order.orderId = u"3000000001"_s + digitsFrom(request.outOrderNo, 22);
    order.state = processing ? u"PROCESSING"_s : u"FINISHED"_s;
    const QString result = processing ? u"PENDING"_s : u"SUCCESS"_s;
    const QString created = u"2025-11-24T09:30:00+08:00"_s;
    const QString finished = processing ? QString() : u"2025-11-24T09:31:12+08:00"_s;
    order.receivers = {
        scenarioReceiver(1000, u"分给商户1900000110"_s, u"MERCHANT_ID"_s, u"1900000110"_s, result, created,
                         finished, u"3601"_s + digitsFrom(request.outOrderNo + u"a"_s, 19)),
        scenarioReceiver(250, u"分给个人用户（推广佣金）"_s, u"PERSONAL_OPENID"_s,
                         u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s, result, created, finished,
                         u"3601"_s + digitsFrom(request.outOrderNo + u"b"_s, 19)),
    };
    return order;
}

ReturnRecord scenarioReturn(const ApiRequest &request, bool processing)
{
    ReturnRecord record;
    record.product = request.product();
    record.subMchid = request.subMchid;
    record.orderId =
        request.orderId.isEmpty() ? u"3000000001"_s + digitsFrom(request.outOrderNo, 22) : request.orderId;
    record.outOrderNo =
        request.outOrderNo.isEmpty() ? u"P"_s + digitsFrom(request.orderId, 17) : request.outOrderNo;
    record.outReturnNo = request.outReturnNo;
    record.returnNo = u"3008450740"_s + digitsFrom(request.outReturnNo, 18);
    record.returnMchid = u"1900000110"_s;
    record.amount = 500;
    record.description = u"用户退款，回退分账"_s; // 普通分账 answers only
    record.result = processing ? u"PROCESSING"_s : u"SUCCESS"_s;
    record.createTime = u"2025-11-24T10:00:00+08:00"_s; // 普通分账 answers only
    record.finishTime = processing ? QString() : u"2025-11-24T10:00:05.120+08:00"_s;
    return record;
}

// Split or not: money stays frozen while the split is processing, none is left once it is done.
TransactionRecord scenarioTransaction(const ApiRequest &request, bool processing)
{
    TransactionRecord record;
    record.product = request.product();
    record.transactionId = request.transactionId;
    record.unsplitAmount = processing ? 1250 : 0;
    return record;
}

Reply notFound(QLatin1StringView field, const QString &value)
{
    return errorReply(404, "RESOURCE_NOT_EXISTS"_L1, u"记录不存在"_s, WireJson().add(field, value).toJson(),
                      u"not_found"_s);
}

Reply okReply(const QByteArray &body, const QString &outcome)
{
    Reply reply;
    reply.status = 200;
    reply.headers = {{"Content-Type"_ba, "application/json; charset=utf-8"_ba}};
    reply.body = body;
    reply.outcome = outcome;
    return reply;
}

QByteArray paramDetail(const ParamError &error)
{
    return WireJson()
        .add("location"_L1, error.location)
        .add("field"_L1, error.field)
        .add("value"_L1, error.value)
        .add("issue"_L1, error.issue)
        .toJson();
}

} // namespace

QByteArray IncomingRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Reply errorReply(int status, QLatin1StringView code, const QString &message, const QByteArray &detailJson,
                 const QString &outcome)
{
    Reply reply;
    reply.status = status;
    reply.headers = {{"Content-Type"_ba, "application/json; charset=utf-8"_ba}};
    reply.body = WireJson()
                     .add("code"_L1, QString(code))
                     .add("message"_L1, message)
                     .addRaw("detail"_L1, detailJson.isEmpty() ? "{}"_ba : detailJson)
                     .toJson();
    reply.outcome = outcome;
    return reply;
}

ApiHandler::ApiHandler(DataStore store, RequestAuthenticator authenticator, ReplySigner signer)
    : m_store(std::move(store)), m_authenticator(std::move(authenticator)), m_signer(std::move(signer))
{
}

int ApiHandler::callCount(ApiRequest::Endpoint endpoint, const QString &number) const
{
    return m_calls.value(endpointKey(endpoint, number));
}

Reply ApiHandler::handle(const IncomingRequest &request)
{
    const SignCheck check =
        m_authenticator.check(request.method, request.target, request.header("Authorization"), request.body);
    if (!check.ok()) {
        const QByteArray detail =
            WireJson()
                .add("location"_L1, u"authorization"_s)
                .add("reason"_L1, QString(check.token()))
                .add("issue"_L1, check.issue)
                .addRaw("sign_information"_L1, WireJson()
                                                   .add("method"_L1, QString::fromLatin1(request.method))
                                                   .add("url"_L1, QString::fromLatin1(request.target))
                                                   .toJson())
                .toJson();
        Reply reply = errorReply(401, "SIGN_ERROR"_L1, u"签名错误，请检查后再试"_s, detail,
                                 u"sign_error:"_s + check.token());
        m_signer.sign(reply);
        return reply;
    }

    const ApiRequest api = ApiRequest::fromTarget(request.target);
    if (api.endpoint == ApiRequest::Endpoint::Unknown) {
        const QByteArray detail = WireJson().add("url"_L1, QString::fromLatin1(request.target)).toJson();
        Reply reply = errorReply(404, "NOT_FOUND"_L1, u"请求的接口不存在"_s, detail, u"unknown_path"_s);
        m_signer.sign(reply);
        return reply;
    }
    if (request.method != "GET") {
        const QByteArray detail = WireJson().add("method"_L1, QString::fromLatin1(request.method)).toJson();
        Reply reply = errorReply(405, "METHOD_NOT_ALLOWED"_L1, u"请求方法不被允许，应为 GET"_s, detail,
                                 u"method_not_allowed"_s);
        m_signer.sign(reply);
        return reply;
    }
    if (api.error) {
        Reply reply = errorReply(400, "PARAM_ERROR"_L1, u"参数错误：%1"_s.arg(api.error->message),
                                 paramDetail(*api.error), u"param_error:"_s + api.error->field);
        m_signer.sign(reply);
        return reply;
    }

    const Scenario scenario = Scenario::fromNumber(api.number());
    int call = 0;
    if (scenario.kind != Scenario::Kind::None)
        call = ++m_calls[endpointKey(api.endpoint, api.number())];
    Reply reply = answer(api, scenario, call);
    reply = finish(std::move(reply), api.product(), scenario, call, request.header("Host"));
    if (reply.delivery == Reply::Delivery::Drop)
        m_authenticator.release(request.header("Authorization"));
    return reply;
}

Reply ApiHandler::answer(const ApiRequest &request, const Scenario &scenario, int call)
{
    switch (request.endpoint) {
    case ApiRequest::Endpoint::Order:
    case ApiRequest::Endpoint::BrandOrder:
        return answerOrder(request, scenario, call);
    case ApiRequest::Endpoint::Return:
    case ApiRequest::Endpoint::BrandReturn:
        return answerReturn(request, scenario, call);
    case ApiRequest::Endpoint::Amounts:
    case ApiRequest::Endpoint::BrandAmounts:
        return answerAmounts(request, scenario, call);
    case ApiRequest::Endpoint::Unknown:
        break;
    }
    Q_UNREACHABLE();
    return {};
}

Reply ApiHandler::answerOrder(const ApiRequest &request, const Scenario &scenario, int call)
{
    using K = Scenario::Kind;
    const Product product = request.product();
    if (scenario.kind == K::None) {
        const OrderRecord *order =
            m_store.findOrder(product, request.subMchid, request.transactionId, request.outOrderNo);
        if (!order)
            return notFound("out_order_no"_L1, request.outOrderNo);
        return okReply(order->toJson(), u"ok"_s);
    }

    if (scenario.kind == K::OtherAnswer && scenario.active(call)) {
        // Another order's answer, signed like any other: what a replaying proxy or a mix-up between
        // hosts would deliver. The first served order of this product, or a made-up one.
        for (const OrderRecord &served : m_store.orders()) {
            if (served.product == product)
                return okReply(served.toJson(), u"ok"_s);
        }
        OrderRecord other = scenarioOrder(request, false);
        other.transactionId = u"4208450740201411110007820472"_s;
        other.outOrderNo = u"P20150806125346"_s;
        return okReply(other.toJson(), u"ok"_s);
    }
    OrderRecord order = scenarioOrder(request, scenario.kind == K::Processing && scenario.active(call));
    switch (scenario.kind) {
    case K::UnknownEnum:
        order.state = u"PARTIALLY_REVOKED"_s;
        order.receivers[0].type = u"PERSONAL_UNIONID"_s;
        order.receivers[0].result = u"FROZEN"_s;
        order.receivers[0].failReason = u"RECEIVER_ACCOUNT_FROZEN"_s;
        order.receivers[1].result = u"CLOSED"_s;
        order.receivers[1].failReason = u"SOME_NEW_REASON"_s;
        break;
    case K::BigAmount:
        order.receivers[0].amount = 9007199254740993LL; // 2^53 + 1: a double rounds it to 2^53
        order.receivers[1].amount = 9223372036854775807LL;
        break;
    case K::TimeFormats: {
        const QStringList times = {u"2015-05-20T13:29:35+08:00"_s,     u"2015-05-20T13:29:35.120+08:00"_s,
                                   u"2015-05-20T13:29:35:120+08:00"_s, u"2015-05-20T05:29:35Z"_s,
                                   u"2015-05-20T05:29:35.120456Z"_s,   u"2015-05-20T00:29:35-05:00"_s};
        const ReceiverRecord base = order.receivers[0];
        order.receivers.clear();
        for (qsizetype i = 0; i < times.size(); ++i) {
            ReceiverRecord r = base;
            r.amount = 100 + i;
            r.createTime = times.at(i);
            r.finishTime = times.at((i + 1) % times.size());
            r.detailId = base.detailId.chopped(1) + QString::number(i);
            order.receivers.append(r);
        }
        break;
    }
    default:
        break;
    }
    return okReply(order.toJson(), u"ok"_s);
}

Reply ApiHandler::answerReturn(const ApiRequest &request, const Scenario &scenario, int call)
{
    using K = Scenario::Kind;
    const Product product = request.product();
    if (scenario.kind == K::None) {
        const ReturnRecord *record = m_store.findReturn(product, request.subMchid, request.outReturnNo,
                                                        request.orderId, request.outOrderNo);
        if (!record)
            return notFound("out_return_no"_L1, request.outReturnNo);
        return okReply(record->toJson(), u"ok"_s);
    }

    if (scenario.kind == K::OtherAnswer && scenario.active(call)) {
        for (const ReturnRecord &served : m_store.returns()) {
            if (served.product == product)
                return okReply(served.toJson(), u"ok"_s);
        }
        ReturnRecord other = scenarioReturn(request, false);
        other.outReturnNo = u"R20150806125346"_s;
        other.orderId = u"3008450740201411110007820472"_s;
        other.outOrderNo = u"P20150806125346"_s;
        return okReply(other.toJson(), u"ok"_s);
    }
    ReturnRecord record = scenarioReturn(request, scenario.kind == K::Processing && scenario.active(call));
    switch (scenario.kind) {
    case K::UnknownEnum:
        record.result = u"REVOKED"_s;
        record.failReason = u"SOME_NEW_REASON"_s;
        break;
    case K::BigAmount:
        record.amount = 9007199254740993LL;
        break;
    case K::TimeFormats:
        record.createTime = u"2015-05-20T05:29:35.120456Z"_s;   // 普通分账 answers only
        record.finishTime = u"2015-05-20T13:29:35:120+08:00"_s; // the docs' own example
        break;
    default:
        break;
    }
    return okReply(record.toJson(), u"ok"_s);
}

Reply ApiHandler::answerAmounts(const ApiRequest &request, const Scenario &scenario, int call)
{
    using K = Scenario::Kind;
    const bool brand = request.isBrand();
    if (scenario.kind == K::None) {
        const TransactionRecord *record = m_store.findTransaction(brand, request.transactionId);
        if (!record)
            return notFound("transaction_id"_L1, request.transactionId);
        if (!record->profitSharing) {
            return errorReply(400, "INVALID_REQUEST"_L1, u"非分账订单不支持此查询"_s,
                              WireJson().add("transaction_id"_L1, request.transactionId).toJson(),
                              u"invalid_request"_s);
        }
        return okReply(record->toJson(), u"ok"_s);
    }

    if (scenario.kind == K::OtherAnswer && scenario.active(call)) {
        for (const TransactionRecord &served : m_store.transactions()) {
            if ((served.product == Product::Brand) == brand && served.profitSharing)
                return okReply(served.toJson(), u"ok"_s);
        }
        TransactionRecord other = scenarioTransaction(request, false);
        other.transactionId = u"4208450740201411110007820472"_s;
        other.unsplitAmount = 1000;
        return okReply(other.toJson(), u"ok"_s);
    }
    // An amount has no enum values and no times: UNKNOWN_ENUM and TIME_FORMATS answer normally.
    TransactionRecord record =
        scenarioTransaction(request, scenario.kind == K::Processing && scenario.active(call));
    if (scenario.kind == K::BigAmount)
        record.unsplitAmount = 9007199254740993LL; // 2^53 + 1
    return okReply(record.toJson(), u"ok"_s);
}

Reply ApiHandler::finish(Reply reply, Product product, const Scenario &scenario, int call,
                         const QByteArray &host)
{
    using K = Scenario::Kind;
    using Mode = ReplySigner::Mode;
    Mode mode = Mode::Normal;
    if (scenario.kind != K::None)
        reply.scenario = QString(scenario.name());
    const bool active = scenario.kind != K::None && scenario.active(call);

    if (active) {
        switch (scenario.kind) {
        case K::NotFound:
            reply = errorReply(404, "RESOURCE_NOT_EXISTS"_L1, u"记录不存在"_s, {}, u"scenario"_s);
            break;
        case K::RateLimited:
            reply = errorReply(429, "FREQUENCY_LIMITED"_L1, u"查询频率过高，请稍后重试"_s, {}, u"scenario"_s);
            reply.headers.append({"Retry-After"_ba, "1"_ba});
            break;
        case K::RetryAfter:
            reply = errorReply(429, "FREQUENCY_LIMITED"_L1, u"查询频率过高，请稍后重试"_s, {}, u"scenario"_s);
            reply.headers.append({"Retry-After"_ba, QByteArray::number(qMax(scenario.count, 1))});
            break;
        case K::SystemError:
            reply = errorReply(500, "SYSTEM_ERROR"_L1, u"系统异常，请稍后重试"_s, {}, u"scenario"_s);
            break;
        case K::NoAuth:
            reply =
                errorReply(403, "NO_AUTH"_L1, u"商户无权限，请确认是否已开通分账权限"_s, {}, u"scenario"_s);
            break;
        case K::Hostile:
            // What a hostile answer would use to repaint a terminal or a rich-text label.
            reply = errorReply(400, "PARAM_ERROR"_L1,
                               u"\x1b[2J\x1b[H\x1b[32mOK verified FINISHED\x1b[0m \u202E<b>bold</b><img src=\"x\">"_s,
                               {}, u"scenario"_s);
            break;
        case K::Slow:
            reply.delivery = Reply::Delivery::Delayed;
            reply.delayMs = scenario.delayMs();
            break;
        case K::Drop:
            reply.delivery = Reply::Delivery::Drop;
            break;
        case K::DropMidBody:
            reply.delivery = Reply::Delivery::DropMidBody;
            break;
        case K::PrimaryDown:
            // One sandbox plays both hosts: http://127.0.0.1:PORT is down, http://localhost:PORT is up.
            if (host.startsWith("127.0.0.1"))
                reply.delivery = Reply::Delivery::Drop;
            break;
        case K::Tamper:
            mode = Mode::TamperBody;
            break;
        case K::UnknownSerial:
            mode = Mode::UnknownSerial;
            break;
        case K::Stale:
            mode = Mode::StaleTimestamp;
            break;
        case K::SignTest:
            mode = Mode::SignTest;
            break;
        case K::Unsigned:
            mode = Mode::Unsigned;
            break;
        case K::NotJson:
            reply.headers = {{"Content-Type"_ba, "text/html; charset=utf-8"_ba}};
            reply.body = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
                         "Gateway</h1></center><hr><center>nginx</center></body></html>\n"_ba;
            break;
        case K::Oversize: {
            const qsizetype split = reply.body.indexOf("\"receivers\":[") + 13;
            ReceiverRecord filler;
            filler.amount = 1;
            filler.description = u"超大应答填充（测试 32 MiB 上限）"_s;
            filler.type = u"MERCHANT_ID"_s;
            filler.account = u"1900000110"_s;
            filler.result = u"SUCCESS"_s;
            filler.createTime = u"2025-11-24T09:30:00+08:00"_s;
            filler.finishTime = u"2025-11-24T09:31:12+08:00"_s;
            filler.detailId = u"36011111111111111111199"_s;
            RepeatedBody body;
            if (split >= 13) {
                body.head = reply.body.left(split);
                body.tail = "]}"_ba;
            } else { // a return or an amount has no list: pad with a field clients ignore
                body.head = reply.body.chopped(1) + ",\"padding\":["_ba;
                body.tail = "]}"_ba;
            }
            body.item = filler.toJson(product);
            body.count = (OversizeBytes - body.head.size() - body.tail.size()) / (body.item.size() + 1) + 1;
            reply.body.clear();
            reply.stream = body;
            reply.delivery = Reply::Delivery::Stream;
            break;
        }
        default:
            break;
        }
        reply.scenario = QString(scenario.name());
        const bool answeredNormally =
            scenario.kind == K::PrimaryDown && reply.delivery == Reply::Delivery::Normal;
        if (!answeredNormally && (reply.outcome == u"ok"_s || reply.outcome == u"scenario"_s))
            reply.outcome = u"scenario:"_s + scenario.name();
    }
    m_signer.sign(reply, mode);
    return reply;
}

} // namespace fenzhang::sandbox
