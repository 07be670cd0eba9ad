#pragma once

// Test helper: a loopback server on its own thread (blocking sockets, no event loop) that answers
// one request with a chunked body that never ends, so it keeps pushing bytes while the test's
// main thread is deliberately busy. It stops when the client hangs up or at a safety limit, and
// counts what the client accepted.

#include <atomic>
#include <chrono>
#include <future>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <thread>

namespace fenzhang::testing {

class ThreadedStreamer final {
public:
    static constexpr qint64 SafetyLimit = 256LL * 1024 * 1024;

    ThreadedStreamer()
    {
        std::promise<quint16> port;
        m_port = port.get_future();
        m_thread = std::thread([this, promise = std::move(port)]() mutable { serve(promise); });
        m_portValue = m_port.get();
    }
    ~ThreadedStreamer()
    {
        m_stop = true;
        m_thread.join();
    }

    quint16 port() const { return m_portValue; }
    bool headersSent() const { return m_headersSent; }
    // The body starts only now, so the test can make its main thread busy first.
    void startBody() { m_startBody = true; }
    qint64 bytesSent() const { return m_bytesSent; }

private:
    void serve(std::promise<quint16> &port)
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        port.set_value(server.serverPort());
        while (!m_stop && !server.waitForNewConnection(100)) {
        }
        if (m_stop)
            return;
        QTcpSocket *socket = server.nextPendingConnection();
        QByteArray request;
        while (!m_stop && !request.contains("\r\n\r\n") &&
               socket->state() == QAbstractSocket::ConnectedState) {
            if (socket->waitForReadyRead(100))
                request += socket->readAll();
        }
        socket->write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        socket->waitForBytesWritten(1000);
        m_headersSent = true;
        while (!m_stop && !m_startBody)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        const QByteArray chunk = "4000\r\n" + QByteArray(0x4000, ' ') + "\r\n";
        while (!m_stop && m_bytesSent < SafetyLimit && socket->state() == QAbstractSocket::ConnectedState) {
            if (socket->bytesToWrite() < 256 * 1024)
                socket->write(chunk);
            const qint64 before = socket->bytesToWrite();
            socket->waitForBytesWritten(100);
            m_bytesSent += qMax<qint64>(0, before - socket->bytesToWrite());
        }
        socket->abort();
        delete socket;
    }

    std::thread m_thread;
    std::future<quint16> m_port;
    quint16 m_portValue = 0;
    std::atomic<bool> m_stop = false;
    std::atomic<bool> m_headersSent = false;
    std::atomic<bool> m_startBody = false;
    std::atomic<qint64> m_bytesSent = 0;
};

} // namespace fenzhang::testing
