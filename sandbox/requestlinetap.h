#pragma once

// Watches a socket and keeps each request line as it arrives, before QtHttpServer parses (and
// re-encodes) it: WeChat Pay verifies the signature over the request-target exactly as sent, so the
// sandbox must see the client's bytes, not a QUrl's normalised form.
//
// It reads with peek() from a readyRead slot connected before QtHttpServer's own, so the parser
// still gets every byte. Pipelined requests are not tracked; then the caller falls back to the
// parsed URL.

#include <QByteArray>
#include <QObject>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace fenzhang::sandbox {

class RequestLineTap final : public QObject {
    Q_OBJECT
public:
    static RequestLineTap *attach(QTcpSocket *socket);
    static RequestLineTap *of(QTcpSocket *socket);

    // "GET /v3/... HTTP/1.1", then starts watching for the next request; empty if none was seen.
    QByteArray takeLine();

private:
    explicit RequestLineTap(QTcpSocket *socket);
    void onReadyRead();

    QTcpSocket *m_socket;
    QByteArray m_partial;
    QByteArray m_line;
    bool m_watching = true;
};

} // namespace fenzhang::sandbox
