#include "receiversmodel.h"

#include "format/labels.h"
#include "format/money.h"
#include "plaintext.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

ReceiversModel::ReceiversModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReceiversModel::setReceivers(const QList<ReceiverDetail> &receivers)
{
    beginResetModel();
    m_receivers = receivers;
    endResetModel();
}

void ReceiversModel::clear()
{
    setReceivers({});
}

int ReceiversModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_receivers.size());
}

int ReceiversModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReceiversModel::displayText(const ReceiverDetail &r, int column) const
{
    switch (column) {
    case Amount:
        return Money::formatYuan(r.amount, Money::Grouping::Thousands);
    case Description:
        return r.description;
    case Type:
        return Labels::receiverType(r.type);
    case Account:
        return r.account;
    case Result:
        return Labels::receiverResult(r.result);
    case FailReason:
        return r.failReason.isEmpty() ? QString() : Labels::receiverFailReason(r.failReason);
    case CreateTime:
        return r.createTime.isValid() ? r.createTime.toLocalDisplayString() : r.createTime.raw();
    case FinishTime:
        return r.finishTime.isValid() ? r.finishTime.toLocalDisplayString() : r.finishTime.raw();
    case DetailId:
        return r.detailId;
    default:
        return {};
    }
}

QVariant ReceiversModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReceiverDetail &r = m_receivers.at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, column);
    case RawRole:
        switch (column) {
        case Amount:
            return QVariant::fromValue<qlonglong>(r.amount);
        case Description:
            return r.description;
        case Type:
            return r.type;
        case Account:
            return r.account;
        case Result:
            return r.result;
        case FailReason:
            return r.failReason;
        case CreateTime:
            return r.createTime.isValid() ? QVariant(r.createTime.value()) : QVariant(r.createTime.raw());
        case FinishTime:
            return r.finishTime.isValid() ? QVariant(r.finishTime.value()) : QVariant(r.finishTime.raw());
        case DetailId:
            return r.detailId;
        }
        return {};
    case ToneRole:
        return column == Result ? static_cast<int>(Labels::receiverResultTone(r.result)) : QVariant();
    case Qt::TextAlignmentRole:
        if (column == Amount)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (const QString tip = toolTip(r, column); !tip.isEmpty())
            return plainToolTip(tip);
        return {};
    }
    return {};
}

// The answer's words for a cell's tooltip, as plain text.
QString ReceiversModel::toolTip(const ReceiverDetail &r, int column)
{
    switch (column) {
    case Type:
        return u"%1 (%2)"_s.arg(Labels::receiverType(r.type), r.type);
    case Result:
        return u"%1 (%2)"_s.arg(Labels::receiverResult(r.result), r.result);
    case Account:
        return r.account;
    case FailReason:
        if (r.failReason.isEmpty())
            return {};
        return u"%1 (%2)\n%3"_s.arg(Labels::receiverFailReason(r.failReason), r.failReason,
                                    Labels::receiverFailAdvice(r.failReason));
    case CreateTime:
        return r.createTime.raw();
    case FinishTime:
        return r.finishTime.raw();
    case Description:
        return r.description;
    }
    return {};
}

QVariant ReceiversModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == Amount ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (role == Qt::ToolTipRole) {
        static const char *const apiNames[ColumnCount] = {"amount",      "description", "type",
                                                          "account",     "result",      "fail_reason",
                                                          "create_time", "finish_time", "detail_id"};
        return QString::fromLatin1(apiNames[section]);
    }
    switch (section) {
    case Amount:
        return tr("Amount (yuan)");
    case Description:
        return tr("Description");
    case Type:
        return tr("Receiver type");
    case Account:
        return tr("Receiver account");
    case Result:
        return tr("Result");
    case FailReason:
        return tr("Failure reason");
    case CreateTime:
        return tr("Created");
    case FinishTime:
        return tr("Finished");
    case DetailId:
        return tr("Detail ID");
    }
    return {};
}

QString ReceiversModel::toTsv(const QList<int> &rows) const
{
    auto clean = [](QString cell) {
        cell.replace(u'\t', u' ').replace(u'\r', u' ').replace(u'\n', u' ');
        return cell;
    };
    QStringList lines;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << clean(headerData(c, Qt::Horizontal).toString());
    lines << header.join(u'\t');
    for (int row : rows) {
        if (row < 0 || row >= m_receivers.size())
            continue;
        const ReceiverDetail &r = m_receivers.at(row);
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << clean(c == Amount ? Money::formatYuan(r.amount) : displayText(r, c));
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace fenzhang
