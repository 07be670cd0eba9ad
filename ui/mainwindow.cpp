#include "mainwindow.h"

#include "appsettings.h"
#include "batchpage.h"
#include "exportdialog.h"
#include "fenzhang_version.h"
#include "fieldedit.h"
#include "format/labels.h"
#include "historybackend.h"
#include "historypage.h"
#include "lookup/resultstate.h"
#include "lookupcontroller.h"
#include "lookuppage.h"
#include "messagebox.h"
#include "plaintext.h"
#include "processingbar.h"
#include "profileselector.h"
#include "queryform.h"
#include "settingsdialog.h"
#include "shortcutpriority.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

MainWindow::MainWindow(LookupController *controller, QWidget *parent)
    : QMainWindow(parent), m_controller(controller), m_demoBanner(new QLabel(this)),
      m_profiles(new ProfileSelector(controller, this)), m_pages(new QTabWidget(this)),
      m_orderPage(new LookupPage(LookupKind::Order, controller, this)),
      m_returnPage(new LookupPage(LookupKind::Return, controller, this)),
      m_history(new HistoryBackend({}, this)), m_batchPage(new BatchPage(controller, m_history, this)),
      m_historyPage(new HistoryPage(m_history, controller, this)), m_profileStatus(new QLabel(this)),
      m_historyWarning(new QToolButton(this))
{
    setObjectName(u"mainWindow"_s);
    m_demoBanner->setObjectName(u"demoBanner"_s);
    m_demoBanner->setText(tr("DEMO — these look-ups go to the built-in sandbox, not to WeChat Pay. "
                             "The data is made up."));
    m_demoBanner->setAlignment(Qt::AlignCenter);
    m_demoBanner->setWordWrap(true);
    // Fixed colours on purpose: the marker must look the same in every theme.
    m_demoBanner->setStyleSheet(
        u"QLabel { background: #8a4b00; color: white; font-weight: 600; padding: 6px; }"_s);

    auto *profileLabel = new QLabel(tr("Merchant profile:"), this);
    profileLabel->setBuddy(m_profiles);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(profileLabel);
    profileRow->addWidget(m_profiles);
    profileRow->addStretch(1);

    m_pages->setObjectName(u"pages"_s);
    m_pages->setDocumentMode(true);
    for (const Page page : {Page::Order, Page::Return, Page::Batch, Page::History}) {
        const int index = m_pages->addTab(pageWidget(page), pageTitle(page));
        Q_ASSERT(index == int(page));
        Q_UNUSED(index);
    }

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoBanner);
    auto *body = new QVBoxLayout;
    body->setContentsMargins(9, 9, 9, 0);
    body->addLayout(profileRow);
    body->addWidget(m_pages, 1);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    // A look-up that cannot be written to the history must not go unnoticed on the other tabs.
    m_historyWarning->setObjectName(u"historyWarning"_s);
    m_historyWarning->setAutoRaise(true);
    m_historyWarning->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_historyWarning->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_historyWarning->setText(tr("History not saved"));
    m_historyWarning->hide();
    connect(m_historyWarning, &QToolButton::clicked, this, [this] { setCurrentPage(Page::History); });
    connect(m_history, &HistoryBackend::errorChanged, this, &MainWindow::updateHistoryWarning);
    statusBar()->addPermanentWidget(m_historyWarning);
    m_profileStatus->setTextFormat(Qt::PlainText); // the profile's name, as the user typed it
    statusBar()->addPermanentWidget(m_profileStatus);

    buildMenus();
    // Ctrl+E exports from the form too, where a line edit would take it as "end of line".
    new ShortcutPriority(this, {m_export});

    for (LookupPage *page : {m_orderPage, m_returnPage}) {
        connect(page, &LookupPage::busyChanged, this, &MainWindow::updateActions);
        connect(page, &LookupPage::exportableChanged, this, &MainWindow::updateActions);
        connect(page, &LookupPage::lookupFinished, this, &MainWindow::reportFinished);
        connect(page, &LookupPage::lookupFinished, m_history,
                [this](const LookupResult &result) { m_history->record(result, u"single"_s); });
        connect(page, &LookupPage::remainingAmountFinished, this, [this](const LookupResult &result) {
            statusBar()->showMessage(
                result.kind == LookupResult::Kind::Ok
                    ? tr("Remaining amount looked up: HTTP %1, signature verified.").arg(result.response.httpStatus)
                    : tr("The remaining amount could not be looked up — the line under the order says why."));
        });
        connect(page, &LookupPage::remainingAmountFinished, m_history,
                [this](const LookupResult &result) { m_history->record(result, u"single"_s); });
        connect(page->form(), &QueryForm::validityChanged, this, &MainWindow::updateActions);
        connect(page->form(), &QueryForm::refused, this,
                [this](const QString &reason) { statusBar()->showMessage(reason); });
        connect(page->processingBar(), &ProcessingBar::autoRefreshToggled, this,
                [](bool on) { AppSettings::setValue(AppSettings::Key::AutoRefresh, on); });
        page->processingBar()->setAutoRefresh(AppSettings::value(AppSettings::Key::AutoRefresh).toBool());
    }
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int index) {
        // Each tab keeps its own status message: the one a tab left is not read as news about
        // the next (the demo's "press Enter" hint is about the look-up forms only, too).
        m_pageMessages.resize(m_pages->count());
        if (m_shownPage >= 0 && m_shownPage < m_pageMessages.size())
            m_pageMessages[m_shownPage] = statusBar()->currentMessage();
        m_shownPage = index;
        const QString message =
            index >= 0 && index < m_pageMessages.size() ? m_pageMessages.at(index) : QString();
        if (message.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(message);
        updateActions();
        updateTitle();
        if (isLookupPageCurrent())
            focusForm();
        else if (m_pages->currentWidget() == m_historyPage)
            m_historyPage->refresh();
    });
    connect(m_batchPage, &BatchPage::busyChanged, this, &MainWindow::updateActions);
    connect(m_batchPage, &BatchPage::watchFinished, this, &MainWindow::notifyWatchFinished);
    connect(m_batchPage, &BatchPage::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_historyPage, &HistoryPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text); });
    m_history->setProfile(m_controller->currentProfile().name);
    connect(m_controller, &LookupController::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_controller, &LookupController::currentProfileChanged, this, [this] {
        m_history->setProfile(m_controller->currentProfile().name);
        applyProduct();
        updateTitle();
        updateActions();
    });
    applyProduct();

    resize(1180, 760);
    updateTitle();
    updateActions();
    focusForm();
}

