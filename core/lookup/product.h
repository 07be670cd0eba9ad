#pragma once

// Which WeChat Pay profit-sharing product a merchant uses. It decides which endpoint each look-up
// goes to and which numbers it takes (docs/api/README.md, "Differences between the products"):
//   ServiceProvider  普通分账, as a service provider for sub-merchants: sub_mchid on every look-up
//   Direct           普通分账, as a direct merchant (直连商户): the same endpoints without sub_mchid
//   Brand            连锁品牌分账 (service providers only): the /v3/brand/profitsharing/ endpoints

#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace fenzhang {

enum class Product { ServiceProvider, Direct, Brand };

class Products final {
    Q_DECLARE_TR_FUNCTIONS(fenzhang::Products)
public:
    static QList<Product> all() { return {Product::ServiceProvider, Product::Direct, Product::Brand}; }
    // "service-provider" | "direct" | "brand": the name in profiles and on the command line.
    static QString id(Product product);
    static std::optional<Product> fromId(QStringView id);
    // "service_provider" | "direct" | "brand": the key in JSON documents (the sandbox's data and
    // start-up description, docs/sandbox.md).
    static QString jsonKey(Product product) { return id(product).replace(u'-', u'_'); }
    static std::optional<Product> fromJsonKey(QStringView key);
    // Translated: "Service provider (ordinary profit sharing)", ...
    static QString label(Product product);
    // One line on who uses it, for the profile dialog.
    static QString explanation(Product product);
    // Whether its look-ups name the sub-merchant (sub_mchid).
    static bool hasSubMchid(Product product) { return product != Product::Direct; }
};

} // namespace fenzhang
