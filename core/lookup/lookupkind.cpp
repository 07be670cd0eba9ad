#include "lookup/lookupkind.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

QString LookupKinds::name(LookupKind kind)
{
    switch (kind) {
    case LookupKind::Order:
        return u"order"_s;
    case LookupKind::Return:
        return u"return"_s;
    case LookupKind::Amounts:
        return u"amounts"_s;
    }
    return {};
}

std::optional<LookupKind> LookupKinds::fromName(QStringView word)
{
    for (const LookupKind kind : all()) {
        if (word == name(kind))
            return kind;
    }
    return std::nullopt;
}

QString LookupKinds::pluralName(LookupKind kind)
{
    switch (kind) {
    case LookupKind::Order:
        return u"orders"_s;
    case LookupKind::Return:
        return u"returns"_s;
    case LookupKind::Amounts:
        return u"amounts"_s;
    }
    return {};
}

} // namespace fenzhang
