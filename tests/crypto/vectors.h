#pragma once

// Reads tests/data/vectors/vectors.json: known answers computed with the openssl command line.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace fenzhang::test {

inline QString vectorPath(const QString &name)
{
    return QStringLiteral(FENZHANG_TEST_DATA "/vectors/") + name;
}

inline QString keyFixture(const QString &name)
{
    return QStringLiteral(FENZHANG_TEST_DATA "/keys/") + name;
}

inline QJsonObject vectors()
{
    QFile file(vectorPath(QStringLiteral("vectors.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("vectors.json is missing");
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline QJsonObject vectorCase(const QString &list, const QString &name)
{
    const QJsonArray cases = vectors().value(list).toArray();
    for (const auto &entry : cases) {
        if (entry.toObject().value(QStringLiteral("name")).toString() == name)
            return entry.toObject();
    }
    qFatal("no such vector");
}

} // namespace fenzhang::test
