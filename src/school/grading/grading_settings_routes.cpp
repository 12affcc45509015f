// See grading_settings_routes.hpp.
#include "school/grading/grading_settings_routes.hpp"

#include "school/grading/grading_settings.hpp"
#include "school/settings/settings_routes.hpp"

namespace sala::grading {

void register_grading_settings_routes(http::Router& router, db::Database& db, const Clock& clock)
{
    settings::add_settings_routes<GradingSettings>(
        router, std::make_shared<GradingSettingsService>(db, clock), "/settings/grading",
        "Category weights, grade scale (English and Khmer labels), pass mark and semester weights (ETag)",
        "Replace the grading settings (If-Match); every average, letter and rank follows them from then on");
}

}  // namespace sala::grading
