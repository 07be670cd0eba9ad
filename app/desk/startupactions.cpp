#include "startupactions.h"

#include "batchinputpanel.h"
#include "batchpage.h"
#include "deskoptions.h"
#include "fieldedit.h"
#include "lookuppage.h"
#include "mainwindow.h"
#include "queryform.h"

#include <cstdio>
#include <QApplication>
#include <QCheckBox>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fenzhang {

StartupActions::StartupActions(MainWindow *window, const DeskOptions &options, QObject *parent)
    : QObject(parent), m_window(window), m_exitAfterStartup(options.exitAfterStartup), m_run(options.run),
      m_remainingAmount(options.remainingAmount), m_screenshotFile(options.screenshotFile)
{
    if (const auto page = MainWindow::pageNamed(options.page))
        window->setCurrentPage(*page);
    for (const auto &[name, value] : options.fieldValues) {
        LookupPage *page = window->currentPage();
        page->form()->choose(name); // --set out_order_no=… names a brand return's order that way
        if (FieldEdit *field = page->form()->field(name)) {
            field->setText(value);
            field->setTouched(true);
            Q_EMIT field->edited();
        }
    }
    if (!options.windowSize.isEmpty())
        window->resize(options.windowSize);
    if (m_exitAfterStartup || m_run || !m_screenshotFile.isEmpty())
        qApp->installEventFilter(this);
}

bool StartupActions::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_painted && event->type() == QEvent::Paint && m_window) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && widget->window() == m_window) {
            m_painted = true;
            qApp->removeEventFilter(this);
            // Let the rest of this paint pass finish first.
            QTimer::singleShot(0, this, &StartupActions::firstPaint);
        }
    }
    return QObject::eventFilter(watched, event);
}

void StartupActions::firstPaint()
{
    if (m_exitAfterStartup) {
        QApplication::quit();
        return;
    }
    if (m_run && m_window->pages()->currentWidget() == m_window->batchPage()) {
        // The demo list: run it once imported, grab the window when the batch is done.
        BatchPage *batch = m_window->batchPage();
        batch->remainingCheck()->setChecked(m_remainingAmount); // --remaining-amount: each payment's too
        connect(batch, &BatchPage::batchFinished, this,
                [this] { QTimer::singleShot(300, this, &StartupActions::saveScreenshotAndQuit); });
        connect(
            batch->input(), &BatchInputPanel::importChanged, this, [batch] { batch->run(); },
            Qt::SingleShotConnection);
        batch->fillDemoRows();
        return;
    }
    if (m_run) {
        LookupPage *page = m_window->currentPage();
        connect(page, &LookupPage::lookupFinished, this, [this, page] {
            if (m_remainingAmount && page->orderView() && page->shownResult()) {
                page->lookUpRemainingAmount();
                if (page->isRemainingAmountBusy())
                    return; // grabbed when it has answered
            }
            // One more event-loop turn so the result is laid out before the grab.
            QTimer::singleShot(200, this, &StartupActions::saveScreenshotAndQuit);
        });
        connect(page, &LookupPage::remainingAmountFinished, this,
                [this] { QTimer::singleShot(200, this, &StartupActions::saveScreenshotAndQuit); });
        if (!page->form()->submit()) {
            std::fprintf(stderr, "fenzhang-desk: the form is not valid, nothing to run\n");
            saveScreenshotAndQuit();
        }
        return;
    }
    saveScreenshotAndQuit();
}

void StartupActions::saveScreenshotAndQuit()
{
    if (m_screenshotFile.isEmpty())
        return;
    const QPixmap picture = m_window->grab();
    if (!picture.save(m_screenshotFile))
        std::fprintf(stderr, "fenzhang-desk: could not save %s\n", qPrintable(m_screenshotFile));
    QApplication::quit();
}

} // namespace fenzhang
