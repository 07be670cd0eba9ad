#include "remainingamountline.h"

#include "api/lookupservice.h"
#include "errorpanel.h"
#include "format/money.h"
#include "plaintext.h"
#include "resultmetabar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fenzhang {

RemainingAmountLine::RemainingAmountLine(QWidget *parent)
    : QWidget(parent), m_caption(new QLabel(tr("Remaining to share:"), this)), m_value(new QLabel(this)),
      m_button(new QPushButton(this))
{
    setObjectName(u"remainingAmount"_s);
    m_value->setObjectName(u"remainingAmountValue"_s);
    m_value->setTextFormat(Qt::PlainText); // may carry WeChat Pay's words
    m_value->setWordWrap(true);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setBuddy(m_button);
    m_button->setObjectName(u"remainingAmountButton"_s);
    m_button->setToolTip(tr("Asks WeChat Pay how much of this payment is still frozen for profit sharing "
                            "(剩余待分金额)"));
    connect(m_button, &QPushButton::clicked, this, &RemainingAmountLine::requested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_value, 1);
    layout->addWidget(m_button);
    clear();
}

void RemainingAmountLine::clear()
{
    m_busy = false;
    m_value->setText(tr("not looked up yet"));
    m_value->setForegroundRole(QPalette::PlaceholderText);
    m_value->setToolTip({});
    m_value->setAccessibleDescription({});
    m_button->setText(tr("Look up remaining amount"));
    m_button->setEnabled(true);
    m_button->setAccessibleName(m_button->text());
}

void RemainingAmountLine::setBusy()
{
    m_busy = true;
    m_value->setText(tr("Looking up…"));
    m_value->setForegroundRole(QPalette::PlaceholderText);
    m_button->setEnabled(false);
}

void RemainingAmountLine::setResult(const LookupResult &result)
{
    m_busy = false;
    m_button->setEnabled(true);
    m_button->setText(tr("Look up again"));
    m_button->setAccessibleName(tr("Look up remaining amount again"));
    m_value->setForegroundRole(QPalette::WindowText);
    if (result.kind == LookupResult::Kind::Ok && result.amounts()) {
        const qint64 fen = result.amounts()->unsplitAmount;
        const QString when = localTimeWithOffset(result.lookedUpAt);
        m_value->setText(fen == 0 ? tr("0.00 yuan — nothing left to share (as of %1)").arg(when)
                                  : tr("%1 yuan still frozen for profit sharing (as of %2)")
                                        .arg(Money::formatYuan(fen, Money::Grouping::Thousands), when));
        m_value->setToolTip({});
        m_value->setAccessibleDescription({});
        return;
    }
    const ErrorPanel::Description error = ErrorPanel::describe(result);
    const QByteArray requestId = result.response.requestId;
    m_value->setText(requestId.isEmpty()
                         ? tr("Not known: %1").arg(error.title)
                         : tr("Not known: %1 (Request-ID %2)").arg(error.title, QString::fromLatin1(requestId)));
    // The advice and the details are there on hover and for screen readers.
    m_value->setToolTip(plainToolTip(error.advice + u"\n\n"_s + error.details)); // WeChat Pay's words
    m_value->setAccessibleDescription(error.advice);
}

void RemainingAmountLine::setSetupError(const QString &message)
{
    m_busy = false;
    m_button->setEnabled(true);
    m_value->setForegroundRole(QPalette::WindowText);
    m_value->setText(tr("Not known: %1").arg(message));
    m_value->setToolTip({});
    m_value->setAccessibleDescription({});
}

QString RemainingAmountLine::text() const
{
    return m_value->text();
}

} // namespace fenzhang
