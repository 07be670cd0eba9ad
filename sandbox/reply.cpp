#include "reply.h"

namespace fenzhang::sandbox {

qint64 RepeatedBody::size() const
{
    if (count <= 0)
        return head.size() + tail.size();
    return head.size() + count * item.size() + (count - 1) + tail.size();
}

void RepeatedBody::forEachPiece(qint64 pieceSize, const std::function<void(QByteArrayView)> &sink) const
{
    QByteArray piece = head;
    for (qint64 i = 0; i < count; ++i) {
        if (i > 0)
            piece += ',';
        piece += item;
        if (piece.size() >= pieceSize) {
            sink(piece);
            piece.clear();
        }
    }
    piece += tail;
    sink(piece);
}

QByteArray RepeatedBody::toByteArray() const
{
    QByteArray all;
    all.reserve(size());
    forEachPiece(1 << 20, [&all](QByteArrayView piece) { all += piece; });
    return all;
}

QByteArray Reply::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace fenzhang::sandbox
