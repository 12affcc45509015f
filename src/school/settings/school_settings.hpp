// The school as its documents name it: name in English and Khmer, address, phone, principal, the
// address ID-card QR codes point to, and whether teachers may print documents for their own
// courses. One versioned settings document, read by every renderer. Blocking (SQL): worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>

namespace sala::settings {

struct SchoolSettings {
    std::string name = "Sala School";
    std::optional<std::string> name_kh;
    std::optional<std::string> address;
    std::optional<std::string> address_kh;
    std::optional<std::string> phone;
    std::optional<std::string> email;
    std::optional<std::string> principal;
    std::optional<std::string> principal_kh;
    // Where this Sala is reached from outside ("https://sala.school.edu.kh"); ID-card QR codes
    // open {publicUrl}/api/v1/id-cards/verify/{token}.
    std::string public_url = "http://localhost:8080";
    // Report generation is the admin's; this lets teachers print for the courses they teach.
    bool teachers_may_print = false;
    // Where the logo is served when there is one (PUT /settings/school/logo); ignored in a PUT.
    std::optional<std::string> logo;
};
BOOST_DESCRIBE_STRUCT(SchoolSettings, (),
                      (name, name_kh, address, address_kh, phone, email, principal, principal_kh, public_url,
                       teachers_may_print, logo))

inline constexpr std::string_view kLogoSetting = "school.logo";
inline constexpr std::string_view kLogoPath = "/api/v1/settings/school/logo";

struct VersionedSchool {
    SchoolSettings settings;
    std::int64_t row_version = 0;  // 0: the defaults, never changed
};

// The settings in force (with the logo's address when there is one), inside the caller's
// transaction or read lease.
[[nodiscard]] VersionedSchool load_school(db::Connection& c);

// Trims the text fields and adds an error for each broken rule.
void check_school(FieldErrors& errors, SchoolSettings& settings);

// Checks and stores the settings inside the caller's transaction (412 when `required_version` is
// stale, 422 naming each broken rule); the service's PUT and the demo school both use it.
[[nodiscard]] Result<VersionedSchool> save_school(db::Connection& tx, SchoolSettings settings,
                                                  std::optional<std::int64_t> required_version,
                                                  std::optional<std::int64_t> writer, TimePoint now);

class SchoolSettingsService {
public:
    SchoolSettingsService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
    [[nodiscard]] VersionedSchool get();
    [[nodiscard]] Result<VersionedSchool> put(SchoolSettings settings, std::optional<std::int64_t> required_version,
                                              const Principal& writer);

private:
    db::Database& db_;
    const Clock& clock_;
};

}  // namespace sala::settings
