#include "format/exporttable.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace fenzhang {

namespace {

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

struct Heading {
    const char16_t *name;
    const char *text;
};

// Every column any export has, by its API name: the workbook's heading.
const Heading headings[] = {
    {u"row", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Row")},
    {u"sub_mchid", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Sub-merchant ID")},
    {u"transaction_id", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "WeChat Pay transaction ID")},
    {u"out_order_no", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Merchant sharing order no.")},
    {u"order_id", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "WeChat sharing order no.")},
    {u"out_return_no", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Merchant return no.")},
    {u"return_no", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "WeChat return no.")}, // brand
    {u"return_id", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "WeChat return no.")}, // ordinary
    {u"return_mchid", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Return merchant ID")},
    {u"state", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "State code")},
    {u"state_label", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "State")},
    {u"receiver_account", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Receiver account")},
    {u"receiver_type", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Receiver type code")},
    {u"receiver_type_label", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Receiver type")},
    {u"amount_yuan", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Amount (yuan)")},
    {u"amount_fen", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Amount (fen)")},
    {u"description", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Description")},
    // An ordinary return's description is why the money went back, not a receiver's description.
    {u"return_description", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Return description")},
    {u"result", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Result code")},
    {u"result_label", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Result")},
    {u"fail_reason", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Failure reason code")},
    {u"fail_reason_label", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Failure reason")},
    {u"fail_reason_advice", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "What to do")},
    {u"create_time", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Created")},
    {u"finish_time", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Finished")},
    {u"detail_id", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Detail ID")},
    {u"request_id", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Request-ID")},
    {u"verified", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Signature verified")},
    {u"looked_up_at", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Looked up at")},
    {u"unsplit_amount_yuan", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Still to split (yuan)")},
    {u"unsplit_amount_fen", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Still to split (fen)")},
    {u"unsplit_request_id", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Still to split: Request-ID")},
    {u"unsplit_error", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Still to split: why not known")},
    {u"product", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Product")},
    {u"error_kind", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Error kind")},
    {u"http_status", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "HTTP status")},
    {u"error_code", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Error code")},
    {u"error_message", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Error message")},
    {u"error_advice", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "What to do about the error")},
    {u"profile", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Profile")},
    {u"lookup", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Look-up")},
    {u"source", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Source")},
    {u"result_kind", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Result kind")},
    {u"receiver_results", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Receiver results")},
    {u"receiver_count", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Receivers")},
    {u"group", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Group")},
    {u"value", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Code")},
    {u"label", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Meaning")},
    {u"count", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Count")},
    {u"item", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Item")},
    {u"detail", QT_TRANSLATE_NOOP("fenzhang::ExportTable", "Details")},
};

} // namespace

ExportColumn ExportTable::column(const QString &name, ExportColumn::Type type)
{
    return column(name, type, name);
}

ExportColumn ExportTable::column(const QString &name, ExportColumn::Type type, const QString &headedAs)
{
    for (const Heading &heading : headings) {
        if (headedAs == QStringView(heading.name))
            return {name, QCoreApplication::translate("fenzhang::ExportTable", heading.text), type};
    }
    return {name, name, type};
}

ExportColumns ExportTable::columns(std::initializer_list<std::pair<const char16_t *, ExportColumn::Type>> list)
{
    ExportColumns result;
    result.reserve(qsizetype(list.size()));
    for (const auto &[name, type] : list)
        result.append(column(QString::fromUtf16(name), type));
    return result;
}

ExportColumns ExportTable::summaryColumns()
{
    using T = ExportColumn::Type;
    return columns({{u"group", T::Text},
                    {u"value", T::Text},
                    {u"label", T::Text},
                    {u"count", T::Integer},
                    {u"amount_yuan", T::Yuan},
                    {u"amount_fen", T::Integer}});
}

QStringList ExportTable::names(const ExportColumns &columns)
{
    QStringList names;
    names.reserve(columns.size());
    for (const ExportColumn &column : columns)
        names.append(column.name);
    return names;
}

QList<int> ExportTable::numericColumns(const ExportColumns &columns)
{
    QList<int> numeric;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const ExportColumn::Type type = columns.at(i).type;
        if (type == ExportColumn::Type::Yuan || type == ExportColumn::Type::Integer)
            numeric.append(int(i));
    }
    return numeric;
}

ExportFormat ExportFiles::formatOfPath(const QString &path, ExportFormat fallback)
{
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.compare("xlsx"_L1, Qt::CaseInsensitive) == 0)
        return ExportFormat::Xlsx;
    if (suffix.compare("csv"_L1, Qt::CaseInsensitive) == 0)
        return ExportFormat::Csv;
    return fallback;
}

QString ExportFiles::suffix(ExportFormat format)
{
    return format == ExportFormat::Xlsx ? u"xlsx"_s : u"csv"_s;
}

WriteResult ExportFiles::save(const QString &path, const std::function<WriteResult(QIODevice *)> &write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return unexpected(file.errorString());
    if (WriteResult written = write(&file); !written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return unexpected(file.errorString());
    return {};
}

int displayWidth(QStringView text)
{
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        if (u < 0x1100) { // most cells: ASCII, no decoding
            ++width;
            continue;
        }
        char32_t c = u;
        if (QChar::isHighSurrogate(u) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            c = QChar::surrogateToUcs4(u, text.at(++i).unicode());
        width += isWide(c) ? 2 : 1;
    }
    return width;
}

} // namespace fenzhang

#include "format/wxtime.h"

#include <QDateTime>

namespace fenzhang {

QString ExportTime::text(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    const int offset = local.offsetFromUtc();
    const int magnitude = offset < 0 ? -offset : offset;
    return local.toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) + (offset < 0 ? u'-' : u'+') +
           u"%1:%2"_s.arg(magnitude / 3600, 2, 10, QChar(u'0')).arg(magnitude / 60 % 60, 2, 10, QChar(u'0'));
}

QString ExportTime::text(const WxTime &time)
{
    return time.toLocalIsoString();
}

QString ExportTime::display(QStringView isoText)
{
    // yyyy-MM-ddTHH:mm:ss[.zzz]±hh:mm; anything else (a raw unparsed time) stays as it is.
    const qsizetype offsetAt = isoText.size() - 6;
    if ((isoText.size() != 25 && isoText.size() != 29) || isoText.at(10) != u'T' ||
        (isoText.at(offsetAt) != u'+' && isoText.at(offsetAt) != u'-'))
        return isoText.toString();
    QString shown = isoText.first(offsetAt).toString() + u' ' + isoText.sliced(offsetAt);
    shown[10] = u' ';
    return shown;
}

QString ExportTime::ruleText()
{
    return QCoreApplication::translate(
        "fenzhang::ExportTime",
        "Times are in this computer's time zone, as the app shows them, each with its UTC offset.");
}

} // namespace fenzhang
