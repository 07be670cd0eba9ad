#pragma once

// Preferences: the language (applies on the next start) and auto-refresh of PROCESSING results.

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace fenzhang {

class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QComboBox *languageCombo() const { return m_language; }
    void save();

private:
    QComboBox *m_language;
    QCheckBox *m_autoRefresh;
};

} // namespace fenzhang
