#include "lookup/query.h"

#include <utility>

namespace fenzhang {

namespace {

// Each alternative sits at its kind's number, in both variants: LookupKind(index) is the kind.
template <typename Variant, std::size_t... I> constexpr bool inKindOrder(std::index_sequence<I...>)
{
    return ((std::variant_alternative_t<I, Variant>::kind == LookupKind(I)) && ...);
}
template <typename Variant> constexpr bool inKindOrder()
{
    return inKindOrder<Variant>(std::make_index_sequence<std::variant_size_v<Variant>>());
}
static_assert(inKindOrder<Query::Variant>(), "Query::Variant must list the queries in LookupKind order");
static_assert(inKindOrder<Answer::Variant>(), "Answer::Variant must list the results in LookupKind order");

// Calls f with a default-constructed value of the alternative at index `index`.
template <typename Variant, typename F, std::size_t... I>
void withAlternative(std::size_t index, F &&f, std::index_sequence<I...>)
{
    ((index == I ? (f(std::variant_alternative_t<I, Variant>()), 0) : 0), ...);
}
template <typename Variant, typename F> void withAlternative(LookupKind kind, F &&f)
{
    withAlternative<Variant>(std::size_t(kind), std::forward<F>(f),
                             std::make_index_sequence<std::variant_size_v<Variant>>());
}

} // namespace

Query Query::blank(LookupKind kind, Product product)
{
    Query query;
    withAlternative<Variant>(kind, [&](auto blank) {
        blank.product = product;
        query.m_query = std::move(blank);
    });
    return query;
}

LookupKind Query::kind() const
{
    return LookupKind(m_query.index());
}

Product Query::product() const
{
    return std::visit([](const auto &q) { return q.product; }, m_query);
}

void Query::setProduct(Product product)
{
    std::visit([product](auto &q) { q.product = product; }, m_query);
}

FieldGroups Query::fieldGroups(LookupKind kind, Product product)
{
    FieldGroups groups;
    withAlternative<Variant>(kind, [&](const auto &blank) { groups = blank.fieldGroups(product); });
    return groups;
}

QStringList Query::fields(LookupKind kind, Product product)
{
    QStringList fields;
    for (const QStringList &group : fieldGroups(kind, product))
        fields += group;
    return fields;
}

QStringList Query::allFields()
{
    // Computed once, at the first call (the batch export asks it for every question-only row).
    static const QStringList all = [] {
        QStringList fields;
        for (const LookupKind kind : LookupKinds::all()) {
            for (const Product product : Products::all()) {
                for (const QString &field : Query::fields(kind, product)) {
                    if (!fields.contains(field))
                        fields.append(field);
                }
            }
        }
        return fields;
    }();
    return all;
}

QList<QStringList> Query::fieldRows(LookupKind kind)
{
    QList<QStringList> rows;
    for (const Product product : Products::all()) {
        for (const QStringList &group : fieldGroups(kind, product)) {
            if (rows.contains(group))
                continue;
            if (group.size() == 1) {
                rows.append(group);
                continue;
            }
            // Before the first of its fields another product already asks alone, else at the end;
            // its other fields around that one in the choice's order.
            qsizetype at = rows.size();
            for (const QString &field : group) {
                if (const qsizetype existing = rows.indexOf(QStringList{field}); existing >= 0)
                    at = qMin(at, existing);
            }
            rows.insert(at++, group);
            for (const QString &field : group) {
                if (const qsizetype existing = rows.indexOf(QStringList{field}); existing >= 0)
                    at = existing + 1;
                else
                    rows.insert(at++, QStringList{field});
            }
        }
    }
    return rows;
}

QString Query::value(QStringView field) const
{
    return std::visit([&](const auto &q) { return q.value(field); }, m_query);
}

void Query::setValue(QStringView field, const QString &value)
{
    std::visit([&](auto &q) { q.setValue(field, value); }, m_query);
}

QString Query::number() const
{
    return std::visit([](const auto &q) { return q.value(q.namingField()); }, m_query);
}

QString Query::key() const
{
    QString key;
    for (const QString &field : fields(kind(), product()))
        key += value(field) + u'\x1f';
    return key;
}

Query Query::trimmed() const
{
    return std::visit([](const auto &q) { return Query(q.trimmed()); }, m_query);
}

QList<FieldError> Query::validate() const
{
    return std::visit([](const auto &q) { return q.validate(); }, m_query);
}

QByteArray Query::requestTarget() const
{
    return std::visit([](const auto &q) { return q.requestTarget(); }, m_query);
}

Expected<Answer, QString> Answer::fromJson(const Query &query, QByteArrayView body)
{
    return std::visit(
        [&](const auto &q) -> Expected<Answer, QString> {
            using Result = std::variant_alternative_t<std::size_t(std::decay_t<decltype(q)>::kind), Variant>;
            Expected<Result, QString> parsed = Result::fromJson(body, q.product);
            if (!parsed)
                return unexpected(parsed.error());
            return Answer(std::move(parsed).value());
        },
        query.variant());
}

bool Answer::isFinal() const
{
    return std::visit([](const auto &r) { return r.isFinal(); }, m_answer);
}

QString Answer::stateCode() const
{
    return std::visit([](const auto &r) { return r.stateCode(); }, m_answer);
}

qint64 Answer::totalFen() const
{
    return std::visit([](const auto &r) { return r.totalFen(); }, m_answer);
}

} // namespace fenzhang
