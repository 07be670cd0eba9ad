#include "importchecklist.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fenzhang {

ImportChecklist::ImportChecklist(QWidget *parent)
    : QFrame(parent), m_title(new QLabel(this)), m_list(new QLabel(this))
{
    setObjectName(u"importChecklist"_s);
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(u"importChecklistTitle"_s);
    m_list->setObjectName(u"importChecklistItems"_s);
    for (QLabel *label : {m_title, m_list}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    setAccessibleName(tr("Files found in the folder"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    hide();
}

QList<ImportChecklist::Item> ImportChecklist::itemsFor(const ImportedFiles &files, const Profile &p)
{
    const auto name = [](const QString &path) { return QFileInfo(path).fileName(); };
    QList<Item> items;
    if (!files.privateKeyFile.isEmpty() && !files.certificateFile.isEmpty()) {
        items.append({true, tr("Merchant private key: %1").arg(name(files.privateKeyFile))});
        items.append({true, tr("Merchant certificate: %1").arg(name(files.certificateFile))});
    } else if (!files.pkcs12File.isEmpty()) {
        items.append({true, tr("Merchant certificate and key: %1").arg(name(files.pkcs12File))});
    } else {
        items.append({!files.privateKeyFile.isEmpty(),
                      files.privateKeyFile.isEmpty()
                          ? tr("Merchant private key apiclient_key.pem (or apiclient_cert.p12): not found — "
                               "download it in 商户平台 → 账户中心 → API安全 → API证书")
                          : tr("Merchant private key: %1").arg(name(files.privateKeyFile))});
        items.append({!files.certificateFile.isEmpty(),
                      files.certificateFile.isEmpty()
                          ? tr("Merchant certificate apiclient_cert.pem (or apiclient_cert.p12): not found — "
                               "it comes with the private key")
                          : tr("Merchant certificate: %1").arg(name(files.certificateFile))});
    }
    if (!files.publicKeyFile.isEmpty())
        items.append({true, tr("WeChat Pay public key: %1").arg(name(files.publicKeyFile))});
    else if (!files.platformCertificateFiles.isEmpty())
        items.append({true, tr("WeChat Pay platform certificate: %1")
                                .arg(name(files.platformCertificateFiles.constFirst()))});
    else
        items.append({false, tr("WeChat Pay public key pub_key.pem: not found — download it in 商户平台 → "
                                "账户中心 → API安全 → 微信支付公钥")});
    if (files.platformCertificateFiles.isEmpty() || !files.publicKeyFile.isEmpty()) {
        items.append({!p.publicKeyId.isEmpty(),
                      p.publicKeyId.isEmpty()
                          ? tr("Its ID PUB_KEY_ID_…: not found — copy it from the same page into \"Public "
                               "key id\"")
                          : tr("Public key ID: %1").arg(p.publicKeyId)});
    }
    items.append({!p.mchid.trimmed().isEmpty(),
                  p.mchid.trimmed().isEmpty()
                      ? tr("Merchant id (mchid): not found in the certificate — type it above")
                      : tr("Merchant id (mchid): %1").arg(p.mchid.trimmed())});
    items.append({!p.serialNo.isEmpty(), p.serialNo.isEmpty()
                                             ? tr("Certificate serial: not read yet — see the note under it")
                                             : tr("Certificate serial: %1").arg(p.serialNo)});
    return items;
}

void ImportChecklist::showFor(const QString &folder, const ImportedFiles &files, const Profile &profile)
{
    m_items = itemsFor(files, profile);
    int missing = 0;
    QStringList lines;
    for (const Item &item : std::as_const(m_items)) {
        lines.append((item.found ? u"✓ "_s : u"✗ "_s) + item.text);
        missing += item.found ? 0 : 1;
    }
    m_title->setText(missing == 0 ? tr("Everything was found in %1:").arg(QDir::toNativeSeparators(folder))
                                  : tr("Read from %1 — %n item(s) still missing:", nullptr, missing)
                                        .arg(QDir::toNativeSeparators(folder)));
    m_list->setText(lines.join(u'\n'));
    show();
}

void ImportChecklist::clear()
{
    m_items.clear();
    m_title->clear();
    m_list->clear();
    hide();
}

QString ImportChecklist::text() const
{
    return m_title->text() + u'\n' + m_list->text();
}

} // namespace fenzhang
