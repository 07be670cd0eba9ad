#pragma once

// The query family: one question of any look-up kind (`Query`) and its answer (`Answer`), each a
// std::variant over the kinds' own types (lookup/queries.h, lookup/results.h), in LookupKind order.
// Code that works on any look-up (the service, the batch importer and runner, the watcher, the
// history, the CLI's field options) holds these; what differs per kind lives in the kind's own
// struct (its fields, validation, endpoint, parser, state and money) and is reached through
// std::visit. docs/ARCHITECTURE.md, "The query family", lists what still names each kind by hand.
// Why a variant and not a base class: the kinds are a closed set known at compile time, they are
// values copied freely through signals, lists and the history (no heap, no slicing), and a visit that
// forgets a kind does not compile.

#include "expected.h"
#include "lookup/queries.h"
#include "lookup/results.h"

#include <QByteArrayView>
#include <variant>

namespace fenzhang {

class Query final {
public:
    using Variant = std::variant<OrderQuery, ReturnQuery, AmountsQuery>;

    Query() = default; // an empty order query
    Query(OrderQuery query) : m_query(std::move(query)) {}
    Query(ReturnQuery query) : m_query(std::move(query)) {}
    Query(AmountsQuery query) : m_query(std::move(query)) {}
    // An empty question of this kind, as the product asks it (filled with setValue).
    static Query blank(LookupKind kind, Product product);

    LookupKind kind() const;
    Product product() const;
    void setProduct(Product product);
    const Variant &variant() const { return m_query; }

    // The kind's own struct, or nullptr when this is another kind's question.
    const OrderQuery *order() const { return std::get_if<OrderQuery>(&m_query); }
    const ReturnQuery *returnOrder() const { return std::get_if<ReturnQuery>(&m_query); }
    const AmountsQuery *amounts() const { return std::get_if<AmountsQuery>(&m_query); }
    OrderQuery *order() { return std::get_if<OrderQuery>(&m_query); }
    ReturnQuery *returnOrder() { return std::get_if<ReturnQuery>(&m_query); }
    AmountsQuery *amounts() { return std::get_if<AmountsQuery>(&m_query); }

    // The fields this kind asks as its product asks them (see FieldGroups), and all of them in order.
    static FieldGroups fieldGroups(LookupKind kind, Product product);
    static QStringList fields(LookupKind kind, Product product);
    // Every field any kind asks as any product (the CLI's field options, the batch columns).
    static QStringList allFields();
    // Every product's question of a kind in one order, as a form lays it out and the CLI's usage says
    // it: each row a field (one name) or a choice (its names), a choice just before its fields (a
    // brand's return: sub_mchid, out_return_no, [order_id | out_order_no], order_id, out_order_no).
    static QList<QStringList> fieldRows(LookupKind kind);
    FieldGroups fieldGroups() const { return fieldGroups(kind(), product()); }
    QString value(QStringView field) const;
    void setValue(QStringView field, const QString &value);
    // The number the look-up is about: out_order_no, out_return_no, or the payment's transaction_id.
    QString number() const;
    // The values of fields() joined: two questions of the same kind and product with the same key
    // are the same question (the batch importer's duplicates).
    QString key() const;

    Query trimmed() const;
    QList<FieldError> validate() const;
    QByteArray requestTarget() const;

    bool operator==(const Query &) const = default;

private:
    Variant m_query;
};

class Answer final {
public:
    using Variant = std::variant<OrderResult, ReturnResult, AmountsResult>;

    Answer(OrderResult result) : m_answer(std::move(result)) {}
    Answer(ReturnResult result) : m_answer(std::move(result)) {}
    Answer(AmountsResult result) : m_answer(std::move(result)) {}
    // The verified body read as the answer to this question's kind and product.
    static Expected<Answer, QString> fromJson(const Query &query, QByteArrayView body);

    LookupKind kind() const { return LookupKind(m_answer.index()); }
    const Variant &variant() const { return m_answer; }
    const OrderResult *order() const { return std::get_if<OrderResult>(&m_answer); }
    const ReturnResult *returnOrder() const { return std::get_if<ReturnResult>(&m_answer); }
    const AmountsResult *amounts() const { return std::get_if<AmountsResult>(&m_answer); }
    OrderResult *order() { return std::get_if<OrderResult>(&m_answer); }
    ReturnResult *returnOrder() { return std::get_if<ReturnResult>(&m_answer); }
    AmountsResult *amounts() { return std::get_if<AmountsResult>(&m_answer); }

    bool isFinal() const; // an order or return no longer PROCESSING; an amount always is
    // Each kind's own: its state, result or frozen/none (ResultState), and its money in fen (an
    // order's receivers summed, a return's amount, the amount still frozen).
    QString stateCode() const;
    qint64 totalFen() const;

private:
    Variant m_answer;
};

} // namespace fenzhang
