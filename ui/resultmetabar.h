#pragma once

// The line under every result: whether the signature verified, the Request-ID with a copy
// button (support asks for it), and when the look-up ran.

#include <QDateTime>
#include <QWidget>

class QLabel;
class QToolButton;

namespace fenzhang {

class BadgeLabel;

// "2026-11-24 12:19:01 +08:00": the instant in the user's zone, offset visible.
QString localTimeWithOffset(const QDateTime &time);
struct LookupResult;

class ResultMetaBar final : public QWidget {
    Q_OBJECT
public:
    explicit ResultMetaBar(QWidget *parent = nullptr);

    void setResult(const LookupResult &result);
    QString requestId() const { return m_requestId; }
    BadgeLabel *verificationBadge() const { return m_verified; }

private:
    BadgeLabel *m_verified;
    QLabel *m_requestIdLabel;
    QToolButton *m_copy;
    QLabel *m_time;
    QString m_requestId;
};

} // namespace fenzhang