void MainWindow::focusForm()
{
    // Typing starts in the first empty field; with everything filled in, Enter runs at once.
    const auto fields = currentPage()->form()->fields();
    for (FieldEdit *field : fields) {
        if (field->text().isEmpty()) {
            field->setFocus();
            return;
        }
    }
    fields.constLast()->setFocus();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_export = file->addAction(tr("&Export…"), this, &MainWindow::exportResult);
    m_export->setShortcut(Qt::CTRL | Qt::Key_E);
    file->addSeparator();
    m_manageProfiles = file->addAction(tr("&Manage profiles…"), this, &MainWindow::manageProfilesRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_copy = edit->addAction(tr("&Copy selected receivers"), this, [this] { currentPage()->copyRows(); });
    m_copy->setShortcut(QKeySequence::Copy);
    edit->addSeparator();
    QAction *settings = edit->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);

    QMenu *lookup = menuBar()->addMenu(tr("&Look-up"));
    m_run = lookup->addAction(tr("&Run look-up"), this, [this] { currentPage()->form()->submit(); });
    m_run->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_cancel = lookup->addAction(tr("&Cancel look-up"), this, [this] { currentPage()->cancel(); });
    m_refresh = lookup->addAction(tr("Re&fresh result"), this, [this] { currentPage()->refresh(); });
    m_refresh->setShortcut(QKeySequence::Refresh);
    lookup->addSeparator();
    QAction *toOrder = lookup->addAction(m_orderPage->title(), this, [this] { setCurrentPage(Page::Order); });
    toOrder->setShortcut(Qt::CTRL | Qt::Key_1);
    QAction *toReturn = lookup->addAction(m_returnPage->title(), this, [this] { setCurrentPage(Page::Return); });
    toReturn->setShortcut(Qt::CTRL | Qt::Key_2);
    QAction *toBatch = lookup->addAction(tr("&Batch"), this, [this] { setCurrentPage(Page::Batch); });
    toBatch->setShortcut(Qt::CTRL | Qt::Key_3);
    QAction *toHistory = lookup->addAction(tr("&History"), this, [this] { setCurrentPage(Page::History); });
    toHistory->setShortcut(Qt::CTRL | Qt::Key_4);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Fenzhang Desk"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

std::optional<MainWindow::Page> MainWindow::pageNamed(const QString &name)
{
    static const QHash<QString, Page> pages = {
        {u"order"_s, Page::Order}, {u"return"_s, Page::Return},
        {u"batch"_s, Page::Batch}, {u"history"_s, Page::History}};
    const auto it = pages.constFind(name);
    return it == pages.constEnd() ? std::nullopt : std::optional<Page>(*it);
}

bool MainWindow::isLookupPageCurrent() const
{
    const Page page = shownPage();
    return page == Page::Order || page == Page::Return;
}

MainWindow::Page MainWindow::shownPage() const
{
    return Page(m_pages->currentIndex());
}

QWidget *MainWindow::pageWidget(Page page) const
{
    switch (page) {
    case Page::Order:
        return m_orderPage;
    case Page::Return:
        return m_returnPage;
    case Page::Batch:
        return m_batchPage;
    case Page::History:
        return m_historyPage;
    }
    Q_UNREACHABLE();
    return m_orderPage;
}

QString MainWindow::pageTitle(Page page) const
{
    switch (page) {
    case Page::Order:
        return m_orderPage->title();
    case Page::Return:
        return m_returnPage->title();
    case Page::Batch:
        return m_batchPage->title();
    case Page::History:
        return m_historyPage->title();
    }
    Q_UNREACHABLE();
    return {};
}

void MainWindow::notifyWatchFinished(const LookupResult &result)
{
    const QString number = result.query.number();
    const QString state = ResultState::label(result.lookup(), ResultState::of(result));
    const QString text = tr("%1 is no longer processing: %2.").arg(number, state);
    statusBar()->showMessage(text);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Fenzhang Desk: watching PROCESSING look-ups"));
        m_tray->show();
    }
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // Freedesktop notification servers may read the body as markup: escaped, it shows as written.
    m_tray->showMessage(tr("Look-up final"), text.toHtmlEscaped(), QSystemTrayIcon::Information);
#else
    m_tray->showMessage(tr("Look-up final"), text, QSystemTrayIcon::Information);
#endif
}

