#pragma once

// The look-ups the app makes, and what each is called where it is stored or typed. One table, read
// by the history (its database and exports), the CLI's commands (`order`, `return`, `amounts`,
// `batch …`) and the suggested names of exported files.
//   Order    a profit-sharing order's result (分账结果)
//   Return   a profit-sharing return's result (分账回退结果)
//   Amounts  a payment's money still frozen for sharing (剩余待分金额)

#include <optional>
#include <QList>
#include <QString>
#include <QStringView>

namespace fenzhang {

enum class LookupKind { Order, Return, Amounts };

class LookupKinds final {
public:
    static QList<LookupKind> all() { return {LookupKind::Order, LookupKind::Return, LookupKind::Amounts}; }
    // "order" | "return" | "amounts": the kind's name in the history database and its exports, and
    // the CLI's command word. Stored: never renamed.
    static QString name(LookupKind kind);
    static std::optional<LookupKind> fromName(QStringView word);
    // "orders" | "returns" | "amounts": what a file of many of them is called (fenzhang-batch-orders-…).
    static QString pluralName(LookupKind kind);
    // "order_state" | "return_result" | "unsplit_amount": the group of what answers came to, in
    // summary files (ResultState). Stored: never renamed.
    static QString groupKey(LookupKind kind);

    // The kind in words, translated; every one of them is in the one table of lookupkind.cpp.
    static QString noun(LookupKind kind);        // "Order", "Return", "Remaining amount"
    static QString pageTitle(LookupKind kind);   // "Profit-sharing result", "Profit-sharing return", ...
    static QString dialogTitle(LookupKind kind); // "Profit-sharing result", "Return result", ...
    static QString batchChoice(LookupKind kind); // "Profit-sharing results (orders)", ...
    static QString groupName(LookupKind kind);   // "Orders", "Returns", "Transactions"
    static QString stateTitle(LookupKind kind);  // "Orders by state:", ...
    static QString sheetName(LookupKind kind);   // a single result's workbook sheet: "Receivers", ...
    static QString subject(LookupKind kind, const QString &number); // "Profit-sharing order P1…"
    static QString batchSubject(LookupKind kind, int rows);         // "Batch of 12 order look-ups"
};

} // namespace fenzhang
