// The grading settings the calculations use: the stored document, or the defaults until an admin
// changes them, with the rules a new document must follow. Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/grading/calculations.hpp"

namespace sala::grading {

struct VersionedSettings {
    GradingSettings settings;
    std::int64_t row_version = 0;  // 0: the defaults, never changed
};

// The settings in force (inside the caller's transaction or read lease).
[[nodiscard]] VersionedSettings load_settings(db::Connection& c);

// Field errors for a document that breaks a rule (weights, scale, pass mark, semester weights).
void check_settings(FieldErrors& errors, const GradingSettings& settings);

class GradingSettingsService {
public:
    GradingSettingsService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
    [[nodiscard]] VersionedSettings get();
    [[nodiscard]] Result<VersionedSettings> put(GradingSettings settings, std::optional<std::int64_t> required_version,
                                                const Principal& writer);

private:
    db::Database& db_;
    const Clock& clock_;
};

}  // namespace sala::grading