LookupPage *MainWindow::currentPage() const
{
    return shownPage() == Page::Return ? m_returnPage : m_orderPage;
}

void MainWindow::setCurrentPage(Page page)
{
    m_pages->setCurrentWidget(pageWidget(page));
}

bool MainWindow::isDemo() const
{
    return m_controller->currentProfile().demo;
}

QString MainWindow::sampleHint() const
{
    return tr("Sample numbers from the sandbox are filled in: press Enter to look them up.");
}

void MainWindow::applyProduct()
{
    const ConnectionProfile profile = m_controller->currentProfile();
    const bool changed = m_orderPage->product() != profile.product;
    for (LookupPage *page : {m_orderPage, m_returnPage})
        page->setProduct(profile.product);
    // Another demo product: its sample numbers (the numbers of the previous product would not be found).
    if (changed && profile.demo)
        prefillSamples();
}

void MainWindow::prefillSamples()
{
    const ConnectionProfile profile = m_controller->currentProfile();
    if (!profile.sampleOrder.outOrderNo.isEmpty())
        m_orderPage->form()->setQuery(profile.sampleOrder);
    if (!profile.sampleReturn.outReturnNo.isEmpty())
        m_returnPage->form()->setQuery(profile.sampleReturn);
    focusForm();
    if (profile.demo) {
        m_pageMessages.resize(m_pages->count());
        for (LookupPage *page : {m_orderPage, m_returnPage})
            m_pageMessages[m_pages->indexOf(page)] = sampleHint();
        statusBar()->showMessage(isLookupPageCurrent() ? sampleHint() : QString());
    }
}

void MainWindow::updateActions()
{
    LookupPage *page = currentPage();
    const bool lookup = isLookupPageCurrent();
    const bool busy = page->isBusy();
    m_run->setEnabled(lookup && !busy && page->form()->isValid());
    m_cancel->setEnabled(lookup && busy);
    m_export->setEnabled(lookup && !busy && page->shownResult().has_value() && !page->isStale());
    m_copy->setEnabled(lookup && page->kind() == LookupKind::Order && page->shownResult().has_value());
    m_refresh->setEnabled(lookup && !busy && page->shownResult() && !page->shownResult()->isFinal());
    m_profiles->setEnabled(!m_orderPage->isBusy() && !m_returnPage->isBusy() && !m_batchPage->isBusy());
    const ConnectionProfile profile = m_controller->currentProfile();
    m_demoBanner->setVisible(profile.demo);
    m_profileStatus->setText(
        profile.id.isEmpty()
            ? tr("No profile")
            : tr("Profile: %1 (mchid %2)").arg(profile.name, profile.settings.merchant.mchid));
}

