#pragma once

// What fenzhang-desk does by itself once its window is up, for benchmarks and screenshots:
// quit after the first paint, type into fields, run the look-up, save a picture of the window.

#include <QObject>
#include <QPointer>

namespace fenzhang {

class MainWindow;
struct DeskOptions;

class StartupActions final : public QObject {
    Q_OBJECT
public:
    StartupActions(MainWindow *window, const DeskOptions &options, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void firstPaint();
    void saveScreenshotAndQuit();

    QPointer<MainWindow> m_window;
    bool m_exitAfterStartup;
    bool m_run;
    bool m_remainingAmount;
    QString m_screenshotFile;
    bool m_painted = false;
};

} // namespace fenzhang
