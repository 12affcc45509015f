// See school_settings_routes.hpp. The logo has its own routes with the other images (files).
#include "school/settings/school_settings_routes.hpp"

#include "school/settings/school_settings.hpp"
#include "school/settings/settings_routes.hpp"

namespace sala::settings {

void register_school_settings_routes(http::Router& router, db::Database& db, const Clock& clock)
{
    add_settings_routes<SchoolSettings>(
        router, std::make_shared<SchoolSettingsService>(db, clock), "/settings/school",
        "The school's name (English and Khmer), address, phone, principal, public address for ID-card QR "
        "codes, whether teachers may print, and the logo (ETag)",
        "Replace the school settings (If-Match); every document printed from then on uses them");
}

}  // namespace sala::settings
