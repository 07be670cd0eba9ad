#include "errorpanel.h"

#include "api/lookupservice.h"
#include "format/labels.h"
#include "jsonpretty.h"
#include "plaintext.h"
#include "tonecolors.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

ErrorPanel::ErrorPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_message(new QLabel(this)), m_advice(new QLabel(this)),
      m_details(new QPlainTextEdit(this))
{
    setObjectName(u"errorPanel"_s);
    m_title->setObjectName(u"errorTitle"_s);
    m_message->setObjectName(u"errorMessage"_s);
    m_advice->setObjectName(u"errorAdvice"_s);
    m_details->setObjectName(u"errorDetails"_s);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QPalette warn = m_title->palette();
    warn.setColor(QPalette::WindowText, ToneColors::warningText(palette()));
    m_title->setPalette(warn);
    m_title->setWordWrap(true);

    // The message is WeChat Pay's (or the network's) own text.
    showPlain({m_title, m_message, m_advice});
    for (QLabel *label : {m_message, m_advice}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    const auto pending = ToneColors::badge(Labels::Tone::Pending, palette());
    m_advice->setStyleSheet(u"QLabel { background: %1; color: %2; border-radius: 6px; padding: 8px; }"_s.arg(
        pending.background.name(), pending.foreground.name()));

    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Error details"));
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_advice);
    auto *copy = new QPushButton(tr("Copy details"), this);
    copy->setObjectName(u"copyErrorDetails"_s);
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(
            QStringList{m_title->text(), m_message->text(), m_advice->text(), m_details->toPlainText()}.join(
                u'\n'));
    });
    auto *detailsRow = new QHBoxLayout;
    detailsRow->addWidget(new QLabel(tr("Details (copy these into a support ticket):"), this), 1);
    detailsRow->addWidget(copy);
    layout->addLayout(detailsRow);
    layout->addWidget(m_details, 1);
}

QString ErrorPanel::title() const
{
    return m_title->text();
}

QString ErrorPanel::advice() const
{
    return m_advice->text();
}

QString ErrorPanel::detailsText() const
{
    return m_details->toPlainText();
}

void ErrorPanel::present(const QString &title, const QString &message, const QString &advice,
                         const QString &details)
{
    m_title->setText(title);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_advice->setText(advice);
    m_advice->setVisible(!advice.isEmpty());
    m_details->setPlainText(details);
}

void ErrorPanel::setSetupError(const QString &message)
{
    present(tr("The profile could not be used"), message,
            tr("Check the profile's key and certificate files. Nothing was sent."), {});
}

ErrorPanel::Description ErrorPanel::describe(const LookupResult &result)
{
    const ApiResponse &response = result.response;
    QStringList details;
    if (response.httpStatus > 0)
        details << tr("HTTP status: %1").arg(response.httpStatus);
    details << tr("Request-ID: %1")
                   .arg(response.requestId.isEmpty() ? tr("(none)")
                                                     : QString::fromLatin1(response.requestId));
    if (response.attempts > 0)
        details << tr("Attempts: %1").arg(response.attempts);
    if (!response.hostsTried.isEmpty())
        details << tr("Hosts tried: %1").arg(response.hostsTried.join(u", "_s));

    switch (result.kind) {
    case LookupResult::Kind::ApiError: {
        const QString code = response.errorCode;
        QStringList lines = details;
        lines.prepend(tr("Code: %1").arg(code));
        lines.insert(1, tr("Message: %1").arg(response.errorMessage));
        // An empty detail ({}, [] or null, as a not-found answer carries) says nothing: left out.
        const QByteArray detail = response.errorDetail.trimmed();
        if (!detail.isEmpty() && detail != "{}" && detail != "[]" && detail != "null")
            lines << tr("Detail:") << prettyJson(response.errorDetail);
        QString advice = Labels::errorAdvice(code);
        if ((code == u"SYSTEM_ERROR"_s || code == u"FREQUENCY_LIMITED"_s) && response.attempts > 1)
            advice = tr("Tried %n time(s) in all.", nullptr, response.attempts) + u' ' + advice;
        return Description{tr("WeChat Pay answered with an error: %1").arg(Labels::errorCode(code)),
                           tr("%1 (%2): %3").arg(code).arg(response.httpStatus).arg(response.errorMessage),
                           advice, lines.join(u'\n')};
    }
    case LookupResult::Kind::NetworkError: {
        // One host (a profile without a backup) is said differently from "neither of two".
        const QStringList &tried = response.hostsTried;
        const QString message =
            tried.isEmpty() ? tr("No answer from WeChat Pay. %1").arg(response.networkError)
            : tried.size() == 1
                ? tr("No answer from %1. %2").arg(tried.constFirst(), response.networkError)
                : tr("Neither %1 answered. %2").arg(tried.join(tr(" nor ")), response.networkError);
        return Description{tr("WeChat Pay could not be reached"), message,
                           tr("Check the network connection, proxy and firewall, then try again. Nothing was "
                              "looked up; no result is shown."),
                           details.join(u'\n')};
    }
    case LookupResult::Kind::VerificationFailed:
        return Description{
            tr("The answer's signature did not verify — it was not trusted"), response.verification.detail,
            tr("No result is shown, because this answer may not come from WeChat Pay. Check the "
               "profile's WeChat Pay public key and its ID (or platform certificate), and your "
               "computer's clock. If it persists, report the Request-ID to WeChat Pay."),
            details.join(u'\n')};
    case LookupResult::Kind::NotTheAnswer:
        return Description{
            tr("The answer is not the answer to this question — it was not used"), result.parseError,
            tr("The answer is signed by WeChat Pay, but it is about another order or return, so "
               "no result is shown or saved. Something between this computer and WeChat Pay (a "
               "proxy, a cache) mixed up or replayed answers. Look it up again; if it persists, "
               "report the Request-ID to your network administrator and to WeChat Pay."),
            details.join(u'\n')};
    case LookupResult::Kind::BadAnswer:
        return Description{tr("WeChat Pay's answer could not be read"), result.parseError,
                           tr("The answer was signed correctly but is not what the API documents. Report the "
                              "Request-ID to WeChat Pay."),
                           details.join(u'\n')};
    case LookupResult::Kind::InvalidInput: {
        QStringList lines;
        for (const FieldError &error : result.fieldErrors)
            lines << u"%1: %2"_s.arg(error.field, error.message);
        return Description{tr("The query is not valid"),
                           lines.join(u'\n'),
                           tr("Correct the marked fields. Nothing was sent."),
                           {}};
    }
    case LookupResult::Kind::Cancelled:
        return Description{tr("Look-up cancelled"),
                           {},
                           tr("The look-up was stopped before WeChat Pay answered, so there is no result. "
                              "Press Enter to look it up again."),
                           details.join(u'\n')};
    case LookupResult::Kind::Ok:
        break;
    }
    return {};
}

void ErrorPanel::setResult(const LookupResult &result)
{
    const Description d = describe(result);
    present(d.title, d.message, d.advice, d.details);
}

} // namespace fenzhang
