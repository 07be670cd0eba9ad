#include "resultmetabar.h"

#include "api/lookupservice.h"
#include "badgelabel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace fenzhang {

QString localTimeWithOffset(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    const int offset = local.offsetFromUtc();
    const int minutes = qAbs(offset) / 60;
    return local.toString(u"yyyy-MM-dd HH:mm:ss"_s) +
           u" %1%2:%3"_s.arg(offset < 0 ? QChar(u'-') : QChar(u'+'))
               .arg(minutes / 60, 2, 10, QChar(u'0'))
               .arg(minutes % 60, 2, 10, QChar(u'0'));
}

ResultMetaBar::ResultMetaBar(QWidget *parent)
    : QWidget(parent), m_verified(new BadgeLabel(this)), m_requestIdLabel(new QLabel(this)),
      m_copy(new QToolButton(this)), m_time(new QLabel(this))
{
    m_verified->setObjectName(u"verificationBadge"_s);
    m_requestIdLabel->setObjectName(u"requestIdLabel"_s);
    m_requestIdLabel->setTextFormat(Qt::PlainText); // the answer's header
    m_requestIdLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy->setObjectName(u"copyRequestId"_s);
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the Request-ID, for a support ticket"));
    m_copy->setAutoRaise(true);
    connect(m_copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(m_requestId); });
    m_time->setObjectName(u"lookedUpLabel"_s);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verified);
    layout->addSpacing(12);
    layout->addWidget(m_requestIdLabel);
    layout->addWidget(m_copy);
    layout->addStretch(1);
    layout->addWidget(m_time);
}

void ResultMetaBar::setResult(const LookupResult &result)
{
    const bool verified = result.response.verified;
    m_verified->setBadge(verified ? tr("Signature verified") : tr("Signature NOT verified"),
                         verified ? Labels::Tone::Good : Labels::Tone::Bad);
    m_verified->setToolTip(verified ? tr("The answer carries WeChat Pay's valid signature.")
                                    : result.response.verification.detail);
    m_requestId = QString::fromLatin1(result.response.requestId);
    m_requestIdLabel->setText(tr("Request-ID: %1").arg(m_requestId.isEmpty() ? tr("(none)") : m_requestId));
    m_copy->setEnabled(!m_requestId.isEmpty());
    const QDateTime at = result.lookedUpAt.isValid() ? result.lookedUpAt : result.response.receivedAt;
    m_time->setText(at.isValid() ? tr("Looked up %1").arg(localTimeWithOffset(at)) : QString());
}

} // namespace fenzhang
