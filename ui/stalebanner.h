#pragma once

// The line over a result that no longer answers the numbers in the form (they were changed, or a
// look-up of other numbers is running): "Previous result, for …", and the result below it dimmed,
// so an old answer is never read as the new one. Hidden, it leaves the result as it is.

#include <QLabel>

namespace fenzhang {

class StaleBanner final : public QLabel {
    Q_OBJECT
public:
    // dimmed: the widget shown greyed out (disabled: still there to see, no longer to act on, and
    // "unavailable" to screen readers) while the banner is up.
    explicit StaleBanner(QWidget *dimmed, QWidget *parent = nullptr);

    // Empty text: not stale (hidden, nothing dimmed).
    void setStaleText(const QString &text);
    bool isStale() const { return !text().isEmpty(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QWidget *m_dimmed;
    bool m_applying = false;
};

} // namespace fenzhang
