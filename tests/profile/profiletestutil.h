#pragma once

// Fixtures and secret-scanning helpers shared by the profile tests.

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

namespace fenzhang::test {

inline QString vectorPath(const QString &name)
{
    return QStringLiteral(FENZHANG_TEST_DATA "/vectors/") + name;
}

inline QString keyFixture(const QString &name)
{
    return QStringLiteral(FENZHANG_TEST_DATA "/keys/") + name;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read a fixture");
    return file.readAll();
}

// Pieces that would give a private key away: each base64 line of its PEM body, and the body as
// one line (as JSON might hold it).
inline QList<QByteArray> secretNeedles(const QByteArray &pem, const QList<QByteArray> &passwords = {})
{
    QList<QByteArray> needles;
    QByteArray body;
    const QList<QByteArray> lines = pem.split('\n');
    for (const QByteArray &line : lines) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith("-----"))
            continue;
        body += trimmed;
        if (trimmed.size() >= 16)
            needles.append(trimmed);
    }
    needles.append(body);
    needles.append(body.left(40));
    needles.append(passwords);
    return needles;
}

// The needles found in data, for a readable failure message.
inline QStringList secretsIn(const QByteArray &data, const QList<QByteArray> &needles)
{
    QStringList found;
    for (const QByteArray &needle : needles) {
        if (!needle.isEmpty() && data.contains(needle))
            found.append(QStringLiteral("needle of %1 bytes").arg(needle.size()));
    }
    return found;
}

// Every file under dir that holds a needle.
inline QStringList filesWithSecrets(const QString &dir, const QList<QByteArray> &needles)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && !secretsIn(file.readAll(), needles).isEmpty())
            hits.append(path);
    }
    return hits;
}

} // namespace fenzhang::test
