#pragma once

// Assembles the desktop app: the DEMO banner, the profile selector, the two look-up pages, the
// menus and shortcuts, and the status line. Behaviour lives in the pieces; this wires them.

#include <QMainWindow>
#include <QStringList>

#include <optional>

class QAction;
class QLabel;
class QSystemTrayIcon;
class QTabWidget;
class QToolButton;

namespace fenzhang {

class BatchPage;
class HistoryBackend;
class HistoryPage;
class LookupController;
class LookupPage;
class ProfileSelector;
struct LookupResult;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // The tabs, in the order they are shown (the saved last page is this number).
    enum class Page { Order, Return, Batch, History };
    Q_ENUM(Page)

    explicit MainWindow(LookupController *controller, QWidget *parent = nullptr);

    // The page a name on the command line means ("order", "return", "batch", "history").
    static std::optional<Page> pageNamed(const QString &name);

    LookupPage *orderPage() const { return m_orderPage; }
    LookupPage *returnPage() const { return m_returnPage; }
    BatchPage *batchPage() const { return m_batchPage; }
    HistoryPage *historyPage() const { return m_historyPage; }
    HistoryBackend *history() const { return m_history; }
    // The order page for the batch and history tabs too (their look-up actions are disabled).
    LookupPage *currentPage() const;
    bool isLookupPageCurrent() const;
    Page shownPage() const;
    void setCurrentPage(Page page);
    QWidget *pageWidget(Page page) const;
    QString pageTitle(Page page) const;
    ProfileSelector *profileSelector() const { return m_profiles; }
    QTabWidget *pages() const { return m_pages; }
    bool isDemo() const;

    // The forms ask the numbers of the current profile's product.
    void applyProduct();
    // Fills both forms with the current profile's sample numbers, when it has any (demo).
    void prefillSamples();
    void restoreSettings();
    void saveSettings() const;

    // The actions, for tests and for the app's command-line hooks.
    QAction *runAction() const { return m_run; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *exportAction() const { return m_export; }
    QAction *copyAction() const { return m_copy; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *manageProfilesAction() const { return m_manageProfiles; }

    void exportResult();
    void showSettings();

Q_SIGNALS:
    // File → Manage profiles…: the app opens its profile manager (the window holds no store).
    void manageProfilesRequested();

public:
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void focusForm();
    void updateActions();
    void updateTitle();
    void reportFinished(const LookupResult &result);
    void notifyWatchFinished(const LookupResult &result);
    QString sampleHint() const;
    void updateHistoryWarning();
    // False when look-ups would be lost from the history and the user chose to stay.
    bool confirmCloseWithUnsavedHistory();

    LookupController *m_controller;
    QLabel *m_demoBanner;
    ProfileSelector *m_profiles;
    QTabWidget *m_pages;
    LookupPage *m_orderPage;
    LookupPage *m_returnPage;
    HistoryBackend *m_history;
    BatchPage *m_batchPage;
    HistoryPage *m_historyPage;
    QSystemTrayIcon *m_tray = nullptr;
    QStringList m_pageMessages; // the status message each tab last showed
    int m_shownPage = 0;
    QLabel *m_profileStatus;
    QToolButton *m_historyWarning; // shown while the history cannot be written
    QAction *m_run = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_export = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_manageProfiles = nullptr;
    QAction *m_refresh = nullptr;
};

} // namespace fenzhang
