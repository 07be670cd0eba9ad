#include "resultdialog.h"

#include "answerview.h"
#include "api/lookupservice.h"
#include "errorpanel.h"
#include "orderresultview.h"
#include "resultmetabar.h"
#include "returnresultview.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

ResultDialog::ResultDialog(QWidget *parent)
    : QDialog(parent), m_history(new QLabel(this)), m_orderView(new OrderResultView(this)),
      m_returnView(new ReturnResultView(this)), m_answerView(new AnswerView(this)),
      m_errorPanel(new ErrorPanel(this))
{
    setObjectName(u"resultDialog"_s);
    m_history->setObjectName(u"historyNote"_s);
    m_history->setWordWrap(true);
    m_history->setTextFormat(Qt::PlainText);
    // Same fixed colours in every theme: the note must not be missed.
    m_history->setStyleSheet(u"QLabel { background: #e8eef8; color: #1f3a66; padding: 6px; }"_s);
    m_history->hide();
    m_orderView->setRemainingAmountOffered(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_history);
    layout->addWidget(m_orderView, 1);
    layout->addWidget(m_returnView, 1);
    layout->addWidget(m_answerView, 1);
    layout->addWidget(m_errorPanel, 1);
    layout->addWidget(buttons);
    resize(980, 640);
}

void ResultDialog::setResult(const LookupResult &result)
{
    const bool ok = result.kind == LookupResult::Kind::Ok && result.answer;
    m_orderView->setVisible(ok && result.order());
    m_returnView->setVisible(ok && result.returnOrder());
    m_answerView->setVisible(ok && !result.order() && !result.returnOrder()); // any other kind
    m_errorPanel->setVisible(!ok);
    if (!ok)
        m_errorPanel->setResult(result);
    else if (result.order())
        m_orderView->setResult(result);
    else if (result.returnOrder())
        m_returnView->setResult(result);
    else
        m_answerView->setResult(result);
    setWindowTitle(LookupKinds::dialogTitle(result.lookup()));
}

void ResultDialog::setFromHistory(const QDateTime &lookedUpAt)
{
    m_history->setText(tr("From history, looked up at %1. This is the answer as it was then; "
                          "run the look-up again for the current state.")
                           .arg(localTimeWithOffset(lookedUpAt)));
    m_history->show();
}

QString ResultDialog::historyNote() const
{
    return m_history->isHidden() ? QString() : m_history->text();
}

} // namespace fenzhang
