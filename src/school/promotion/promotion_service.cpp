// See promotion_service.hpp.
#include "school/promotion/promotion_service.hpp"

#include "school/courses/course_repository.hpp"
#include "school/enrollments/enrollment_repository.hpp"
#include "school/promotion/promotion_repository.hpp"
#include "school/school_years/school_year_repository.hpp"

#include <map>
#include <set>

namespace sala::promotion {
namespace {

using Key = std::pair<std::int64_t, std::string>;  // grade level, section

Move move_of(const repo::ActiveStudent& s)
{
    return Move{s.student_id, s.student_code, s.first_name, s.last_name, s.course_id, s.course_name, 0, {}};
}

// The target year's course for a grade and section: the one there, or a copy of the previous
// year's course of that grade and section (or, failing that, of the student's own course), with
// its capacity, track, homeroom teacher and the subjects it takes with their teachers.
class TargetCourses {
public:
    TargetCourses(db::Connection& tx, std::int64_t from_year, std::int64_t to_year, PromotionPlan& plan, TimePoint now)
        : tx_(tx), to_year_(to_year), plan_(plan), now_(now)
    {
        for (auto& c : repo::courses_of(tx, to_year)) {
            target_[{c.grade_level, c.section}] = c;
        }
        for (auto& c : repo::courses_of(tx, from_year)) {
            previous_[{c.grade_level, c.section}] = c;
        }
    }

    const repo::YearCourse& get(std::int64_t grade, const std::string& section, std::int64_t own_course_id)
    {
        Key key{grade, section};
        if (auto it = target_.find(key); it != target_.end()) {
            return it->second;
        }
        auto it = previous_.find(key);
        const repo::YearCourse* model = it != previous_.end() ? &it->second : nullptr;
        if (model == nullptr) {
            for (const auto& [k, c] : previous_) {
                if (c.course_id == own_course_id) {
                    model = &c;
                }
            }
        }
        if (model == nullptr) {
            throw Failure("no course of the previous year to copy for grade " + std::to_string(grade) + section);
        }
        courses::CourseInput input;
        input.school_year_id = to_year_;
        input.grade_level = grade;
        input.section = section;
        input.name = model->grade_level == grade ? model->name : std::to_string(grade) + section;
        input.homeroom_teacher_id = model->homeroom_teacher_id;
        input.capacity = model->capacity;
        input.track = model->track;
        auto id = courses::repo::insert(tx_, input, now_).value_or(0);
        std::vector<courses::SubjectAssignment> subjects;
        for (const auto& s : courses::repo::subjects_of(tx_, model->course_id)) {
            subjects.push_back({s.subject_id, s.teacher_id});
        }
        courses::repo::replace_subjects(tx_, id, subjects);
        plan_.created_courses.push_back(CreatedCourse{id, grade, section, *input.name, model->course_id});
        return target_[key] = repo::YearCourse{id,          grade,       section, *input.name, input.capacity,
                                               input.track, input.homeroom_teacher_id};
    }

private:
    db::Connection& tx_;
    std::int64_t to_year_;
    PromotionPlan& plan_;
    TimePoint now_;
    std::map<Key, repo::YearCourse> target_;
    std::map<Key, repo::YearCourse> previous_;
};

}  // namespace

Result<PromotionPlan> PromotionService::promote(const PromotionRequest& request)
{
    auto tx = db_.write();
    auto from = school_years::repo::find_by_id(*tx, request.from_school_year_id);
    if (!from) {
        return make_error(ErrorCode::not_found);
    }
    FieldErrors errors;
    auto to = school_years::repo::find_by_id(*tx, request.to_school_year_id);
    if (!to) {
        errors.add("toSchoolYearId", "NOT_FOUND");
    } else if (to->start_date <= from->start_date) {
        errors.add("toSchoolYearId", "NOT_LATER");
    }
    auto students = repo::active_students(*tx, from->school_year_id);
    std::set<std::int64_t> enrolled;
    for (const auto& s : students) {
        enrolled.insert(s.student_id);
    }
    for (std::size_t i = 0; i < request.repeater_ids.size(); ++i) {
        auto id = request.repeater_ids[i];
        if (!enrolled.contains(id) && !repo::enrolled_in(*tx, id, from->school_year_id)) {
            errors.add("repeaterIds[" + std::to_string(i) + "]", "NOT_ENROLLED");
        }
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    std::set<std::int64_t> repeaters(request.repeater_ids.begin(), request.repeater_ids.end());

    PromotionPlan plan;
    plan.from_school_year_id = from->school_year_id;
    plan.to_school_year_id = to->school_year_id;
    plan.dry_run = request.dry_run;
    auto now = clock_.now();
    TargetCourses targets(*tx, from->school_year_id, to->school_year_id, plan, now);
    for (const auto& s : students) {
        auto move = move_of(s);
        bool repeats = repeaters.contains(s.student_id);
        std::vector<Move>* outcome = nullptr;
        if (!repeats && s.grade_level >= final_grade_) {
            repo::graduate(*tx, s.student_id, from->end_date, now);
            outcome = &plan.graduated;
        } else if (enrollments::repo::active_in_year(*tx, s.student_id, to->school_year_id, 0)) {
            outcome = &plan.already_enrolled;
        } else {
            const auto& target = targets.get(repeats ? s.grade_level : s.grade_level + 1, s.section, s.course_id);
            move.to_course_id = target.course_id;
            move.to_course = target.name;
            enrollments::EnrollmentInput input;
            input.student_id = s.student_id;
            input.course_id = target.course_id;
            input.enrollment_date = to->start_date;
            if (!enrollments_.enroll_in(*tx, input)) {
                plan.problems.push_back(Problem{s.student_id, s.student_code, "COURSE_FULL", target.name});
                continue;
            }
            outcome = repeats ? &plan.repeated : &plan.promoted;
        }
        // The old year's enrollment is over: completed, its place given back.
        repo::complete_enrollment(*tx, s.enrollment_id, now);
        enrollments::repo::release_seat(*tx, s.course_id);
        enrollments::repo::touch_student(*tx, s.student_id, now);
        outcome->push_back(std::move(move));
    }
    if (request.dry_run) {
        return plan;  // the transaction rolls back
    }
    if (!plan.problems.empty()) {
        Error e = make_error(ErrorCode::conflict, "error.promotion_problems",
                             {{"count", std::to_string(plan.problems.size())}});
        for (const auto& p : plan.problems) {
            e.details.push_back(field_error(p.student_code, p.code, {{"course", p.course}}));
        }
        return e;
    }
    tx.commit();
    return plan;
}

}  // namespace sala::promotion
