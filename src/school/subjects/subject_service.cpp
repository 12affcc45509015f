// See subject_service.hpp.
#include "school/subjects/subject_service.hpp"

#include "core/validation.hpp"
#include "school/subjects/subject_repository.hpp"

#include <algorithm>

namespace sala::subjects {
namespace {

constexpr std::size_t kMaxCodeLength = 20;
constexpr std::size_t kMaxNameLength = 100;
// Sanity bounds: a score out of more than this, or a weight above this, is a typing mistake.
constexpr double kMaxMaxScore = 1000;
constexpr double kMaxCoefficient = 100;

bool valid_code_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
}

std::string number_text(double value)
{
    auto text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') {
        text.pop_back();
    }
    return text;
}

void check_positive(FieldErrors& errors, const std::string& field, double value, double max)
{
    if (!(value > 0)) {
        errors.add(field, "NOT_POSITIVE");
    } else if (value > max) {
        errors.add(field, "OUT_OF_RANGE", {{"min", "0"}, {"max", number_text(max)}});
    }
}

// Trims and checks every field; sorts the grade levels and drops repeats.
FieldErrors check_input(SubjectInput& input)
{
    FieldErrors errors;
    require_text(errors, "code", input.code, kMaxCodeLength);
    if (!input.code.empty() && !std::all_of(input.code.begin(), input.code.end(), valid_code_char)) {
        errors.add("code", "INVALID_FORMAT");
    }
    require_text(errors, "name", input.name, kMaxNameLength);
    optional_text(errors, "nameKh", input.name_kh, kMaxNameLength);
    check_positive(errors, "maxScore", input.max_score, kMaxMaxScore);
    check_positive(errors, "coefficient", input.coefficient, kMaxCoefficient);
    if (input.grade_levels.empty()) {
        errors.add("gradeLevels", "REQUIRED");
    }
    for (std::size_t i = 0; i < input.grade_levels.size(); ++i) {
        auto level = input.grade_levels[i];
        if (level < kMinGradeLevel || level > kMaxGradeLevel) {
            errors.add("gradeLevels[" + std::to_string(i) + "]", "OUT_OF_RANGE",
                       {{"min", std::to_string(kMinGradeLevel)}, {"max", std::to_string(kMaxGradeLevel)}});
        }
    }
    std::sort(input.grade_levels.begin(), input.grade_levels.end());
    input.grade_levels.erase(std::unique(input.grade_levels.begin(), input.grade_levels.end()),
                             input.grade_levels.end());
    return errors;
}

Error code_taken()
{
    Error e = make_error(ErrorCode::conflict, "error.subject_code_taken");
    e.details.push_back(field_error("code", "ALREADY_EXISTS"));
    return e;
}

}  // namespace

Result<Subject> SubjectService::get(std::int64_t subject_id)
{
    auto lease = db_.read();
    auto subject = repo::find_by_id(*lease, subject_id);
    if (!subject) {
        return make_error(ErrorCode::not_found);
    }
    return *subject;
}

SubjectPage SubjectService::list(const SubjectFilter& filter)
{
    auto lease = db_.read();
    return repo::list(*lease, filter);
}

Result<Subject> SubjectService::create(SubjectInput input)
{
    if (auto errors = check_input(input); !errors.empty()) {
        return errors.to_error();
    }
    auto tx = db_.write();
    if (repo::find_id_by_code(*tx, input.code)) {
        return code_taken();
    }
    auto id = repo::insert(*tx, input, clock_.now());
    if (!id) {
        return code_taken();
    }
    auto subject = repo::find_by_id(*tx, *id);
    tx.commit();
    return *subject;
}

Result<Subject> SubjectService::update(std::int64_t subject_id, SubjectInput input,
                                       std::optional<std::int64_t> required_version)
{
    auto errors = check_input(input);
    auto tx = db_.write();
    auto current = repo::find_by_id(*tx, subject_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (required_version && *required_version != current->row_version) {
        return make_error(ErrorCode::precondition_failed);
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (auto other = repo::find_id_by_code(*tx, input.code); other && *other != subject_id) {
        return code_taken();
    }
    // A grade level may only go while no class at that level takes the subject.
    Subject proposed;
    proposed.grade_levels = input.grade_levels;
    Error in_use = make_error(ErrorCode::conflict, "error.subject_grade_level_in_use");
    for (auto level : repo::grade_levels_in_use(*tx, subject_id)) {
        if (!proposed.taught_at(level)) {
            in_use.details.push_back(field_error("gradeLevels", "GRADE_LEVEL_IN_USE", {{"gradeLevel", std::to_string(level)}}));
        }
    }
    if (!in_use.details.empty()) {
        return in_use;
    }
    switch (repo::update(*tx, subject_id, input, required_version, clock_.now())) {
    case repo::Updated::done: break;
    case repo::Updated::stale: return make_error(ErrorCode::precondition_failed);
    case repo::Updated::duplicate: return code_taken();
    }
    auto subject = repo::find_by_id(*tx, subject_id);
    tx.commit();
    return *subject;
}

Result<void> SubjectService::remove(std::int64_t subject_id, std::optional<std::int64_t> required_version)
{
    auto tx = db_.write();
    auto current = repo::find_by_id(*tx, subject_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (required_version && *required_version != current->row_version) {
        return make_error(ErrorCode::precondition_failed);
    }
    if (repo::count_course_uses(*tx, subject_id) > 0) {
        return make_error(ErrorCode::conflict, "error.subject_in_use");
    }
    if (!repo::remove(*tx, subject_id, required_version)) {
        return make_error(ErrorCode::precondition_failed);
    }
    tx.commit();
    return {};
}

}  // namespace sala::subjects
