#include "settingsdialog.h"

#include "appsettings.h"
#include "language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_autoRefresh(new QCheckBox(this))
{
    setWindowTitle(tr("Settings"));
    m_language->setObjectName(u"languageCombo"_s);
    m_language->addItem(tr("Follow the system"), QString());
    // Each language named in itself, so a user who cannot read the current one finds theirs.
    m_language->addItem(u"简体中文"_s, QString(Language::Chinese));
    m_language->addItem(u"English"_s, QString(Language::English));
    const int index = m_language->findData(AppSettings::value(AppSettings::Key::Language).toString());
    m_language->setCurrentIndex(qMax(index, 0));

    m_autoRefresh->setText(tr("Refresh PROCESSING results automatically"));
    m_autoRefresh->setChecked(AppSettings::value(AppSettings::Key::AutoRefresh).toBool());

    auto *note = new QLabel(tr("A new language applies the next time the app starts."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("Language"), m_language);
    form->addRow(QString(), note);
    form->addRow(QString(), m_autoRefresh);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    // Our own words: Qt's translations are not always installed next to the app.
    buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void SettingsDialog::save()
{
    AppSettings::setValue(AppSettings::Key::Language, m_language->currentData().toString());
    AppSettings::setValue(AppSettings::Key::AutoRefresh, m_autoRefresh->isChecked());
}

} // namespace fenzhang
