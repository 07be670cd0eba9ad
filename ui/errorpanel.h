#pragma once

// Why a look-up produced no result, and what to do about it: WeChat Pay's code, message and
// detail with the HTTP status and Request-ID; both hosts for a network failure; for a failed
// signature check a plain statement that the answer was not trusted (and nothing of it shown).

#include <QString>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace fenzhang {

class ResultMetaBar;
struct LookupResult;

class ErrorPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ErrorPanel(QWidget *parent = nullptr);

    // What the panel says of a failed look-up, translated; also what shorter places (the remaining
    // amount line) say of theirs. details has the HTTP status, Request-ID, attempts and hosts.
    struct Description {
        QString title;
        QString message;
        QString advice;
        QString details;
    };
    static Description describe(const LookupResult &result);

    void setResult(const LookupResult &result);
    // The profile's keys could not be loaded: nothing was sent.
    void setSetupError(const QString &message);

    QString title() const;
    QString advice() const;
    QString detailsText() const;

private:
    void present(const QString &title, const QString &message, const QString &advice, const QString &details);

    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_advice;
    QPlainTextEdit *m_details;
};

} // namespace fenzhang
