#pragma once

// One row of a batch as imported: where it came from, the query it holds and why it cannot be
// sent, if it cannot.

#include "lookup/query.h"

#include <QList>

namespace fenzhang {

struct BatchRow {
    int rowNumber = 0; // as a spreadsheet numbers it: the header, if any, is row 1
    Query query;       // of any kind, as the importer read it
    QList<FieldError> errors; // validation; a row with errors is never sent
    int duplicateOf = 0;      // rowNumber of the first identical row; 0 when unique. Not sent either.

    LookupKind kind() const { return query.kind(); }
    bool isValid() const { return errors.isEmpty() && duplicateOf == 0; }
};

} // namespace fenzhang
