#include "requestlinetap.h"

#include <QTcpSocket>

namespace fenzhang::sandbox {

namespace {
constexpr qsizetype MaxLine = 64 * 1024;
}

RequestLineTap::RequestLineTap(QTcpSocket *socket) : QObject(socket), m_socket(socket)
{
    connect(socket, &QTcpSocket::readyRead, this, &RequestLineTap::onReadyRead);
}

RequestLineTap *RequestLineTap::attach(QTcpSocket *socket)
{
    return new RequestLineTap(socket);
}

RequestLineTap *RequestLineTap::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<RequestLineTap *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

QByteArray RequestLineTap::takeLine()
{
    QByteArray line = std::exchange(m_line, {});
    m_partial.clear();
    m_watching = true;
    return line;
}

void RequestLineTap::onReadyRead()
{
    if (!m_watching)
        return;
    m_partial += m_socket->peek(m_socket->bytesAvailable());
    // HTTP allows empty lines before a request line.
    while (m_partial.startsWith("\r\n") || m_partial.startsWith('\n'))
        m_partial.remove(0, m_partial.startsWith('\n') ? 1 : 2);
    const qsizetype end = m_partial.indexOf('\n');
    if (end < 0) {
        if (m_partial.size() > MaxLine) {
            m_partial.clear();
            m_watching = false;
        }
        return;
    }
    m_line = m_partial.left(end);
    if (m_line.endsWith('\r'))
        m_line.chop(1);
    m_partial.clear();
    m_watching = false;
}

} // namespace fenzhang::sandbox
