#include "historyexport.h"

#include "format/csvwriter.h"
#include "format/money.h"
#include "lookup/resultexport.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace fenzhang {

QStringList HistoryExport::header()
{
    return {u"looked_up_at"_s, u"profile"_s,        u"lookup"_s,           u"source"_s,
            u"sub_mchid"_s,    u"transaction_id"_s, u"out_order_no"_s,     u"out_return_no"_s,
            u"order_id"_s,     u"http_status"_s,    u"request_id"_s,       u"verified"_s,
            u"result_kind"_s,  u"state"_s,          u"receiver_results"_s, u"receiver_count"_s,
            u"amount_yuan"_s,  u"amount_fen"_s,     u"error_code"_s,       u"error_message"_s};
}

bool HistoryExport::writeCsv(const QList<HistoryEntry> &entries, QIODevice *device, QString *errorString)
{
    // http_status, receiver_count and the two amounts are the program's own numbers.
    const QList<int> numeric = {9, 15, 16, 17};
    CsvWriter csv(device);
    csv.writeBom();
    csv.writeRow(header());
    for (const HistoryEntry &e : entries) {
        const bool hasAmount = !e.state.isEmpty();
        csv.writeRow({ResultExport::isoTime(e.lookedUpAt),
                      e.profile,
                      e.lookup == LookupKind::Order ? u"order"_s : u"return"_s,
                      e.source,
                      e.subMchid,
                      e.transactionId,
                      e.outOrderNo,
                      e.outReturnNo,
                      e.orderId,
                      e.httpStatus > 0 ? QString::number(e.httpStatus) : QString(),
                      e.requestId,
                      e.verified ? u"true"_s : u"false"_s,
                      e.resultKind,
                      e.state,
                      e.receiverResults,
                      QString::number(e.receiverCount),
                      hasAmount ? Money::formatYuan(e.totalFen) : QString(),
                      hasAmount ? QString::number(e.totalFen) : QString(),
                      e.errorCode,
                      e.errorMessage},
                     numeric);
        if (!csv.ok())
            break;
    }
    if (!csv.ok() && errorString)
        *errorString = csv.errorString();
    return csv.ok();
}

bool HistoryExport::saveCsv(const QList<HistoryEntry> &entries, const QString &path, QString *errorString)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorString)
            *errorString = file.errorString();
        return false;
    }
    if (!writeCsv(entries, &file, errorString)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (errorString)
            *errorString = file.errorString();
        return false;
    }
    return true;
}

} // namespace fenzhang
