#include "receiverdetailpane.h"

#include "format/labels.h"
#include "format/money.h"
#include "tonecolors.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// "Label (CODE)", or the code alone when there is no label for it (a value newer than the app).
QString labelled(const QString &label, const QString &code)
{
    return label == code ? code : u"%1 (%2)"_s.arg(label, code);
}

QString timeText(const WxTime &time)
{
    return time.isValid() ? time.toLocalDisplayString() : time.raw();
}

} // namespace

ReceiverDetailPane::ReceiverDetailPane(QWidget *parent)
    : QFrame(parent), m_summary(new QLabel(this)), m_advice(new QLabel(this))
{
    setObjectName(u"receiverDetail"_s);
    setFrameShape(QFrame::StyledPanel);
    m_summary->setObjectName(u"receiverDetailText"_s);
    m_advice->setObjectName(u"receiverDetailAdvice"_s);
    for (QLabel *label : {m_summary, m_advice}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    const auto pending = ToneColors::badge(Labels::Tone::Pending, palette());
    m_advice->setStyleSheet(u"QLabel { background: %1; color: %2; border-radius: 6px; padding: 6px; }"_s.arg(
        pending.background.name(), pending.foreground.name()));
    setAccessibleName(tr("Selected receiver"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_summary);
    layout->addWidget(m_advice);
    clear();
}

void ReceiverDetailPane::setReceiver(const ReceiverDetail &r)
{
    QStringList lines;
    lines << tr("%1 yuan to %2 (%3)")
                 .arg(Money::formatYuan(r.amount, Money::Grouping::Thousands), r.account,
                      Labels::receiverType(r.type));
    if (!r.description.isEmpty())
        lines << tr("Description: %1").arg(r.description);
    lines << tr("Result: %1").arg(labelled(Labels::receiverResult(r.result), r.result));
    if (!r.failReason.isEmpty())
        lines
            << tr("Failure reason: %1").arg(labelled(Labels::receiverFailReason(r.failReason), r.failReason));
    QStringList times;
    if (!r.createTime.raw().isEmpty())
        times << tr("created %1").arg(timeText(r.createTime));
    if (!r.finishTime.raw().isEmpty())
        times << tr("finished %1").arg(timeText(r.finishTime));
    if (!r.detailId.isEmpty())
        times << tr("detail ID %1").arg(r.detailId);
    if (!times.isEmpty())
        lines << times.join(u" · "_s);
    m_summary->setText(lines.join(u'\n'));
    const QString advice = r.failReason.isEmpty() ? QString() : Labels::receiverFailAdvice(r.failReason);
    m_advice->setText(advice.isEmpty() ? QString() : tr("What to do: %1").arg(advice));
    m_advice->setVisible(!advice.isEmpty());
}

void ReceiverDetailPane::clear()
{
    m_summary->setText(tr("Select a receiver to see its failure reason and what to do about it."));
    m_advice->clear();
    m_advice->hide();
}

QString ReceiverDetailPane::text() const
{
    return m_summary->text();
}

QString ReceiverDetailPane::adviceText() const
{
    return m_advice->isHidden() ? QString() : m_advice->text();
}

} // namespace fenzhang
