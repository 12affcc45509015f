// See semester_service.hpp.
#include "school/school_years/semester_service.hpp"

#include "core/validation.hpp"
#include "school/school_years/school_year_repository.hpp"

namespace sala::school_years {
namespace {

constexpr std::size_t kMaxNameLength = 50;

Error order_taken()
{
    Error e = make_error(ErrorCode::conflict, "error.semester_order_taken");
    e.details.push_back(field_error("order", "ALREADY_EXISTS"));
    return e;
}

// The checks that need no database. Returns whether the dates are usable for the year checks.
bool check_input(SemesterInput& input, FieldErrors& errors)
{
    require_text(errors, "name", input.name, kMaxNameLength);
    if (input.order < 1 || input.order > kMaxSemesterOrder) {
        errors.add("order", "OUT_OF_RANGE", {{"min", "1"}, {"max", std::to_string(kMaxSemesterOrder)}});
    }
    if (input.end_date <= input.start_date) {
        errors.add("endDate", "END_BEFORE_START");
        return false;
    }
    return true;
}

MessageArgs span_args(std::string name, Date start, Date end)
{
    MessageArgs args{{"start", format_date(start)}, {"end", format_date(end)}};
    if (!name.empty()) {
        args.emplace_back("name", std::move(name));
    }
    return args;
}

// Inside the year, and no day shared with another semester of the year (dates are inclusive).
void check_against_year(db::Connection& c, const SemesterInput& input, std::int64_t self_id, bool dates_valid,
                        FieldErrors& errors)
{
    auto year = repo::find_by_id(c, input.school_year_id);
    if (!year) {
        errors.add("schoolYearId", "NOT_FOUND");
        return;
    }
    if (!dates_valid) {
        return;
    }
    auto year_span = span_args({}, year->start_date, year->end_date);
    bool start_outside = input.start_date < year->start_date || input.start_date > year->end_date;
    bool end_outside = input.end_date < year->start_date || input.end_date > year->end_date;
    if (start_outside) {
        errors.add("startDate", "OUTSIDE_SCHOOL_YEAR", year_span);
    }
    if (end_outside) {
        errors.add("endDate", "OUTSIDE_SCHOOL_YEAR", year_span);
    }
    for (const auto& other : repo::semesters_of(c, input.school_year_id)) {
        if (other.semester_id == self_id || other.end_date < input.start_date || input.end_date < other.start_date) {
            continue;
        }
        auto args = span_args(other.name, other.start_date, other.end_date);
        bool start_inside = input.start_date >= other.start_date && input.start_date <= other.end_date;
        bool end_inside = input.end_date >= other.start_date && input.end_date <= other.end_date;
        // A semester that encloses the other overlaps at both ends.
        if ((start_inside || !end_inside) && !start_outside) {
            errors.add("startDate", "OVERLAPS", args);
        }
        if ((end_inside || !start_inside) && !end_outside) {
            errors.add("endDate", "OVERLAPS", args);
        }
        return;  // one overlap is enough to name the fields
    }
}

}  // namespace

Result<Semester> SemesterService::get(std::int64_t semester_id)
{
    auto lease = db_.read();
    auto semester = repo::find_semester(*lease, semester_id);
    if (!semester) {
        return make_error(ErrorCode::not_found);
    }
    return *semester;
}

SemesterPage SemesterService::list(const SemesterFilter& filter)
{
    auto lease = db_.read();
    return repo::list_semesters(*lease, filter);
}

Result<Semester> SemesterService::create(SemesterInput input)
{
    FieldErrors errors;
    bool dates_valid = check_input(input, errors);
    auto now = clock_.now();
    auto tx = db_.write();
    check_against_year(*tx, input, 0, dates_valid, errors);
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (repo::semester_with_order(*tx, input.school_year_id, input.order, 0)) {
        return order_taken();
    }
    auto id = repo::insert_semester(*tx, input, now);
    if (!id) {
        return order_taken();
    }
    auto semester = repo::find_semester(*tx, *id);
    tx.commit();
    return *semester;
}

Result<Semester> SemesterService::update(std::int64_t semester_id, SemesterInput input,
                                         std::optional<std::int64_t> required_version)
{
    FieldErrors errors;
    bool dates_valid = check_input(input, errors);
    auto now = clock_.now();
    auto tx = db_.write();
    auto current = repo::find_semester(*tx, semester_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (required_version && *required_version != current->row_version) {
        return make_error(ErrorCode::precondition_failed);
    }
    check_against_year(*tx, input, semester_id, dates_valid, errors);
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (repo::semester_with_order(*tx, input.school_year_id, input.order, semester_id)) {
        return order_taken();
    }
    switch (repo::update_semester(*tx, semester_id, input, required_version, now)) {
    case repo::Updated::done: break;
    case repo::Updated::stale: return make_error(ErrorCode::precondition_failed);
    case repo::Updated::duplicate: return order_taken();
    }
    auto semester = repo::find_semester(*tx, semester_id);
    tx.commit();
    return *semester;
}

Result<void> SemesterService::remove(std::int64_t semester_id, std::optional<std::int64_t> required_version)
{
    auto tx = db_.write();
    auto current = repo::find_semester(*tx, semester_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (required_version && *required_version != current->row_version) {
        return make_error(ErrorCode::precondition_failed);
    }
    if (repo::count_semester_references(*tx, semester_id) > 0) {
        return make_error(ErrorCode::conflict, "error.semester_in_use");
    }
    if (!repo::remove_semester(*tx, semester_id, required_version)) {
        return make_error(ErrorCode::precondition_failed);
    }
    tx.commit();
    return {};
}

}  // namespace sala::school_years
