// ApiJob: the state machine of one call (attempts, failover, retries, timeout, body cap, cancel).

#include "api/apiclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QScopedPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// The most QNAM may read ahead of readBody() (see setReadBufferSize below).
constexpr qint64 ReadBufferBytes = 256 * 1024;

QString hostLabel(const QUrl &url)
{
    return url.port() == -1 ? url.host() : u"%1:%2"_s.arg(url.host()).arg(url.port());
}

// Failures below the HTTP layer: the answer never (fully) arrived, so another host may do better.
bool isNetworkLevelError(QNetworkReply::NetworkError error)
{
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

} // namespace

class ApiJob::Private final {
public:
    Private(ApiJob *job, ApiClient *apiClient, QByteArray target)
        : q(job), client(apiClient), requestTarget(std::move(target)),
          retryBudget(apiClient->config().retryPolicy())
    {
        attemptTimer.setSingleShot(true);
        backoffTimer.setSingleShot(true);
    }

    void attempt(AttemptReason reason);
    void readBody();
    void checkDeclaredLength();
    void replyFinished();
    void networkFailure(const QString &why);
    void httpAnswer(QNetworkReply *reply, int status);
    bool scheduleRetry();
    void abortReply();
    void finish(ApiResponse::Outcome outcome);

    ApiJob *q;
    ApiClient *client;
    QByteArray requestTarget;
    QScopedPointer<QNetworkReply, QScopedPointerDeleteLater> reply;
    QTimer attemptTimer;
    QTimer backoffTimer;
    AttemptReason pendingReason = AttemptReason::First;
    ApiResponse response;
    QByteArray buffer;
    QUrl currentBase;
    QStringList failures; // "host: why", one per network failure
    RetryBudget retryBudget;
    bool onBackup = false;
    bool timedOut = false;
    bool tooLarge = false;
    bool resent = false;
    int sends = 0;
};

void ApiJob::Private::attempt(AttemptReason reason)
{
    if (q->m_finished)
        return;
    const ClientConfig &config = client->m_config;
    currentBase = onBackup ? config.backupUrl : config.primaryUrl;

    // The request-target is sent byte for byte as the query built it: the URL is assembled from
    // encoded text in strict mode so Qt does not re-encode it, and what is signed is the target
    // exactly as Qt will write it on the request line.
    QByteArray prefix = currentBase.path(QUrl::FullyEncoded).toLatin1();
    while (prefix.endsWith('/'))
        prefix.chop(1);
    const QByteArray origin =
        currentBase.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toEncoded();
    const QUrl url = QUrl::fromEncoded(QByteArray(origin + prefix + requestTarget), QUrl::StrictMode);
    const QByteArray wireTarget = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority |
                                                QUrl::RemoveFragment | QUrl::NormalizePathSegments);

    ++response.attempts;
    const QString label = hostLabel(currentBase);
    if (response.hostsTried.isEmpty() || response.hostsTried.constLast() != label)
        response.hostsTried.append(label);
    response.finalUrl = url;
    response.httpStatus = 0;
    response.requestId.clear();
    response.verified = false;
    response.verification = {};
    response.body.clear();
    response.headers.clear();
    response.errorCode.clear();
    response.errorMessage.clear();
    response.errorDetail.clear();
    buffer.clear();
    timedOut = false;
    tooLarge = false;
    resent = false;
    sends = 0;

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    // Pinned: HTTP/1.1 (no h2 offered in ALPN) and no content coding. The body cap, the re-send
    // guard and the verification over the raw bytes are built and tested for exactly that; Qt's
    // defaults (HTTP/2 over TLS, transparent gzip) would change what each of them sees.
    request.setRawHeader("Accept-Encoding", "identity");
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("User-Agent", client->m_userAgent);
    request.setRawHeader("Wechatpay-Serial", client->m_verifier.keys().preferredSerial().toLatin1());
    // Signed afresh for every attempt: a new nonce and timestamp each time.
    request.setRawHeader("Authorization", client->m_signer.authorization("GET", wireTarget));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == "https"_L1)
        request.setSslConfiguration(client->m_sslConfiguration);

    Q_EMIT q->attemptStarted(currentBase, response.attempts, reason);
    if (q->m_finished) // cancelled from a slot of attemptStarted
        return;
    if (!url.isValid()) { // a request-target that is not properly percent-encoded: never sent
        response.networkError = ApiJob::tr("The request URL is not valid: %1").arg(url.errorString());
        finish(ApiResponse::Outcome::NetworkError);
        return;
    }

    reply.reset(client->m_network->get(request));
    QNetworkReply *r = reply.get();
    // QNAM reads the socket in its own thread and queues what it reads for this one without limit:
    // a server streaming a body while this thread is busy would fill memory before readBody() ever
    // saw the cap. A bounded read buffer makes it stop reading until we have taken the data.
    r->setReadBufferSize(ReadBufferBytes);
    // Qt silently re-sends a request when the connection closes before the answer, with this
    // attempt's signature and nonce (which WeChat Pay rejects as reused), hiding the failure from
    // the failover logic. A second requestSent() is that re-send: stop it and fail over instead.
    QObject::connect(r, &QNetworkReply::requestSent, q, [this] {
        if (reply && ++sends > 1) {
            resent = true;
            reply->abort();
        }
    });
    QObject::connect(r, &QNetworkReply::metaDataChanged, q, [this] { checkDeclaredLength(); });
    QObject::connect(r, &QNetworkReply::readyRead, q, [this] { readBody(); });
    QObject::connect(r, &QNetworkReply::finished, q, [this] { replyFinished(); });
    // The timer covers the whole attempt, connect to last byte (setTransferTimeout only covers
    // inactivity, so a server trickling bytes would never time out).
    attemptTimer.start(config.timeoutMs);
}

