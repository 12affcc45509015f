// See print_shop.hpp.
#include "school/printing/print_shop.hpp"

#include "school/printing/print_access.hpp"
#include "school/settings/school_settings.hpp"

#include <algorithm>

namespace sala::printing {
namespace {

// --deterministic-pdf: 2026-01-01T00:00:00Z.
constexpr TimePoint kFixedDate{std::chrono::seconds(1'767'225'600)};

}  // namespace

Error nothing_to_print(std::string what)
{
    return make_error(ErrorCode::validation_error, "error.nothing_to_print", {{"what", std::move(what)}});
}

std::string file_name(const std::vector<std::string>& parts)
{
    std::string out;
    for (const auto& part : parts) {
        if (!part.empty()) {
            out += (out.empty() ? "" : "-") + part;
        }
    }
    return out;
}

PrintShop::PrintShop(db::Database& db, files::FileService& files, const Clock& clock, PrintingLimits limits)
    : db_(db), files_(files), clock_(clock), limits_(limits),
      slots_(static_cast<std::ptrdiff_t>(std::max<std::size_t>(1, limits.concurrency))),
      renderers_(std::max<std::size_t>(1, limits.concurrency))
{
}

Result<PrintJob> PrintShop::open(const Principal& who, About about, const std::optional<PrintOptions>& options,
                                 pdf::Orientation orientation)
{
    PrintJob job;
    {
        auto lease = db_.read();
        auto allowed = about.students.empty() ? may_print(*lease, who, about.courses)
                                              : may_print_students(*lease, who, about.students);
        if (!allowed) {
            return allowed.error();
        }
        auto setup = print_setup(options, orientation);
        if (!setup) {
            return setup.error();
        }
        job.setup = *setup;
        job.letterhead.school = settings::load_school(*lease).settings;
    }
    job.created = limits_.deterministic ? kFixedDate : clock_.now();
    if (job.letterhead.school.logo) {
        job.letterhead.logo = image(files_.setting_image(settings::kLogoSetting));
    }
    return job;
}

Result<std::string> PrintShop::render(const std::function<std::string()>& render)
{
    if (!slots_.try_acquire_for(limits_.wait)) {
        Error busy = make_error(ErrorCode::unavailable, "error.printer_busy");
        busy.retry_after = std::chrono::seconds(5);
        return busy;
    }
    struct Release {
        std::counting_semaphore<>& slots;
        ~Release() { slots.release(); }
    } release{slots_};
    std::string bytes;
    renderers_.run_and_wait([&] { bytes = render(); });
    return bytes;
}

std::optional<pdf::Image> PrintShop::image(const Result<files::FileContent>& content, int max_side) const
{
    if (!content) {
        return std::nullopt;
    }
    return pdf::Image::decode(content->bytes, max_side);
}

}  // namespace sala::printing
