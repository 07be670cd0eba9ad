#pragma once

// The receivers of a profit-sharing order as a table: human labels for display, the raw values
// (fen, codes, QDateTime) under RawRole so sorting and copying never work on formatted text.

#include "lookup/results.h"

#include <QAbstractTableModel>

namespace fenzhang {

class ReceiversModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Amount,
        Description,
        Type,
        Account,
        Result,
        FailReason,
        CreateTime,
        FinishTime,
        DetailId,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawRole = Qt::UserRole + 1, // unformatted value: qint64 fen, API code, QDateTime, text
        ToneRole,                   // Labels::Tone as int, for the result badge
    };

    explicit ReceiversModel(QObject *parent = nullptr);

    void setReceivers(const QList<ReceiverDetail> &receivers);
    void clear();
    const QList<ReceiverDetail> &receivers() const { return m_receivers; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The given source rows as tab-separated text with a header line, for pasting into Excel.
    // Amounts in plain yuan ("1234.56"), labels as shown, tabs and newlines in cells flattened.
    QString toTsv(const QList<int> &rows) const;

private:
    static QString toolTip(const ReceiverDetail &r, int column);
    QString displayText(const ReceiverDetail &receiver, int column) const;
    QList<ReceiverDetail> m_receivers;
};

} // namespace fenzhang