void ApiJob::Private::checkDeclaredLength()
{
    if (!reply || tooLarge)
        return;
    bool ok = false;
    const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
    if (ok && declared > client->m_config.maxBodyBytes) {
        tooLarge = true;
        reply->abort();
    }
}

void ApiJob::Private::readBody()
{
    if (!reply || tooLarge)
        return;
    buffer += reply->readAll();
    if (buffer.size() > client->m_config.maxBodyBytes) {
        tooLarge = true;
        buffer.clear();
        reply->abort();
    }
}

void ApiJob::Private::replyFinished()
{
    attemptTimer.stop();
    QNetworkReply *r = reply.get();
    if (!r || q->m_finished)
        return;
    if (!tooLarge && !timedOut && !resent && r->isOpen())
        readBody();

    const QVariant statusAttribute = r->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;

    if (tooLarge) {
        response.httpStatus = status;
        response.headers = r->rawHeaderPairs();
        response.requestId = response.header("Request-ID");
        response.networkError = ApiJob::tr("The answer from %1 is larger than %2 bytes; it was not read.")
                                    .arg(hostLabel(currentBase))
                                    .arg(client->m_config.maxBodyBytes);
        reply.reset();
        finish(ApiResponse::Outcome::BodyTooLarge);
        return;
    }
    if (resent) {
        reply.reset();
        networkFailure(ApiJob::tr("the connection was closed before an answer arrived"));
        return;
    }
    if (timedOut) {
        reply.reset();
        networkFailure(ApiJob::tr("no complete answer within %1 ms").arg(client->m_config.timeoutMs));
        return;
    }
    if (status == 0 || isNetworkLevelError(r->error())) {
        const QString why = r->errorString();
        reply.reset();
        networkFailure(why);
        return;
    }
    httpAnswer(r, status);
}

void ApiJob::Private::networkFailure(const QString &why)
{
    failures.append(ApiJob::tr("%1: %2").arg(hostLabel(currentBase), why));
    response.networkError = failures.join("; "_L1);
    if (!onBackup && !client->m_config.backupUrl.isEmpty()) {
        onBackup = true;
        attempt(AttemptReason::FailoverAfterNetworkError);
        return;
    }
    finish(ApiResponse::Outcome::NetworkError);
}

