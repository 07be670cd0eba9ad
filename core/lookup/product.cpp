#include "lookup/product.h"

using namespace Qt::StringLiterals;

namespace fenzhang {

QString Products::id(Product product)
{
    switch (product) {
    case Product::ServiceProvider:
        return u"service-provider"_s;
    case Product::Direct:
        return u"direct"_s;
    case Product::Brand:
        return u"brand"_s;
    }
    return {};
}

std::optional<Product> Products::fromId(QStringView id)
{
    for (const Product product : all()) {
        if (id.compare(Products::id(product), Qt::CaseInsensitive) == 0)
            return product;
    }
    return std::nullopt;
}

std::optional<Product> Products::fromJsonKey(QStringView key)
{
    for (const Product product : all()) {
        if (key == jsonKey(product))
            return product;
    }
    return std::nullopt;
}

QString Products::label(Product product)
{
    switch (product) {
    case Product::ServiceProvider:
        return tr("Service provider (ordinary profit sharing)");
    case Product::Direct:
        return tr("Direct merchant (ordinary profit sharing)");
    case Product::Brand:
        return tr("Chain brand profit sharing");
    }
    return {};
}

QString Products::explanation(Product product)
{
    switch (product) {
    case Product::ServiceProvider:
        return tr("A service provider splitting its sub-merchants' payments: every look-up names the "
                  "sub-merchant (sub_mchid).");
    case Product::Direct:
        return tr("A merchant splitting its own payments: look-ups take no sub-merchant number.");
    case Product::Brand:
        return tr("A service provider using chain-brand profit sharing for a brand and its stores "
                  "(the brand endpoints).");
    }
    return {};
}

} // namespace fenzhang
