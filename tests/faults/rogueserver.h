#pragma once

// Test helper: a loopback HTTP server that misbehaves in ways the sandbox cannot (it always ends
// or finishes an answer): it accepts and says nothing, starts the headers and never ends them,
// declares a Content-Length and sends less while holding the connection open, or streams a
// chunked body without end. It counts connections and the bytes it managed to send.

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace fenzhang::testing {

class RogueServer final : public QObject {
public:
    enum class Behaviour {
        Silent,             // reads the request, never answers
        HeadersNeverEnd,    // a status line and one header, then nothing
        BodyShortOfLength,  // Content-Length: 1000, 20 bytes of body, then nothing
        EndlessChunkedBody, // 200, chunked, 16 KiB chunks for as long as the client reads
    };
    static constexpr qint64 SafetyLimit = 256LL * 1024 * 1024; // stops an endless body regardless

    explicit RogueServer(Behaviour behaviour) : m_behaviour(behaviour)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::bytesWritten, this, [this, socket](qint64 written) {
                    m_bytesSent += written;
                    if (m_behaviour == Behaviour::EndlessChunkedBody && m_bytesSent < SafetyLimit &&
                        socket->bytesToWrite() < 64 * 1024)
                        writeChunk(socket);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int connections() const { return m_connections; }
    int requests() const { return m_requests; }
    qint64 bytesSent() const { return m_bytesSent; }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        buffer.clear();
        ++m_requests;
        switch (m_behaviour) {
        case Behaviour::Silent:
            break;
        case Behaviour::HeadersNeverEnd:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
            break;
        case Behaviour::BodyShortOfLength:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n"
                          "Request-ID: 08F4A1B2C3D4E5F60718293A4B5C6D7E\r\n\r\n{\"sub_mchid\":\"19000");
            break;
        case Behaviour::EndlessChunkedBody:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n");
            writeChunk(socket);
            break;
        }
    }

    static void writeChunk(QTcpSocket *socket)
    {
        static const QByteArray chunk = "4000\r\n" + QByteArray(0x4000, ' ') + "\r\n";
        socket->write(chunk);
    }

    Behaviour m_behaviour;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_connections = 0;
    int m_requests = 0;
    qint64 m_bytesSent = 0;
};

} // namespace fenzhang::testing
