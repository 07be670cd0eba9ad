#pragma once

// The HTTP side of the sandbox on QtHttpServer: listens on 127.0.0.1 only (TLS optional), hands
// each request with its request-target exactly as received to a handler, and delivers the Reply:
// normally, late, cut off, or streamed.
//
// Qt 6.4 gives handleRequest() the socket, so every delivery mode works at socket level. Qt 6.5+
// passes a QHttpServerResponder instead; there the socket is found by the client's port, and the
// oversize body is written whole (see docs/sandbox.md, "Qt versions").

#include "apihandler.h"
#include "reply.h"

#include <functional>
#include <optional>
#include <QHash>
#include <QPointer>
#include <QSslConfiguration>
#include <QtHttpServer/QAbstractHttpServer>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace fenzhang::sandbox {

class HttpFrontend final : public QAbstractHttpServer {
    Q_OBJECT
public:
    // Called once per request; the Reply comes back synchronously.
    using Handler = std::function<Reply(const IncomingRequest &request, const QByteArray &host)>;

    explicit HttpFrontend(Handler handler, QObject *parent = nullptr);

    // Listens on 127.0.0.1:port (0: any free port), with TLS when tls is given.
    bool start(quint16 port, const std::optional<QSslConfiguration> &tls, QString *errorString);
    quint16 port() const { return m_port; }

    // Called for every accepted socket before QtHttpServer sees it.
    void adoptSocket(QTcpSocket *socket);

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#endif

private:
    IncomingRequest toIncoming(const QHttpServerRequest &request, QTcpSocket *socket) const;

    Handler m_handler;
    quint16 m_port = 0;
    QHash<quint16, QPointer<QTcpSocket>> m_socketsByPeerPort;
};

// Serialises a reply's status line and headers (with Content-Length and Connection) for writing
// to a socket.
QByteArray responseHead(const Reply &reply, bool keepAlive = true);

} // namespace fenzhang::sandbox
