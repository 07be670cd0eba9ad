#include "batchrowsmodel.h"

#include "format/labels.h"
#include "format/money.h"
#include "lookup/resultexport.h"
#include "plaintext.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

QString stateCode(const LookupResult &result)
{
    if (result.order)
        return result.order->state;
    if (result.returnOrder)
        return result.returnOrder->result;
    return {};
}

std::optional<qint64> amountFen(const LookupResult &result)
{
    if (result.order) {
        qint64 sum = 0;
        for (const ReceiverDetail &receiver : result.order->receivers)
            sum += receiver.amount;
        return sum;
    }
    if (result.returnOrder)
        return result.returnOrder->amount;
    return std::nullopt;
}

QString errorText(const BatchRow &row, const LookupResult &result, bool hasResult)
{
    if (!row.errors.isEmpty()) {
        QStringList parts;
        for (const FieldError &error : row.errors)
            parts.append(error.field + u": "_s + error.message);
        return parts.join(u"; "_s);
    }
    if (row.duplicateOf > 0)
        return BatchRowsModel::tr("Same as row %1").arg(row.duplicateOf);
    if (!hasResult || result.kind == LookupResult::Kind::Ok)
        return {};
    const ApiResponse &r = result.response;
    switch (result.kind) {
    case LookupResult::Kind::ApiError:
        return u"HTTP %1 %2 %3"_s.arg(r.httpStatus).arg(r.errorCode, Labels::errorCode(r.errorCode));
    case LookupResult::Kind::NetworkError:
        return BatchRowsModel::tr("No answer from WeChat Pay");
    case LookupResult::Kind::VerificationFailed:
        return BatchRowsModel::tr("The answer's signature did not verify");
    case LookupResult::Kind::BadAnswer:
        return BatchRowsModel::tr("Unexpected answer: %1").arg(result.parseError);
    case LookupResult::Kind::NotTheAnswer:
        return BatchRowsModel::tr("Not the answer to this question: %1").arg(result.parseError);
    case LookupResult::Kind::Cancelled:
        return BatchRowsModel::tr("Cancelled");
    default:
        return ResultExport::kindName(result.kind);
    }
}

} // namespace

BatchRowsModel::BatchRowsModel(BatchRunner *runner, QObject *parent)
    : QAbstractTableModel(parent), m_runner(runner)
{
    connect(m_runner, &BatchRunner::rowStatusChanged, this, [this](int index) { rowChanged(index); });
    connect(m_runner, &BatchRunner::rowFinished, this, [this](int index) { rowChanged(index); });
    reload();
}

void BatchRowsModel::reload()
{
    beginResetModel();
    m_rows = m_runner->rowCount();
    endResetModel();
}

void BatchRowsModel::rowChanged(int row)
{
    if (row < 0 || row >= m_rows)
        return;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int BatchRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int BatchRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BatchRowsModel::statusText(BatchRunner::RowStatus status)
{
    switch (status) {
    case BatchRunner::RowStatus::Invalid:
        return tr("Not sent (invalid)");
    case BatchRunner::RowStatus::Pending:
        return tr("Queued");
    case BatchRunner::RowStatus::Running:
        return tr("Looking up…");
    case BatchRunner::RowStatus::Waiting:
        return tr("Waiting to retry");
    case BatchRunner::RowStatus::Succeeded:
        return tr("Done");
    case BatchRunner::RowStatus::Processing:
        return tr("Done, still processing");
    case BatchRunner::RowStatus::Failed:
        return tr("Failed");
    case BatchRunner::RowStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QVariant BatchRowsModel::raw(int row, int column) const
{
    const BatchRow &r = m_runner->row(row);
    const bool has = m_runner->hasResult(row);
    const LookupResult &result = m_runner->result(row);
    switch (Column(column)) {
    case RowNumberColumn:
        return r.rowNumber;
    case StatusColumn:
        return int(m_runner->status(row));
    case SubMchidColumn:
        return r.kind == LookupKind::Order ? r.order.subMchid : r.returnQuery.subMchid;
    case NumberColumn:
        return r.kind == LookupKind::Order ? r.order.outOrderNo : r.returnQuery.outReturnNo;
    case StateColumn:
        return has ? stateCode(result) : QString();
    case AmountColumn:
        if (const auto fen = has ? amountFen(result) : std::nullopt)
            return *fen;
        return {};
    case DetailColumn:
        return errorText(r, result, has);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BatchRowsModel::display(int row, int column) const
{
    const QVariant value = raw(row, column);
    switch (Column(column)) {
    case StatusColumn:
        return statusText(m_runner->status(row));
    case StateColumn: {
        const QString code = value.toString();
        if (code.isEmpty())
            return {};
        return m_runner->row(row).kind == LookupKind::Order ? Labels::orderState(code)
                                                            : Labels::returnResult(code);
    }
    case AmountColumn:
        return value.isValid() ? Money::formatYuan(value.toLongLong(), Money::Grouping::Thousands)
                               : QString();
    default:
        return value;
    }
}

QVariant BatchRowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), index.column());
    case Qt::ToolTipRole:
        return index.column() == DetailColumn ? QVariant(plainToolTip(display(index.row(), index.column()).toString()))
                                              : QVariant();
    case RawValueRole:
        return raw(index.row(), index.column());
    case StatusRole:
        return int(m_runner->status(index.row()));
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn || index.column() == RowNumberColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            switch (m_runner->status(index.row())) {
            case BatchRunner::RowStatus::Failed:
            case BatchRunner::RowStatus::Invalid:
                return QColor(0xb0, 0x20, 0x20);
            case BatchRunner::RowStatus::Processing:
                return QColor(0x9a, 0x60, 0x00);
            default:
                return {};
            }
        }
        return {};
    default:
        return {};
    }
}

QVariant BatchRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RowNumberColumn:
        return tr("Row");
    case StatusColumn:
        return tr("Status");
    case SubMchidColumn:
        return tr("Sub-merchant");
    case NumberColumn:
        return tr("Merchant number");
    case StateColumn:
        return tr("State / result");
    case AmountColumn:
        return tr("Amount (yuan)");
    case DetailColumn:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace fenzhang
