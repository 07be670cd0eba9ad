#include "lookuppage.h"

#include "answerview.h"
#include "errorpanel.h"
#include "format/money.h"
#include "lookup/queryfields.h"
#include "lookup/resultexport.h"
#include "lookupcontroller.h"
#include "orderresultview.h"
#include "processingbar.h"
#include "queryform.h"
#include "receiverspanel.h"
#include "refreshscheduler.h"
#include "remainingamountline.h"
#include "resultmetabar.h"
#include "returnresultview.h"
#include "stalebanner.h"

#include <QFrame>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

// Whether two questions ask the same (as they would be sent: trimmed).
bool sameNumbers(const Query &a, const Query &b)
{
    return a.trimmed() == b.trimmed();
}

} // namespace

LookupPage::LookupPage(LookupKind kind, LookupController *controller, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_controller(controller), m_form(new QueryForm(kind, this)),
      m_errorPanel(new ErrorPanel(this)), m_processing(new ProcessingBar(this)), m_hint(new QLabel(this)),
      m_stack(new QStackedWidget(this)), m_staleBanner(new StaleBanner(m_stack, this))
{
    setObjectName(LookupKinds::name(kind) + u"Page"_s); // orderPage, returnPage, amountsPage
    // Orders and returns have views of their own; any other kind is shown from its description.
    QWidget *resultView = nullptr;
    if (kind == LookupKind::Order) {
        m_orderView = new OrderResultView(this);
        resultView = m_orderView;
        connect(m_orderView->remainingAmount(), &RemainingAmountLine::requested, this,
                &LookupPage::lookUpRemainingAmount);
    } else if (kind == LookupKind::Return) {
        m_returnView = new ReturnResultView(this);
        resultView = m_returnView;
    } else {
        m_answerView = new AnswerView(this);
        resultView = m_answerView;
    }
    updateHint();
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_stack->addWidget(m_hint);
    m_stack->addWidget(resultView);
    m_stack->addWidget(m_errorPanel);

    connect(form(), &QueryForm::submitted, this, &LookupPage::run);
    connect(form(), &QueryForm::inputChanged, this, [this] { updateStale(); });
    connect(form(), &QueryForm::cancelRequested, this, &LookupPage::cancel);
    connect(m_processing, &ProcessingBar::refreshRequested, this, &LookupPage::refresh);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(form());
    layout->addWidget(line);
    layout->addWidget(m_processing);
    layout->addWidget(m_staleBanner);
    layout->addWidget(m_stack, 1);
}

LookupPage::~LookupPage()
{
    if (m_job)
        m_job->cancel();
    if (m_amountsJob)
        m_amountsJob->cancel();
}

Product LookupPage::product() const
{
    return form()->product();
}

void LookupPage::setProduct(Product product)
{
    // What is shown was asked as another product: refreshing it, or asking its remaining amount,
    // would send that product's question with this profile's keys.
    if (product != this->product())
        m_processing->scheduler()->stop();
    form()->setProduct(product);
    updateHint();
    updateStale(); // a result of another product's look-up no longer answers the form
}

void LookupPage::updateHint()
{
    m_hint->setText(
        tr("Enter %1, then press Enter.").arg(QueryFields::nounList(Query::fieldGroups(m_kind, product()))));
}

bool LookupPage::shownIsThisProducts() const
{
    return m_shown && m_shown->product() == product();
}

void LookupPage::lookUpRemainingAmount()
{
    if (!m_orderView || !m_shown || !m_shown->order() || m_amountsJob)
        return;
    if (!shownIsThisProducts()) {
        m_orderView->remainingAmount()->setSetupError(
            tr("this order was looked up for another profit-sharing product; look it up again first."));
        return;
    }
    const AmountsQuery query{m_shown->order()->transactionId, m_shown->product()};
    QString error;
    LookupJob *job = m_controller->start(query, &error);
    RemainingAmountLine *line = m_orderView->remainingAmount();
    if (!job) {
        line->setSetupError(error);
        return;
    }
    m_amountsJob = job;
    line->setBusy();
    connect(job, &LookupJob::finished, this, [this, line, query](const LookupResult &result) {
        m_amountsJob.clear();
        if (result.kind == LookupResult::Kind::Cancelled) { // a new order is shown, or cancelled
            if (line->isBusy())
                line->clear();
            return;
        }
        // Shown only beside the order whose payment it is about (another may be shown by now).
        if (m_shown && m_shown->order() && m_shown->order()->transactionId == query.transactionId) {
            line->setResult(result);
            if (result.kind == LookupResult::Kind::Ok)
                m_remaining = result;
        }
        Q_EMIT remainingAmountFinished(result);
    });
    connect(job, &QObject::destroyed, this, [this, line] {
        if (!m_amountsJob && line->isBusy()) // died unfinished (the profile was switched away)
            line->clear();
    });
}

QString LookupPage::title() const
{
    return LookupKinds::pageTitle(m_kind);
}

LookupPage::View LookupPage::currentView() const
{
    if (m_stack->currentWidget() == m_errorPanel)
        return View::Error;
    if (m_stack->currentWidget() == m_hint)
        return View::Empty;
    return View::Result;
}

void LookupPage::run()
{
    if (isBusy())
        return;
    m_processing->scheduler()->reset(); // a new question: backoff starts over
    start(form()->currentQuery());
}

void LookupPage::refresh()
{
    if (isBusy() || !m_shown)
        return;
    if (!shownIsThisProducts()) { // the profile changed to another product's since
        m_processing->scheduler()->stop();
        return;
    }
    start(m_shown->query);
}

void LookupPage::cancel()
{
    if (m_job)
        m_job->cancel();
    m_processing->scheduler()->stop();
}

void LookupPage::start(const Query &query)
{
    QString error;
    LookupJob *job = m_controller->start(query, &error);
    if (!job) {
        m_shown.reset();
        m_processing->stop();
        m_errorPanel->setSetupError(error);
        m_stack->setCurrentWidget(m_errorPanel);
        m_displayedFor = query;
        updateStale();
        return;
    }
    m_running = query;
    setJob(job);
    updateStale();
}

void LookupPage::setJob(LookupJob *job)
{
    m_job = job;
    connect(job, &LookupJob::finished, this, &LookupPage::finish);
    // A job that dies without finishing (its profile was switched away) must not leave us busy.
    connect(job, &QObject::destroyed, this, [this] {
        if (!m_job && m_running) { // this job died unfinished, and no other runs
            m_running.reset();
            updateStale();
        }
        if (form()->isBusy()) {
            form()->setBusy(false);
            Q_EMIT busyChanged(false);
        }
    });
    form()->setBusy(true);
    Q_EMIT busyChanged(true);
}

void LookupPage::finish(const LookupResult &result)
{
    m_job.clear();
    m_running.reset();
    form()->setBusy(false);
    Q_EMIT busyChanged(false);

    if (result.kind == LookupResult::Kind::Ok) {
        if (m_amountsJob) // about the order shown before
            m_amountsJob->cancel();
        m_shown = result;
        m_remaining.reset();
        if (m_orderView)
            m_orderView->setResult(result);
        else if (m_returnView)
            m_returnView->setResult(result);
        else
            m_answerView->setResult(result);
        m_stack->setCurrentIndex(1);
        m_processing->setFinal(result.isFinal());
        m_displayedFor = result.query;
    } else if (result.kind == LookupResult::Kind::Cancelled && m_shown) {
        // Keep showing the previous answer; the status line says it was cancelled.
        m_processing->scheduler()->stop();
    } else {
        m_shown.reset();
        m_processing->stop();
        m_errorPanel->setResult(result);
        m_stack->setCurrentWidget(m_errorPanel);
        m_displayedFor = result.query;
    }
    updateStale(true);
    Q_EMIT lookupFinished(result);
    if (result.kind == LookupResult::Kind::Ok && result.order() && result.order()->state == u"FINISHED"_s &&
        m_controller->currentProfile().autoRemainingAmount)
        lookUpRemainingAmount();
}

bool LookupPage::formAsks(const Query &query) const
{
    return sameNumbers(form()->currentQuery(), query);
}

bool LookupPage::isStale() const
{
    return m_staleBanner->isStale();
}

void LookupPage::updateStale(bool notify)
{
    QString text;
    if (m_displayedFor && currentView() != View::Empty) {
        const Query &shown = *m_displayedFor;
        const QString which = shown.number();
        const bool runningOther = m_running && !sameNumbers(*m_running, shown);
        if (runningOther)
            text = tr("Previous result, for %1 — the numbers above are being looked up…").arg(which);
        else if (!formAsks(shown))
            text = tr("Previous result, for %1 — not for the numbers above. Press Enter to look them up.")
                       .arg(which);
    }
    m_staleBanner->setStaleText(text);
    const bool exportable = m_shown.has_value() && !isStale();
    if (exportable != m_exportable || notify) {
        m_exportable = exportable;
        Q_EMIT exportableChanged(exportable); // also after each answer: Refresh may change
    }
}

WriteResult LookupPage::exportTo(const ExportTarget &target, const ExportInfo &info) const
{
    if (!m_shown)
        return unexpected(tr("There is no result to export."));
    ExportInfo about = info;
    if (m_remaining && m_remaining->amounts()) {
        const qint64 fen = m_remaining->amounts()->unsplitAmount;
        about.notes.append(
            {tr("Remaining to share (剩余待分金额)"),
             tr("%1 yuan (%2 fen) of payment %3, looked up at %4, Request-ID %5")
                 .arg(Money::formatYuan(fen), QString::number(fen), m_remaining->amounts()->transactionId,
                      localTimeWithOffset(m_remaining->lookedUpAt),
                      QString::fromLatin1(m_remaining->response.requestId))});
    }
    // The remaining amount asked beside this order, in columns of its own on each line too.
    const bool remaining =
        m_remaining && m_shown->lookup() == LookupKind::Order &&
        m_remaining->query.value(u"transaction_id") == m_shown->query.value(u"transaction_id");
    return ResultExport::save(*m_shown, target.path, target.format, about,
                              remaining ? &*m_remaining : nullptr);
}

int LookupPage::exportRowCount() const
{
    if (!m_shown)
        return 0;
    if (const OrderResult *order = m_shown->order())
        return std::max(1, int(order->receivers.size()));
    return 1;
}

QString LookupPage::suggestedExportName() const
{
    if (!m_shown)
        return {};
    return u"profitsharing-%1-%2"_s.arg(LookupKinds::name(m_kind), m_shown->query.number());
}

bool LookupPage::copyRows() const
{
    if (!m_orderView || !m_shown)
        return false;
    m_orderView->receivers()->copySelection();
    return true;
}

} // namespace fenzhang
