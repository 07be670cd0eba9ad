#pragma once

// The readable form of a look-up result for a terminal, of any kind from its description
// (lookup/resultfacts.h): its state and facts with human labels and advice, and an order's receivers
// as an aligned table (CJK text counted as two columns).

#include "api/lookupservice.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace fenzhang {

class TableFormatter final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::TableFormatter)
public:
    // The result must be Kind::Ok.
    static QString format(const LookupResult &result);

    // Columns a terminal gives the text: East Asian wide and fullwidth characters take two.
    static int displayWidth(QStringView text);
    // Rows of cells as aligned text; columns listed in rightAligned are right-aligned.
    static QString alignedTable(const QList<QStringList> &rows, const QList<int> &rightAligned);
};

} // namespace fenzhang
