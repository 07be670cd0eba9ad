#include "scenario.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace fenzhang::sandbox {

namespace {

struct KindName {
    Scenario::Kind kind;
    QLatin1StringView name;
};

constexpr KindName Kinds[] = {
    {Scenario::Kind::Processing, "PROCESSING"_L1},
    {Scenario::Kind::NotFound, "404"_L1},
    {Scenario::Kind::RateLimited, "429"_L1},
    {Scenario::Kind::SystemError, "500"_L1},
    {Scenario::Kind::NoAuth, "403"_L1},
    {Scenario::Kind::Slow, "SLOW"_L1},
    {Scenario::Kind::Drop, "DROP"_L1},
    {Scenario::Kind::DropMidBody, "MIDBODY"_L1},
    {Scenario::Kind::PrimaryDown, "PRIMARY_DOWN"_L1},
    {Scenario::Kind::Tamper, "TAMPER"_L1},
    {Scenario::Kind::UnknownSerial, "UNKNOWN_SERIAL"_L1},
    {Scenario::Kind::Stale, "STALE"_L1},
    {Scenario::Kind::SignTest, "SIGNTEST"_L1},
    {Scenario::Kind::Unsigned, "UNSIGNED"_L1},
    {Scenario::Kind::NotJson, "NOT_JSON"_L1},
    {Scenario::Kind::Oversize, "OVERSIZE"_L1},
    {Scenario::Kind::UnknownEnum, "UNKNOWN_ENUM"_L1},
    {Scenario::Kind::BigAmount, "BIG_AMOUNT"_L1},
    {Scenario::Kind::TimeFormats, "TIME_FORMATS"_L1},
    {Scenario::Kind::OtherAnswer, "OTHER"_L1},
    {Scenario::Kind::RetryAfter, "RETRY_AFTER"_L1},
    {Scenario::Kind::Hostile, "HOSTILE"_L1},
};

} // namespace

bool Scenario::active(int call) const
{
    int limit = count;
    if (limit < 0) {
        switch (kind) {
        case Kind::Processing:
            limit = 2;
            break;
        case Kind::RateLimited:
        case Kind::SystemError:
            limit = 1;
            break;
        default:
            return true; // every call
        }
    }
    if (kind == Kind::Slow || kind == Kind::RetryAfter)
        return true;
    return call <= limit;
}

int Scenario::delayMs() const
{
    return count < 0 ? 3000 : qMin(count, 600000);
}

QLatin1StringView Scenario::name() const
{
    for (const KindName &entry : Kinds) {
        if (entry.kind == kind)
            return entry.name;
    }
    return "NONE"_L1;
}

Scenario Scenario::fromNumber(const QString &number)
{
    const QStringList parts = number.split(u'-');
    if (parts.size() < 2 || parts.at(0).compare("SCN"_L1, Qt::CaseInsensitive) != 0)
        return {};
    Scenario scenario;
    for (const KindName &entry : Kinds) {
        if (parts.at(1).compare(entry.name, Qt::CaseInsensitive) == 0)
            scenario.kind = entry.kind;
    }
    if (scenario.kind == Kind::None)
        return {};
    if (parts.size() > 2) {
        bool ok = false;
        const int n = parts.at(2).toInt(&ok);
        if (ok && n >= 0)
            scenario.count = n;
    }
    return scenario;
}

} // namespace fenzhang::sandbox
