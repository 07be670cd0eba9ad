#pragma once

// What the sandbox answers to one request, and how the answer travels: normally, late, cut off,
// or streamed (the oversize body is generated piece by piece, never held whole).

#include "crypto/responseverifier.h" // HeaderList

#include <functional>
#include <QByteArray>
#include <QString>

namespace fenzhang::sandbox {

// head + item + ("," + item) * (count - 1) + tail, produced in pieces.
struct RepeatedBody {
    QByteArray head;
    QByteArray item;
    qint64 count = 0;
    QByteArray tail;

    bool isNull() const { return count == 0 && head.isEmpty(); }
    qint64 size() const;
    // Calls sink with consecutive pieces of about pieceSize bytes that together form the body.
    void forEachPiece(qint64 pieceSize, const std::function<void(QByteArrayView)> &sink) const;
    QByteArray toByteArray() const;
};

struct Reply {
    enum class Delivery { Normal, Delayed, Drop, DropMidBody, Stream };

    int status = 200;
    HeaderList headers; // Content-Length is added when the answer is written
    QByteArray body;
    RepeatedBody stream; // the body when delivery is Stream
    Delivery delivery = Delivery::Normal;
    int delayMs = 0;

    // For the request log.
    QString outcome;
    QString scenario;
    QByteArray requestId;

    qint64 bodySize() const { return delivery == Delivery::Stream ? stream.size() : body.size(); }
    QByteArray header(QByteArrayView name) const;
};

} // namespace fenzhang::sandbox
