#pragma once

// A finished look-up for the history tests: an answered 404 for an order number.

#include "api/lookupservice.h"

#include <QDateTime>

namespace fenzhang::testing {

inline LookupResult answeredLookup(const QString &outOrderNo)
{
    using namespace Qt::StringLiterals;
    LookupResult r;
    r.kind = LookupResult::Kind::ApiError;
    r.query = OrderQuery{u"1900000109"_s, u"4208450740202511201234567890"_s, outOrderNo};
    r.response.httpStatus = 404;
    r.response.errorCode = u"RESOURCE_NOT_EXISTS"_s;
    r.lookedUpAt = QDateTime::currentDateTime();
    return r;
}

} // namespace fenzhang::testing
