#pragma once

// The WeChat Pay side of a profile in the profile dialog: the public key (id and pub_key.pem) or
// platform certificates that verify answers, and the hosts, timeout and extra CA used to reach
// WeChat Pay.

#include "profile/profile.h"

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace fenzhang {

class FilePathEdit;

class WechatPaySettingsWidget final : public QWidget {
    Q_OBJECT
public:
    explicit WechatPaySettingsWidget(QWidget *parent = nullptr);

    void setFrom(const Profile &profile);
    void applyTo(Profile &profile) const;

Q_SIGNALS:
    void changed();

private:
    QWidget *buildVerificationGroup();
    QWidget *buildConnectionGroup();

    QLineEdit *m_publicKeyId;
    FilePathEdit *m_publicKeyFile;
    QPlainTextEdit *m_platformCerts;
    QLineEdit *m_primaryUrl;
    QLineEdit *m_backupUrl;
    QSpinBox *m_timeout;
    FilePathEdit *m_caFile;
};

} // namespace fenzhang