void MainWindow::updateTitle()
{
    // The application's display name ("分账查询台") is appended by Qt.
    QString title = pageTitle(shownPage());
    if (isDemo())
        title = tr("[DEMO]") + u' ' + title;
    setWindowTitle(title);
}

void MainWindow::reportFinished(const LookupResult &result)
{
    const ApiResponse &r = result.response;
    switch (result.kind) {
    case LookupResult::Kind::Ok:
        statusBar()->showMessage(
            tr("Done: HTTP %1, %n attempt(s), signature verified.", nullptr, r.attempts).arg(r.httpStatus));
        break;
    case LookupResult::Kind::Cancelled:
        statusBar()->showMessage(tr("Look-up cancelled."));
        break;
    case LookupResult::Kind::NetworkError:
        statusBar()->showMessage(tr("No answer from WeChat Pay (%n attempt(s)).", nullptr, r.attempts));
        break;
    default:
        statusBar()->showMessage(tr("The look-up did not give a result — see the panel for why."));
        break;
    }
}

void MainWindow::exportResult()
{
    LookupPage *page = currentPage();
    if (!page->shownResult())
        return;
    const std::optional<ExportTarget> target =
        ExportDialog::ask(this, tr("Export result"), page->suggestedExportName());
    if (!target)
        return;
    if (const WriteResult saved = page->exportTo(*target, m_controller->exportInfo()); !saved) {
        ExportDialog::showFailure(this, *target, saved.error());
        return;
    }
    statusBar()->showMessage(ExportDialog::doneText(*target, page->exportRowCount()));
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        const bool autoRefresh = AppSettings::value(AppSettings::Key::AutoRefresh).toBool();
        m_orderPage->processingBar()->setAutoRefresh(autoRefresh);
        m_returnPage->processingBar()->setAutoRefresh(autoRefresh);
    }
}

void MainWindow::showAbout()
{
    MessageBox::about(this, tr("About Fenzhang Desk"),
                      tr("<h3>Fenzhang Desk %1</h3>"
                         "<p>Looks up WeChat Pay profit-sharing results and returns: signed, "
                         "verified, exportable.</p><p>Built with Qt %2 (running on Qt %3).</p>")
                          .arg(QStringLiteral(FENZHANG_VERSION), QStringLiteral(QT_VERSION_STR),
                               QString::fromLatin1(qVersion())));
}

void MainWindow::restoreSettings()
{
    restoreGeometry(AppSettings::value(AppSettings::Key::WindowGeometry).toByteArray());
    restoreState(AppSettings::value(AppSettings::Key::WindowState).toByteArray());
    // The number saved is the page's place among the tabs; one out of range (from a newer
    // version) leaves the first.
    const int last = AppSettings::value(AppSettings::Key::LastPage).toInt();
    if (last >= int(Page::Order) && last <= int(Page::History))
        setCurrentPage(Page(last));
    const QString lastProfile = AppSettings::value(AppSettings::Key::LastProfile).toString();
    if (!lastProfile.isEmpty() && !m_controller->provider()->profile(lastProfile).id.isEmpty())
        m_controller->setCurrentProfile(lastProfile);
}

void MainWindow::saveSettings() const
{
    AppSettings::setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    AppSettings::setValue(AppSettings::Key::WindowState, saveState());
    AppSettings::setValue(AppSettings::Key::LastPage, int(shownPage()));
    AppSettings::setValue(AppSettings::Key::LastProfile, m_controller->currentProfileId());
}

void MainWindow::updateHistoryWarning()
{
    const QString error = m_history->error();
    m_historyWarning->setVisible(!error.isEmpty());
    m_historyWarning->setToolTip(
        error.isEmpty() ? QString() : plainToolTip(tr("%1\nClick to open the History tab.").arg(error)));
}

bool MainWindow::confirmCloseWithUnsavedHistory()
{
    m_history->flush(); // a lock may have gone since
    const int unsaved = m_history->pendingCount();
    if (m_history->error().isEmpty() || unsaved == 0)
        return true;
    const auto answer = MessageBox::warning(
        this, tr("History not saved"),
        tr("%n look-up(s) could not be saved to the history: %1\n\n"
           "Quit without them in the history? To keep them, stay and start a new history file on "
           "the History tab.",
           "", unsaved)
            .arg(m_history->error()),
        QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Discard)
        return true;
    setCurrentPage(Page::History);
    return false;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmCloseWithUnsavedHistory()) {
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace fenzhang
