#pragma once

// A small rounded, coloured label for a state or result ("FINISHED", "签名已验证").

#include "format/labels.h"

#include <QLabel>

namespace fenzhang {

class BadgeLabel final : public QLabel {
    Q_OBJECT
public:
    explicit BadgeLabel(QWidget *parent = nullptr);

    void setBadge(const QString &text, Labels::Tone tone);
    Labels::Tone tone() const { return m_tone; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();
    Labels::Tone m_tone = Labels::Tone::Neutral;
    bool m_applying = false;
};

} // namespace fenzhang
