#include "processingbar.h"

#include "refreshscheduler.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fenzhang {

ProcessingBar::ProcessingBar(QWidget *parent)
    : QWidget(parent), m_text(new QLabel(this)), m_refresh(new QPushButton(this)),
      m_auto(new QCheckBox(this)), m_countdown(new QLabel(this)), m_scheduler(new RefreshScheduler(this)),
      m_tick(new QTimer(this))
{
    setObjectName(u"processingBar"_s);
    m_text->setText(tr("Not final yet: WeChat Pay is still processing."));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setObjectName(u"refreshButton"_s);
    m_auto->setText(tr("Refresh automatically until final"));
    m_auto->setObjectName(u"autoRefresh"_s);
    m_auto->setToolTip(tr("Looks again after 10 s, 30 s, 1 min, then every 5 min."));
    m_countdown->setObjectName(u"refreshCountdown"_s);

    connect(m_refresh, &QPushButton::clicked, this, &ProcessingBar::refreshRequested);
    connect(m_scheduler, &RefreshScheduler::due, this, &ProcessingBar::refreshRequested);
    connect(m_auto, &QCheckBox::toggled, this, [this](bool on) {
        if (on && isVisible() && !m_scheduler->isPending())
            m_scheduler->scheduleNext();
        if (!on)
            m_scheduler->reset();
        updateCountdown();
        Q_EMIT autoRefreshToggled(on);
    });
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ProcessingBar::updateCountdown);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addStretch(1);
    layout->addWidget(m_countdown);
    layout->addWidget(m_auto);
    layout->addWidget(m_refresh);
    hide();
}

void ProcessingBar::setFinal(bool isFinal)
{
    if (isFinal) {
        stop();
        return;
    }
    show();
    if (m_auto->isChecked())
        m_scheduler->scheduleNext();
    m_tick->start();
    updateCountdown();
}

void ProcessingBar::stop()
{
    m_scheduler->reset();
    m_tick->stop();
    hide();
}

bool ProcessingBar::autoRefresh() const
{
    return m_auto->isChecked();
}

void ProcessingBar::setAutoRefresh(bool on)
{
    m_auto->setChecked(on);
}

void ProcessingBar::updateCountdown()
{
    if (m_scheduler->isPending())
        m_countdown->setText(tr("Next look-up in %n s", nullptr, m_scheduler->secondsRemaining()));
    else
        m_countdown->clear();
}

} // namespace fenzhang
