// See school_year_service.hpp.
#include "school/school_years/school_year_service.hpp"

#include "core/calendar.hpp"
#include "core/validation.hpp"
#include "school/school_years/school_year_repository.hpp"

namespace sala::school_years {
namespace {

constexpr std::size_t kMaxNameLength = 50;

Error name_taken()
{
    Error e = make_error(ErrorCode::conflict, "error.school_year_name_taken");
    e.details.push_back(field_error("name", "ALREADY_EXISTS"));
    return e;
}

FieldErrors check_input(SchoolYearInput& input)
{
    FieldErrors errors;
    require_text(errors, "name", input.name, kMaxNameLength);
    check_dates(errors, input.start_date, input.end_date, "endDate");
    return errors;
}

// A year's new dates must keep each of its semesters inside them.
void check_semesters_fit(db::Connection& c, std::int64_t school_year_id, const SchoolYearInput& input,
                         FieldErrors& errors)
{
    bool start_reported = false;
    bool end_reported = false;
    for (const auto& s : repo::semesters_of(c, school_year_id)) {
        MessageArgs args{{"name", s.name}, {"start", format_date(s.start_date)}, {"end", format_date(s.end_date)}};
        if (s.start_date < input.start_date && !start_reported) {
            errors.add("startDate", "EXCLUDES_SEMESTER", args);
            start_reported = true;
        }
        if (s.end_date > input.end_date && !end_reported) {
            errors.add("endDate", "EXCLUDES_SEMESTER", args);
            end_reported = true;
        }
    }
}

}  // namespace

void check_dates(FieldErrors& errors, Date start, Date end, const std::string& end_field)
{
    if (end <= start) {
        errors.add(end_field, "END_BEFORE_START");
    } else if (months_between(start, end) >= kMaxSchoolYearMonths) {
        errors.add(end_field, "SPAN_TOO_LONG", {{"max", std::to_string(kMaxSchoolYearMonths)}});
    }
}

Result<SchoolYear> SchoolYearService::get(std::int64_t school_year_id)
{
    auto lease = db_.read();
    auto year = repo::find_by_id(*lease, school_year_id);
    if (!year) {
        return make_error(ErrorCode::not_found);
    }
    return *year;
}

Result<SchoolYear> SchoolYearService::current()
{
    auto lease = db_.read();
    auto year = repo::find_current(*lease);
    if (!year) {
        return make_error(ErrorCode::not_found, "error.no_current_school_year");
    }
    return *year;
}

SchoolYearPage SchoolYearService::list(const SchoolYearFilter& filter)
{
    auto lease = db_.read();
    return repo::list(*lease, filter);
}

Result<std::vector<Semester>> SchoolYearService::semesters(std::int64_t school_year_id)
{
    auto lease = db_.read();
    if (!repo::find_by_id(*lease, school_year_id)) {
        return make_error(ErrorCode::not_found);
    }
    return repo::semesters_of(*lease, school_year_id);
}

Result<SchoolYear> SchoolYearService::create(SchoolYearInput input)
{
    if (auto errors = check_input(input); !errors.empty()) {
        return errors.to_error();
    }
    auto now = clock_.now();
    auto tx = db_.write();
    if (repo::find_id_by_name(*tx, input.name)) {
        return name_taken();
    }
    if (input.is_current.value_or(false)) {
        repo::clear_other_current(*tx, 0, now);
    }
    auto id = repo::insert(*tx, input, now);
    if (!id) {
        return name_taken();
    }
    auto year = repo::find_by_id(*tx, *id);
    tx.commit();
    return *year;
}

Result<SchoolYear> SchoolYearService::update(std::int64_t school_year_id, SchoolYearInput input,
                                             std::optional<std::int64_t> required_version)
{
    auto errors = check_input(input);
    auto now = clock_.now();
    auto tx = db_.write();
    auto current = repo::find_by_id(*tx, school_year_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (required_version && *required_version != current->row_version) {
        return make_error(ErrorCode::precondition_failed);
    }
    if (errors.empty()) {
        check_semesters_fit(*tx, school_year_id, input, errors);
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (auto other = repo::find_id_by_name(*tx, input.name); other && *other != school_year_id) {
        return name_taken();
    }
    bool is_current = input.is_current.value_or(current->is_current);
    if (is_current) {
        repo::clear_other_current(*tx, school_year_id, now);
    }
    switch (repo::update(*tx, school_year_id, input, is_current, required_version, now)) {
    case repo::Updated::done: break;
    case repo::Updated::stale: return make_error(ErrorCode::precondition_failed);
    case repo::Updated::duplicate: return name_taken();
    }
    auto year = repo::find_by_id(*tx, school_year_id);
    tx.commit();
    return *year;
}

Result<void> SchoolYearService::remove(std::int64_t school_year_id, std::optional<std::int64_t> required_version)
{
    auto tx = db_.write();
    auto current = repo::find_by_id(*tx, school_year_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (required_version && *required_version != current->row_version) {
        return make_error(ErrorCode::precondition_failed);
    }
    if (repo::count_references(*tx, school_year_id) > 0) {
        return make_error(ErrorCode::conflict, "error.school_year_in_use");
    }
    if (!repo::remove(*tx, school_year_id, required_version)) {
        return make_error(ErrorCode::precondition_failed);
    }
    tx.commit();
    return {};
}

}  // namespace sala::school_years
