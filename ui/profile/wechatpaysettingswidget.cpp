#include "wechatpaysettingswidget.h"

#include "filepathedit.h"

#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

const char *const pemFilter =
    QT_TRANSLATE_NOOP("WechatPaySettingsWidget", "PEM files (*.pem *.crt *.cer);;All files (*)");

QStringList linesOf(const QString &text)
{
    QStringList lines;
    const QStringList raw = text.split(u'\n');
    for (const QString &line : raw) {
        if (!line.trimmed().isEmpty())
            lines.append(QDir::fromNativeSeparators(line.trimmed()));
    }
    return lines;
}

} // namespace

WechatPaySettingsWidget::WechatPaySettingsWidget(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildVerificationGroup());
    layout->addWidget(buildConnectionGroup());

    for (QLineEdit *edit : {m_publicKeyId, m_primaryUrl, m_backupUrl})
        connect(edit, &QLineEdit::textChanged, this, &WechatPaySettingsWidget::changed);
    for (FilePathEdit *edit : {m_publicKeyFile, m_caFile})
        connect(edit, &FilePathEdit::pathChanged, this, &WechatPaySettingsWidget::changed);
    connect(m_platformCerts, &QPlainTextEdit::textChanged, this, &WechatPaySettingsWidget::changed);
    connect(m_timeout, &QSpinBox::valueChanged, this, &WechatPaySettingsWidget::changed);
}

QWidget *WechatPaySettingsWidget::buildVerificationGroup()
{
    auto *group = new QGroupBox(tr("WeChat Pay public key (verifies answers)"));
    auto *form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_publicKeyId = new QLineEdit;
    m_publicKeyId->setObjectName(u"publicKeyIdEdit"_s);
    m_publicKeyId->setPlaceholderText(u"PUB_KEY_ID_…"_s);
    m_publicKeyFile = new FilePathEdit(tr(pemFilter));
    m_publicKeyFile->setObjectName(u"publicKeyFileEdit"_s);
    m_publicKeyFile->setPlaceholderText(u"pub_key.pem"_s);
    m_platformCerts = new QPlainTextEdit;
    m_platformCerts->setObjectName(u"platformCertsEdit"_s);
    m_platformCerts->setPlaceholderText(
        tr("Optional, one file per line (older accounts without a public key)"));
    m_platformCerts->setMaximumHeight(60);
    form->addRow(tr("Public key id:"), m_publicKeyId);
    form->addRow(tr("Public key file:"), m_publicKeyFile);
    form->addRow(tr("Platform certificates:"), m_platformCerts);
    return group;
}

QWidget *WechatPaySettingsWidget::buildConnectionGroup()
{
    auto *group = new QGroupBox(tr("Connection"));
    auto *form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_primaryUrl = new QLineEdit;
    m_primaryUrl->setObjectName(u"primaryUrlEdit"_s);
    m_backupUrl = new QLineEdit;
    m_backupUrl->setObjectName(u"backupUrlEdit"_s);
    m_backupUrl->setPlaceholderText(tr("Empty: no backup host"));
    m_timeout = new QSpinBox;
    m_timeout->setObjectName(u"timeoutSpin"_s);
    m_timeout->setRange(Profile::minimumTimeoutMs / 1000, Profile::maximumTimeoutMs / 1000);
    m_timeout->setSuffix(tr(" s"));
    m_caFile = new FilePathEdit(tr(pemFilter));
    m_caFile->setObjectName(u"caFileEdit"_s);
    m_caFile->setPlaceholderText(tr("Optional: an extra trusted CA (company proxy)"));
    form->addRow(tr("Primary host:"), m_primaryUrl);
    form->addRow(tr("Backup host:"), m_backupUrl);
    form->addRow(tr("Timeout:"), m_timeout);
    form->addRow(tr("Extra CA:"), m_caFile);
    return group;
}

void WechatPaySettingsWidget::setFrom(const Profile &profile)
{
    const QSignalBlocker blocker(this); // one changed() for the whole profile, from the caller
    m_publicKeyId->setText(profile.publicKeyId);
    m_publicKeyFile->setPath(profile.publicKeyFile);
    QStringList certs;
    for (const QString &path : profile.platformCertificateFiles)
        certs.append(QDir::toNativeSeparators(path));
    m_platformCerts->setPlainText(certs.join(u'\n'));
    m_primaryUrl->setText(profile.primaryUrl.toString());
    m_backupUrl->setText(profile.backupUrl.toString());
    m_timeout->setValue(profile.timeoutMs / 1000);
    m_caFile->setPath(profile.caFile);
}

void WechatPaySettingsWidget::applyTo(Profile &profile) const
{
    profile.publicKeyId = m_publicKeyId->text().trimmed();
    profile.publicKeyFile = m_publicKeyFile->path();
    profile.platformCertificateFiles = linesOf(m_platformCerts->toPlainText());
    profile.primaryUrl = QUrl(m_primaryUrl->text().trimmed());
    profile.backupUrl = QUrl(m_backupUrl->text().trimmed());
    profile.timeoutMs = m_timeout->value() * 1000;
    profile.caFile = m_caFile->path();
}

} // namespace fenzhang
