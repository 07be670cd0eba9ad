#include "httpfrontend.h"

#include "requestlinetap.h"

#include <memory>
#include <QDateTime>
#include <QLocale>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QTimer>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0) && QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
#error "The sandbox supports QtHttpServer 6.4 (socket API) and 6.8+ (QHttpHeaders responder API), not 6.5-6.7"
#endif
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

namespace {

// QTcpServer and QSslServer that let the front end see each socket before QtHttpServer connects
// its own readyRead slot (nextPendingConnection() is what QtHttpServer calls).
template <typename Base> class TappingServer final : public Base {
public:
    explicit TappingServer(HttpFrontend *frontend) : m_frontend(frontend) {}
    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket)
            m_frontend->adoptSocket(socket);
        return socket;
    }

private:
    HttpFrontend *m_frontend;
};

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK"_ba;
    case 400:
        return "Bad Request"_ba;
    case 401:
        return "Unauthorized"_ba;
    case 403:
        return "Forbidden"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 429:
        return "Too Many Requests"_ba;
    case 500:
        return "Internal Server Error"_ba;
    case 502:
        return "Bad Gateway"_ba;
    default:
        return "Status"_ba;
    }
}

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
        .toLatin1();
}

QByteArray methodName(const QHttpServerRequest &request)
{
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        return "GET"_ba;
    case QHttpServerRequest::Method::Put:
        return "PUT"_ba;
    case QHttpServerRequest::Method::Delete:
        return "DELETE"_ba;
    case QHttpServerRequest::Method::Post:
        return "POST"_ba;
    case QHttpServerRequest::Method::Head:
        return "HEAD"_ba;
    case QHttpServerRequest::Method::Options:
        return "OPTIONS"_ba;
    case QHttpServerRequest::Method::Patch:
        return "PATCH"_ba;
    default:
        return "UNKNOWN"_ba;
    }
}

// HTTP/1.1 keeps the connection unless asked not to; HTTP/1.0 only when asked to.
bool keepsConnection(const IncomingRequest &incoming)
{
    const QByteArray connection = incoming.header("Connection").toLower();
    return incoming.version == "HTTP/1.0" ? connection.contains("keep-alive") : !connection.contains("close");
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
constexpr qint64 StreamWindow = 1 << 20; // bytes queued on the socket while streaming

// Writes a RepeatedBody to a socket as the socket drains, so at most about StreamWindow bytes of
// it exist at a time. Owned by the socket: a client that hangs up ends it.
class BodyStreamer final : public QObject {
public:
    BodyStreamer(QTcpSocket *socket, RepeatedBody body, bool keepAlive)
        : QObject(socket), m_socket(socket), m_body(std::move(body)), m_keepAlive(keepAlive)
    {
        connect(socket, &QTcpSocket::bytesWritten, this, &BodyStreamer::pump);
        m_socket->write(m_body.head);
        pump();
    }

private:
    void pump()
    {
        while (m_next <= m_body.count && m_socket->bytesToWrite() < StreamWindow) {
            QByteArray piece;
            while (m_next < m_body.count && piece.size() < StreamWindow / 4) {
                if (m_next > 0)
                    piece += ',';
                piece += m_body.item;
                ++m_next;
            }
            if (m_next == m_body.count) {
                piece += m_body.tail;
                ++m_next; // done
            }
            m_socket->write(piece);
        }
        if (m_next > m_body.count) {
            if (!m_keepAlive)
                m_socket->disconnectFromHost();
            deleteLater();
        }
    }

    QTcpSocket *m_socket;
    RepeatedBody m_body;
    qint64 m_next = 0;
    bool m_keepAlive;
};

void deliver(QTcpSocket *socket, const Reply &reply, bool keepAlive)
{
    switch (reply.delivery) {
    case Reply::Delivery::Normal:
        socket->write(responseHead(reply, keepAlive) + reply.body);
        if (!keepAlive)
            socket->disconnectFromHost();
        return;
    case Reply::Delivery::Delayed: {
        // The socket is the timer's context: a client that gives up cancels the answer.
        const QByteArray bytes = responseHead(reply, keepAlive) + reply.body;
        QTimer::singleShot(reply.delayMs, socket, [socket, bytes, keepAlive] {
            if (socket->state() != QAbstractSocket::ConnectedState)
                return;
            socket->write(bytes);
            if (!keepAlive)
                socket->disconnectFromHost();
        });
        return;
    }
    case Reply::Delivery::Drop:
        socket->abort();
        return;
    case Reply::Delivery::DropMidBody:
        socket->write(responseHead(reply, keepAlive) + reply.body.left(reply.body.size() / 2));
        socket->disconnectFromHost(); // after the queued bytes are sent
        return;
    case Reply::Delivery::Stream:
        socket->write(responseHead(reply, keepAlive));
        new BodyStreamer(socket, reply.stream, keepAlive);
        return;
    }
}
#endif

} // namespace