void ApiJob::Private::httpAnswer(QNetworkReply *r, int status)
{
    response.httpStatus = status;
    response.headers = r->rawHeaderPairs();
    response.requestId = response.header("Request-ID");
    response.body = buffer;
    buffer.clear();
    reply.reset();

    const SignatureHeaders signature = SignatureHeaders::fromHeaders(response.headers);
    if (status >= 200 && status < 300) {
        response.verification = client->m_verifier.verify(signature, response.body);
        response.verified = response.verification.ok();
        finish(response.verified ? ApiResponse::Outcome::Success : ApiResponse::Outcome::VerificationFailed);
        return;
    }

    // An error answer: shown whether signed or not, but flagged verified only when it is.
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    if (document.isObject()) {
        const QJsonObject object = document.object();
        response.errorCode = object.value("code"_L1).toString();
        response.errorMessage = object.value("message"_L1).toString();
        const QJsonValue detail = object.value("detail"_L1);
        if (detail.isObject())
            response.errorDetail = QJsonDocument(detail.toObject()).toJson(QJsonDocument::Compact);
        else if (detail.isArray())
            response.errorDetail = QJsonDocument(detail.toArray()).toJson(QJsonDocument::Compact);
        else if (detail.isString())
            response.errorDetail = detail.toString().toUtf8();
    }
    if (signature.isPresent()) {
        response.verification = client->m_verifier.verify(signature, response.body);
        response.verified = response.verification.ok();
    } else {
        response.verification.status = Verification::Status::MissingHeader;
        response.verification.detail = ApiJob::tr("The error answer carries no signature.");
    }

    if (scheduleRetry())
        return;
    finish(ApiResponse::Outcome::ApiError);
}

bool ApiJob::Private::scheduleRetry()
{
    const std::optional<qint64> delay =
        retryBudget.next(response.httpStatus, response.errorCode, response.header("Retry-After"));
    if (!delay)
        return false;
    pendingReason = retryBudget.lastReason() == RetryPolicy::Reason::RateLimited
                        ? AttemptReason::RetryAfterRateLimit
                        : AttemptReason::RetryAfterServerError;
    backoffTimer.start(std::chrono::milliseconds(*delay));
    return true;
}

void ApiJob::Private::abortReply()
{
    attemptTimer.stop();
    backoffTimer.stop();
    if (reply) {
        QObject::disconnect(reply.get(), nullptr, q, nullptr);
        reply->abort();
        reply.reset();
    }
}

void ApiJob::Private::finish(ApiResponse::Outcome outcome)
{
    if (q->m_finished)
        return;
    q->m_finished = true;
    abortReply();
    response.outcome = outcome;
    response.receivedAt = QDateTime::currentDateTime();
    Q_EMIT q->finished(response);
    q->deleteLater();
}

ApiJob::ApiJob(ApiClient *client, QByteArray requestTarget)
    : QObject(client), d(std::make_unique<Private>(this, client, std::move(requestTarget)))
{
    connect(&d->attemptTimer, &QTimer::timeout, this, [this] {
        if (!d->reply)
            return;
        d->timedOut = true;
        d->reply->abort(); // finishes the reply, which reports the timeout
    });
    connect(&d->backoffTimer, &QTimer::timeout, this, [this] { d->attempt(d->pendingReason); });
    // Queued, so the caller can connect to the job's signals first.
    QMetaObject::invokeMethod(
        this, [this] { d->attempt(AttemptReason::First); }, Qt::QueuedConnection);
}

ApiJob::~ApiJob()
{
    if (d->reply) {
        QObject::disconnect(d->reply.get(), nullptr, this, nullptr);
        d->reply->abort();
    }
}

const QByteArray &ApiJob::requestTarget() const
{
    return d->requestTarget;
}

void ApiJob::cancel()
{
    if (m_finished)
        return;
    d->abortReply();
    d->response.networkError = tr("Cancelled.");
    d->finish(ApiResponse::Outcome::Cancelled);
}

} // namespace fenzhang
