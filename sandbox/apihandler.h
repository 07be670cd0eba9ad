#pragma once

// The simulated WeChat Pay service behind the HTTP front end: checks the signature, routes the six
// look-ups, validates parameters, plays scenarios, finds records and signs every answer. A plain
// function of the request (plus the store, nonces and call counters), so it is testable without
// sockets.

#include "apirequest.h"
#include "authorization.h"
#include "datastore.h"
#include "reply.h"
#include "replysigner.h"
#include "scenario.h"

#include <QHash>

namespace fenzhang::sandbox {

struct IncomingRequest {
    QByteArray method;
    QByteArray target; // exactly as received on the request line
    QByteArray version = "HTTP/1.1";
    HeaderList headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
};

class ApiHandler final {
public:
    ApiHandler() = default;
    ApiHandler(DataStore store, RequestAuthenticator authenticator, ReplySigner signer);

    Reply handle(const IncomingRequest &request);

    // How often a scenario number has been asked for (successfully signed, valid calls).
    int callCount(ApiRequest::Endpoint endpoint, const QString &number) const;

private:
    Reply answer(const ApiRequest &request, const Scenario &scenario, int call);
    Reply answerOrder(const ApiRequest &request, const Scenario &scenario, int call);
    Reply answerReturn(const ApiRequest &request, const Scenario &scenario, int call);
    Reply answerAmounts(const ApiRequest &request, const Scenario &scenario, int call);
    Reply finish(Reply reply, Product product, const Scenario &scenario, int call, const QByteArray &host);

    DataStore m_store;
    RequestAuthenticator m_authenticator;
    ReplySigner m_signer;
    QHash<QString, int> m_calls;
};

// {"code":..,"message":..,"detail":{..}} as WeChat Pay sends errors.
Reply errorReply(int status, QLatin1StringView code, const QString &message, const QByteArray &detailJson,
                 const QString &outcome);

} // namespace fenzhang::sandbox