QByteArray responseHead(const Reply &reply, bool keepAlive)
{
    QByteArray head =
        "HTTP/1.1 "_ba + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    head += "Server: nginx\r\nDate: "_ba + httpDate() + "\r\n";
    for (const auto &[name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: "_ba + QByteArray::number(reply.bodySize()) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n\r\n"_ba : "Connection: close\r\n\r\n"_ba;
    return head;
}

HttpFrontend::HttpFrontend(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{
}

bool HttpFrontend::start(quint16 port, const std::optional<QSslConfiguration> &tls, QString *errorString)
{
    // Our own listening server (rather than QAbstractHttpServer::listen() with sslSetup()) so
    // each socket passes through adoptSocket() first; bind() is the same path listen() takes.
    QTcpServer *server = nullptr;
    if (tls) {
        auto *sslServer = new TappingServer<QSslServer>(this);
        sslServer->setSslConfiguration(*tls);
        server = sslServer;
    } else {
        server = new TappingServer<QTcpServer>(this);
    }
    if (!server->listen(QHostAddress::LocalHost, port)) {
        *errorString = tr("Cannot listen on 127.0.0.1:%1: %2").arg(port).arg(server->errorString());
        delete server;
        return false;
    }
    m_port = server->serverPort();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (!bind(server)) {
        *errorString = tr("Cannot serve HTTP on 127.0.0.1:%1").arg(m_port);
        return false;
    }
#else
    bind(server); // returns nothing before Qt 6.8
#endif
    return true;
}

void HttpFrontend::adoptSocket(QTcpSocket *socket)
{
    RequestLineTap::attach(socket);
    const quint16 peerPort = socket->peerPort();
    m_socketsByPeerPort.insert(peerPort, socket);
    connect(socket, &QObject::destroyed, this, [this, peerPort] {
        auto it = m_socketsByPeerPort.find(peerPort);
        if (it != m_socketsByPeerPort.end() && it->isNull())
            m_socketsByPeerPort.erase(it);
    });
}

IncomingRequest HttpFrontend::toIncoming(const QHttpServerRequest &request, QTcpSocket *socket) const
{
    IncomingRequest incoming;
    const QByteArray line =
        socket && RequestLineTap::of(socket) ? RequestLineTap::of(socket)->takeLine() : QByteArray();
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() == 3 && parts.at(2).startsWith("HTTP/")) {
        incoming.method = parts.at(0);
        incoming.target = parts.at(1);
        incoming.version = parts.at(2);
    } else {
        // Without the raw line, the best we have is QUrl's (possibly re-encoded) form.
        incoming.method = methodName(request);
        incoming.target =
            request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    }
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    incoming.headers = request.headers();
#else
    incoming.headers = request.headers().toListOfPairs();
#endif
    incoming.body = request.body();
    return incoming;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const IncomingRequest incoming = toIncoming(request, socket);
    deliver(socket, m_handler(incoming, incoming.header("Host")), keepsConnection(incoming));
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    socket->abort(); // not reached: handleRequest() takes every request
}

#else

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket = m_socketsByPeerPort.value(request.remotePort());
    const IncomingRequest incoming = toIncoming(request, socket);
    const Reply reply = m_handler(incoming, incoming.header("Host"));

    QHttpHeaders headers;
    for (const auto &[name, value] : reply.headers)
        headers.append(name, value);
    headers.append(QHttpHeaders::WellKnownHeader::Server, "nginx"_ba);
    const auto status = static_cast<QHttpServerResponder::StatusCode>(reply.status);
    // QtHttpServer 6.8 keeps every connection open: "Connection: close" is ours to honour, by
    // saying so in the answer and closing once its bytes are written.
    QPointer<QTcpSocket> closeAfterAnswer;
    if (!keepsConnection(incoming)) {
        headers.replaceOrAppend(QHttpHeaders::WellKnownHeader::Connection, "close"_ba);
        closeAfterAnswer = socket;
    }
    const auto answered = [closeAfterAnswer] {
        // Once control is back in the event loop: QtHttpServer hands the answer to the socket after
        // this handler returns, and disconnectFromHost() then waits for those bytes to be sent.
        if (closeAfterAnswer)
            QTimer::singleShot(0, closeAfterAnswer.data(), [closeAfterAnswer] {
                if (closeAfterAnswer)
                    closeAfterAnswer->disconnectFromHost();
            });
    };

    switch (reply.delivery) {
    case Reply::Delivery::Normal:
        responder.write(reply.body, headers, status);
        answered();
        break;
    case Reply::Delivery::Delayed: {
        auto later = std::make_shared<QHttpServerResponder>(std::move(responder));
        QTimer::singleShot(reply.delayMs, this, [later, reply, headers, status, answered] {
            later->write(reply.body, headers, status);
            answered();
        });
        break;
    }
    case Reply::Delivery::Drop:
    case Reply::Delivery::DropMidBody:
        // No socket-level control through the responder: close the connection without an answer
        // (mid-body cut-offs become plain drops on Qt >= 6.5).
        if (socket)
            QTimer::singleShot(0, socket, [socket] { socket->abort(); });
        else
            responder.write(QHttpServerResponder::StatusCode::BadGateway);
        break;
    case Reply::Delivery::Stream:
        responder.write(reply.stream.toByteArray(), headers, status);
        answered();
        break;
    }
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

#endif

} // namespace fenzhang::sandbox
