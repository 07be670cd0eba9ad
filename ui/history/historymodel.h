#pragma once

// The history page's table: the entries a HistoryFilter matches, newest first, fetched a page at a
// time as the view scrolls (canFetchMore/fetchMore), so a year of look-ups opens at once.

#include "history/historyentry.h"

#include <QAbstractTableModel>

namespace fenzhang {

class HistoryBackend;

class HistoryModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        LookupColumn,
        SourceColumn,
        SubMchidColumn,
        NumberColumn,
        StateColumn,
        AmountColumn,
        HttpColumn,
        RequestIdColumn,
        ColumnCount
    };
    enum Role { RawValueRole = Qt::UserRole + 1, EntryIdRole };

    explicit HistoryModel(HistoryBackend *backend, QObject *parent = nullptr);

    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    // Runs the filter again from the first page (offset and limit are the model's own).
    void setFilter(const HistoryFilter &filter);
    void refresh();
    HistoryFilter filter() const { return m_filter; }
    int totalCount() const { return m_total; } // all matches, fetched or not
    const HistoryEntry &entry(int row) const { return m_entries.at(row); }
    // The last query's problem, translated; empty when it worked.
    QString error() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static QString sourceText(const QString &source);
    static QString stateText(const HistoryEntry &entry);

Q_SIGNALS:
    void queried();

private:
    QVariant raw(const HistoryEntry &entry, int column) const;

    HistoryBackend *m_backend;
    HistoryFilter m_filter;
    QList<HistoryEntry> m_entries;
    int m_total = 0;
    int m_pageSize = 200;
    QString m_error;
    bool m_resetting = false; // inside a reset or an insert: fetchMore() waits
};

} // namespace fenzhang
