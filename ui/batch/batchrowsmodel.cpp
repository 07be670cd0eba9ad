#include "batchrowsmodel.h"

#include "batch/batchexport.h"
#include "format/labels.h"
#include "format/money.h"
#include "format/saturating.h"
#include "lookup/resultexport.h"
#include "lookup/resultfacts.h"
#include "lookup/resultstate.h"
#include "plaintext.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

std::optional<qint64> amountFen(const LookupResult &result)
{
    return result.answer ? std::optional(result.answer->totalFen()) : std::nullopt;
}

QString reasonText(const BatchRow &row, const LookupResult &result, bool hasResult)
{
    if (!row.errors.isEmpty()) {
        QStringList parts;
        for (const FieldError &error : row.errors)
            parts.append(error.field + u": "_s + error.message);
        return parts.join(u"; "_s);
    }
    if (row.duplicateOf > 0)
        return BatchRowsModel::tr("Same as row %1").arg(row.duplicateOf);
    if (!hasResult)
        return {};
    const ApiResponse &r = result.response;
    switch (result.kind) {
    case LookupResult::Kind::Ok:
        return ResultFacts::failures(result).problem; // a failed return's reason, receivers not paid
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
    m_rowsByTransaction.clear();
    for (int row = 0; row < m_rows; ++row) {
        const BatchRow &r = m_runner->row(row);
        if (const OrderQuery *order = r.query.order())
            m_rowsByTransaction.insert(order->transactionId, row);
    }
    endResetModel();
}

void BatchRowsModel::setRemainingAsked(bool asked)
{
    m_remainingAsked = asked;
    m_remaining.clear();
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, RemainingColumn), index(m_rows - 1, RemainingColumn));
}

void BatchRowsModel::addRemaining(const LookupResult &answer)
{
    const QString transactionId = answer.query.value(u"transaction_id");
    m_remaining.insert(transactionId, answer);
    for (auto it = m_rowsByTransaction.constFind(transactionId);
         it != m_rowsByTransaction.constEnd() && it.key() == transactionId; ++it) {
        const QModelIndex cell = index(*it, RemainingColumn);
        Q_EMIT dataChanged(cell, cell);
    }
}

const LookupResult *BatchRowsModel::remainingOf(int row) const
{
    if (!m_remainingAsked || !m_runner->hasResult(row))
        return nullptr;
    const LookupResult &result = m_runner->result(row);
    if (result.lookup() != LookupKind::Order || result.kind != LookupResult::Kind::Ok)
        return nullptr;
    const auto it = m_remaining.constFind(result.query.value(u"transaction_id"));
    return it == m_remaining.constEnd() ? nullptr : &*it;
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

QString BatchRowsModel::detailText(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    const BatchRow &r = m_runner->row(row);
    QStringList lines;
    lines << tr("Row %1 · %2 · %3")
                 .arg(r.rowNumber)
                 .arg(display(row, NumberColumn).toString(), statusText(m_runner->status(row)));
    const QString state = display(row, StateColumn).toString();
    if (!state.isEmpty())
        lines << tr("State / result: %1 (%2)").arg(state, raw(row, StateColumn).toString());
    const QString amount = display(row, AmountColumn).toString();
    if (!amount.isEmpty())
        lines << tr("Amount: %1 yuan").arg(amount);
    const QString reason = display(row, DetailColumn).toString();
    if (!reason.isEmpty())
        lines << tr("Reason: %1").arg(reason);
    if (m_runner->hasResult(row)) {
        const LookupResult &result = m_runner->result(row);
        QStringList advice;
        for (const ResultFacts::Fact &fact : ResultFacts::failures(result).advice)
            advice.append(fact.value);
        if (result.kind == LookupResult::Kind::ApiError)
            advice.append(Labels::errorAdvice(result.response.errorCode));
        advice.removeAll(QString());
        for (const QString &text : std::as_const(advice))
            lines << tr("What to do: %1").arg(text);
        if (!result.response.requestId.isEmpty())
            lines << tr("Request-ID: %1").arg(QString::fromLatin1(result.response.requestId));
    }
    if (const LookupResult *remaining = remainingOf(row)) {
        const QString requestId = QString::fromLatin1(remaining->response.requestId);
        if (remaining->amounts()) {
            lines << tr("Remaining amount (剩余待分金额): %1 yuan (Request-ID %2)")
                         .arg(display(row, RemainingColumn).toString(), requestId);
        } else {
            lines << tr("Remaining amount unknown: %1 (Request-ID %2)")
                         .arg(reasonText(BatchRow(), *remaining, true), requestId.isEmpty() ? tr("none") : requestId);
            const QString advice = Labels::errorAdvice(remaining->response.errorCode);
            if (!advice.isEmpty())
                lines << tr("What to do: %1").arg(advice);
        }
    }
    return lines.join(u'\n');
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
        return r.query.value(u"sub_mchid"); // none for a payment (amounts): not a sub-merchant's record
    case NumberColumn:
        return r.query.number();
    case StateColumn:
        return has ? ResultState::of(result) : QString();
    case AmountColumn:
        if (const auto fen = has ? amountFen(result) : std::nullopt)
            return *fen;
        return {};
    case RemainingColumn:
        if (const LookupResult *remaining = remainingOf(row); remaining && remaining->amounts())
            return remaining->amounts()->unsplitAmount;
        return {};
    case DetailColumn:
        return reasonText(r, result, has);
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
        return ResultState::label(m_runner->row(row).kind(), code);
    }
    case AmountColumn:
        return value.isValid() ? Money::formatTotal(value.toLongLong(), Money::Grouping::Thousands)
                               : QString();
    case RemainingColumn: {
        if (value.isValid())
            return Money::formatTotal(value.toLongLong(), Money::Grouping::Thousands);
        const LookupResult *remaining = remainingOf(row);
        return remaining ? tr("Failed (see the row)") : QString();
    }
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
        if (index.column() == AmountColumn || index.column() == RemainingColumn || index.column() == RowNumberColumn)
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
    case NumberColumn: // a batch is of one kind: a remaining-amount batch lists payments
        return m_runner->rowCount() > 0 && m_runner->row(0).kind() == LookupKind::Amounts
                   ? tr("Transaction ID")
                   : tr("Merchant number");
    case StateColumn:
        return tr("State / result");
    case AmountColumn:
        return tr("Amount (yuan)");
    case RemainingColumn:
        return tr("Remaining (yuan)");
    case DetailColumn:
        return tr("Reason / error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace fenzhang
