// See school_settings.hpp.
#include "school/settings/school_settings.hpp"

#include "core/validation.hpp"
#include "http/json.hpp"
#include "school/files/file_repository.hpp"
#include "school/settings/settings_repository.hpp"

namespace sala::settings {
namespace {

constexpr std::string_view kName = "school";

bool is_web_address(std::string_view url)
{
    auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) {
        return false;
    }
    auto scheme = ascii_lowered(url.substr(0, scheme_end));
    auto rest = url.substr(scheme_end + 3);
    if ((scheme != "http" && scheme != "https") || rest.empty() || rest.front() == '/') {
        return false;
    }
    for (char c : url) {
        if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '?' ||
            c == '#') {
            return false;
        }
    }
    return true;
}

}  // namespace

VersionedSchool load_school(db::Connection& c)
{
    VersionedSchool out;
    if (auto stored = repo::find(c, kName); stored && stored->row_version > 0) {
        auto settings = json::parse<SchoolSettings>(stored->value);
        if (!settings) {
            throw Failure("stored school settings are not readable");
        }
        out = {std::move(*settings), stored->row_version};
    }
    out.settings.logo.reset();
    if (files::repo::setting_file(c, kLogoSetting)) {
        out.settings.logo = std::string(kLogoPath);
    }
    return out;
}

void check_school(FieldErrors& errors, SchoolSettings& s)
{
    require_text(errors, "name", s.name, 150);
    optional_text(errors, "nameKh", s.name_kh, 150);
    optional_text(errors, "address", s.address, 300);
    optional_text(errors, "addressKh", s.address_kh, 300);
    optional_text(errors, "phone", s.phone, 20);
    check_phone(errors, "phone", s.phone);
    optional_text(errors, "email", s.email, 254);
    check_email(errors, "email", s.email);
    optional_text(errors, "principal", s.principal, 150);
    optional_text(errors, "principalKh", s.principal_kh, 150);
    s.logo.reset();
    s.public_url = trimmed(s.public_url);
    while (!s.public_url.empty() && s.public_url.back() == '/') {
        s.public_url.pop_back();
    }
    if (s.public_url.size() > 200) {
        errors.add("publicUrl", "TOO_LONG", {{"max", "200"}});
    } else if (!is_web_address(s.public_url)) {
        errors.add("publicUrl", "INVALID_FORMAT");
    }
}

VersionedSchool SchoolSettingsService::get()
{
    auto lease = db_.read();
    return load_school(*lease);
}

Result<VersionedSchool> save_school(db::Connection& tx, SchoolSettings s, std::optional<std::int64_t> required_version,
                                    std::optional<std::int64_t> writer, TimePoint now)
{
    FieldErrors errors;
    check_school(errors, s);
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (!repo::save(tx, kName, json::dump(s), required_version, writer, now)) {
        return make_error(ErrorCode::precondition_failed);
    }
    return load_school(tx);
}

Result<VersionedSchool> SchoolSettingsService::put(SchoolSettings s, std::optional<std::int64_t> required_version,
                                                   const Principal& writer)
{
    auto tx = db_.write();
    auto saved = save_school(*tx, std::move(s), required_version, writer.user_id, clock_.now());
    if (saved) {
        tx.commit();
    }
    return saved;
}

}  // namespace sala::settings
