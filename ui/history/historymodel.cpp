#include "historymodel.h"

#include "format/labels.h"
#include "format/money.h"
#include "lookup/lookupkind.h"
#include "lookup/resultstate.h"
#include "historybackend.h"
#include "resultmetabar.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

HistoryModel::HistoryModel(HistoryBackend *backend, QObject *parent)
    : QAbstractTableModel(parent), m_backend(backend)
{
}

void HistoryModel::setFilter(const HistoryFilter &filter)
{
    m_filter = filter;
    refresh();
}

void HistoryModel::refresh()
{
    // The count and the first page are read before the reset, so views (and fetchMore() calls
    // made while they react to the reset) see a complete state.
    QList<HistoryEntry> first;
    int total = 0;
    QString error;
    if (!m_backend->ensureOpen()) {
        error = m_backend->error();
    } else {
        m_backend->flush();
        const auto count = m_backend->store()->count(m_filter);
        if (!count) {
            error = count.error().message;
        } else if (count.value() > 0) {
            total = count.value();
            HistoryFilter page = m_filter;
            page.offset = 0;
            page.limit = m_pageSize;
            const auto found = m_backend->store()->search(page);
            if (found)
                first = found.value();
            else
                error = found.error().message;
        }
    }
    // Listeners of modelReset may call fetchMore(); rows are not inserted inside the reset.
    m_resetting = true;
    beginResetModel();
    m_entries = first;
    m_total = error.isEmpty() ? total : 0;
    m_error = error;
    endResetModel();
    m_resetting = false;
    Q_EMIT queried();
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_error.isEmpty() && m_entries.size() < m_total;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (m_resetting || !canFetchMore(parent))
        return;
    HistoryFilter page = m_filter;
    page.offset = int(m_entries.size());
    page.limit = m_pageSize;
    const auto found = m_backend->store()->search(page);
    if (!found) {
        m_error = found.error().message;
        Q_EMIT queried();
        return;
    }
    if (found.value().isEmpty()) {
        m_total = int(m_entries.size()); // deleted under us: stop asking
        return;
    }
    const int first = int(m_entries.size());
    m_resetting = true; // no nested fetch from a rowsInserted listener
    beginInsertRows({}, first, first + int(found.value().size()) - 1);
    m_entries.append(found.value());
    endInsertRows();
    m_resetting = false;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HistoryModel::sourceText(const QString &source)
{
    if (source == u"single"_s)
        return tr("Single");
    if (source == u"batch"_s)
        return tr("Batch");
    if (source == u"watch"_s)
        return tr("Watch");
    return source;
}

QString HistoryModel::stateText(const HistoryEntry &entry)
{
    if (!entry.state.isEmpty())
        return ResultState::label(entry.lookup, entry.state);
    if (!entry.errorCode.isEmpty())
        return Labels::errorCode(entry.errorCode);
    if (entry.resultKind == u"network_error"_s)
        return tr("No answer");
    if (entry.resultKind == u"verification_failed"_s)
        return tr("Not trusted");
    if (entry.resultKind == u"not_the_answer"_s)
        return tr("Not the answer to this question");
    if (entry.resultKind == u"bad_answer"_s)
        return tr("Unreadable answer");
    if (entry.resultKind == u"cancelled"_s)
        return tr("Cancelled");
    if (entry.resultKind == u"invalid_input"_s)
        return tr("Not sent (invalid)");
    if (entry.resultKind == u"api_error"_s)
        return tr("WeChat Pay error");
    // A kind a newer version wrote: say so rather than show an API word.
    return tr("Other (%1)").arg(entry.resultKind);
}

QVariant HistoryModel::raw(const HistoryEntry &entry, int column) const
{
    switch (Column(column)) {
    case TimeColumn:
        return entry.lookedUpAt;
    case LookupColumn:
        return LookupKinds::name(entry.lookup);
    case SourceColumn:
        return entry.source;
    case SubMchidColumn:
        return entry.subMchid;
    case NumberColumn:
        return entry.number();
    case StateColumn:
        return entry.state.isEmpty() ? entry.errorCode : entry.state;
    case AmountColumn:
        return entry.state.isEmpty() ? QVariant() : QVariant(entry.totalFen);
    case HttpColumn:
        return entry.httpStatus;
    case RequestIdColumn:
        return entry.requestId;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return localTimeWithOffset(e.lookedUpAt);
        case LookupColumn:
            return LookupKinds::noun(e.lookup);
        case SourceColumn:
            return sourceText(e.source);
        case StateColumn:
            return stateText(e);
        case AmountColumn:
            return e.state.isEmpty() ? QString() : Money::formatYuan(e.totalFen, Money::Grouping::Thousands);
        case HttpColumn:
            return e.httpStatus > 0 ? QVariant(e.httpStatus) : QVariant(QString());
        default:
            return raw(e, index.column());
        }
    case RawValueRole:
        return raw(e, index.column());
    case EntryIdRole:
        return e.id;
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn || index.column() == HttpColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Looked up at");
    case LookupColumn:
        return tr("Look-up");
    case SourceColumn:
        return tr("Source");
    case SubMchidColumn:
        return tr("Sub-merchant");
    case NumberColumn:
        return tr("Merchant number");
    case StateColumn:
        return tr("State / result");
    case AmountColumn:
        return tr("Amount (yuan)");
    case HttpColumn:
        return tr("HTTP");
    case RequestIdColumn:
        return tr("Request-ID");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace fenzhang
