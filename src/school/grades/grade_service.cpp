// See grade_service.hpp.
#include "school/grades/grade_service.hpp"

#include "core/validation.hpp"
#include "http/json.hpp"
#include "school/courses/course_access.hpp"
#include "school/courses/course_repository.hpp"
#include "school/enrollments/enrollment_repository.hpp"
#include "school/grades/grade_repository.hpp"
#include "school/grading/grading_settings.hpp"
#include "school/school_years/school_year_repository.hpp"

#include <cmath>
#include <set>
#include <span>
#include <sstream>

namespace sala::grades {
namespace {

constexpr std::size_t kMaxComments = 1000;
constexpr double kMaxMaxScore = 1000;
constexpr std::size_t kMaxBulkScores = 500;

// What an event says about a grade.
struct GradeEventData {
    std::int64_t grade_id = 0;
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t semester_id = 0;
    std::string grade_type;
    double score = 0;
    double max_score = 0;
    Date grade_date;
};
BOOST_DESCRIBE_STRUCT(GradeEventData, (),
                      (grade_id, student_id, course_id, subject_id, semester_id, grade_type, score, max_score,
                       grade_date))

Error not_found()
{
    return make_error(ErrorCode::not_found);
}

Error forbidden_subject()
{
    return make_error(ErrorCode::forbidden, "error.not_your_subject");
}

// Admins (and their keys) record every grade; teachers those of the subjects they teach in a
// course, or of every subject of a course they are homeroom teacher of.
bool may_record(db::Connection& c, const Principal& writer, std::int64_t course_id, std::int64_t subject_id)
{
    return writer.role == "admin" || courses::teaches_subject(c, writer.user_id, course_id, subject_id);
}

// One assessment's common part, checked once (for a grade or a class's batch).
struct Assessment {
    std::int64_t course_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t semester_id = 0;
    std::string grade_type;
    double max_score = 0;
    Date date;
};

// Checks the common part; `found` says whether the course and subject exist (so that the
// writer's permission can be decided before any student is looked at).
Assessment check_assessment(db::Connection& c, Date today, std::int64_t course_id, std::int64_t subject_id,
                            std::int64_t semester_id, const std::string& grade_type,
                            std::optional<double> max_score, std::optional<Date> date, FieldErrors& errors,
                            bool& found)
{
    Assessment a{course_id, subject_id, semester_id, grade_type, 0, date.value_or(today)};
    check_one_of(errors, "gradeType", grade_type, {"ASSIGNMENT", "QUIZ", "EXAM", "PARTICIPATION"});
    auto course = courses::repo::find_by_id(c, course_id);
    if (!course) {
        errors.add("courseId", "NOT_FOUND");
    }
    std::optional<courses::CourseSubject> subject;
    if (course) {
        for (auto& s : courses::repo::subjects_of(c, course_id)) {
            if (s.subject_id == subject_id) {
                subject = std::move(s);
            }
        }
        if (!subject) {
            errors.add("subjectId", "NOT_TAUGHT");
        }
    }
    found = course && subject;
    if (max_score && !(std::isfinite(*max_score) && *max_score > 0 && *max_score <= kMaxMaxScore)) {
        errors.add("maxScore", "OUT_OF_RANGE", {{"min", "0"}, {"max", "1000"}});
    } else if (max_score) {
        a.max_score = *max_score;
    } else if (subject) {
        a.max_score = subject->max_score;
    }
    auto semester = school_years::repo::find_semester(c, semester_id);
    if (!semester) {
        errors.add("semesterId", "NOT_FOUND");
    } else if (course && semester->school_year_id != course->school_year_id) {
        errors.add("semesterId", "WRONG_SCHOOL_YEAR");
    } else if (a.date < semester->start_date || a.date > semester->end_date) {
        errors.add("gradeDate", "OUT_OF_RANGE",
                   {{"min", format_date(semester->start_date)}, {"max", format_date(semester->end_date)}});
    }
    return a;
}

void check_score(FieldErrors& errors, const std::string& field, double score, double max_score)
{
    if (!std::isfinite(score) || score < 0 || (max_score > 0 && score > max_score)) {
        std::ostringstream max;
        max << max_score;
        errors.add(field, "OUT_OF_RANGE", {{"min", "0"}, {"max", max.str()}});
    }
}

// One grade's input checked whole: the assessment, the writer's right to record it (403 before
// any student is looked at), the score, the comments and the student's enrollment on the date.
Result<repo::Row> checked_row(db::Connection& tx, Date today, const GradeInput& in, std::optional<Date> date,
                              const Principal& writer)
{
    FieldErrors errors;
    bool found = false;
    auto a = check_assessment(tx, today, in.course_id, in.subject_id, in.semester_id, in.grade_type, in.max_score,
                              date, errors, found);
    if (found && !may_record(tx, writer, in.course_id, in.subject_id)) {
        return forbidden_subject();
    }
    auto comments = in.comments;
    optional_text(errors, "comments", comments, kMaxComments);
    check_score(errors, "score", in.score, a.max_score);
    if (found && !enrollments::repo::enrolled_on(tx, in.course_id, a.date).contains(in.student_id)) {
        errors.add("studentId", "NOT_IN_COURSE");
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    return repo::Row{in.student_id, a.course_id, a.subject_id, a.semester_id, a.grade_type,
                     in.score,      a.max_score, a.date,       comments,      writer.user_id};
}

std::string event_data(const Grade& g)
{
    return json::dump(GradeEventData{g.grade_id, g.student_id, g.course_id, g.subject_id, g.semester_id,
                                     g.grade_type, g.score, g.max_score, g.grade_date});
}

// Gives the grades their letters under the settings in force, read in the same lease or
// transaction as the grades themselves.
void give_letters(db::Connection& c, std::span<Grade> grades)
{
    auto settings = grading::load_settings(c).settings;
    for (auto& g : grades) {
        g.letter = grading::letter_for(settings, grading::percentage(g.score, g.max_score)).letter;
    }
}

}  // namespace


Result<Grade> GradeService::get(std::int64_t grade_id, const Principal& reader)
{
    auto lease = db_.read();
    auto found = repo::find(*lease, grade_id);
    if (!found) {
        return not_found();
    }
    if (reader.role != "admin" && !courses::teaches_course(*lease, reader.user_id, found->course_id)) {
        return make_error(ErrorCode::forbidden, "error.not_your_course");
    }
    give_letters(*lease, std::span(&*found, 1));
    return std::move(*found);
}

GradePage GradeService::list(const GradeFilter& filter)
{
    auto lease = db_.read();
    auto page = repo::list(*lease, filter);
    give_letters(*lease, page.grades);
    return page;
}

Result<Grade> GradeService::create(const GradeInput& in, const Principal& writer)
{
    auto tx = db_.write();
    auto row = checked_row(*tx, to_date(clock_.now()), in, in.grade_date, writer);
    if (!row) {
        return row.error();
    }
    auto now = clock_.now();
    auto id = repo::insert(*tx, *row, now);
    auto created = *repo::find(*tx, id);
    give_letters(*tx, std::span(&created, 1));
    events_.publish(*tx, {"grade.created", "grades", std::to_string(id), writer.user_id, event_data(created), now});
    tx.commit();
    return created;
}

Result<Grade> GradeService::update(std::int64_t grade_id, const GradeInput& in,
                                   std::optional<std::int64_t> required_version, const Principal& writer)
{
    auto tx = db_.write();
    auto existing = repo::find(*tx, grade_id);
    if (!existing) {
        return not_found();
    }
    if (!may_record(*tx, writer, existing->course_id, existing->subject_id)) {
        return forbidden_subject();
    }
    auto row = checked_row(*tx, to_date(clock_.now()), in, in.grade_date.value_or(existing->grade_date), writer);
    if (!row) {
        return row.error();
    }
    auto now = clock_.now();
    if (!repo::update(*tx, grade_id, *row, required_version, now)) {
        return make_error(ErrorCode::precondition_failed);
    }
    auto updated = *repo::find(*tx, grade_id);
    give_letters(*tx, std::span(&updated, 1));
    events_.publish(*tx,
                    {"grade.updated", "grades", std::to_string(grade_id), writer.user_id, event_data(updated), now});
    tx.commit();
    return updated;
}

Result<void> GradeService::remove(std::int64_t grade_id, std::optional<std::int64_t> required_version,
                                  const Principal& writer)
{
    auto tx = db_.write();
    auto existing = repo::find(*tx, grade_id);
    if (!existing) {
        return not_found();
    }
    if (!may_record(*tx, writer, existing->course_id, existing->subject_id)) {
        return forbidden_subject();
    }
    if (!repo::remove(*tx, grade_id, required_version)) {
        return make_error(ErrorCode::precondition_failed);
    }
    events_.publish(*tx, {"grade.deleted", "grades", std::to_string(grade_id), writer.user_id, event_data(*existing),
                          clock_.now()});
    tx.commit();
    return {};
}

Result<std::vector<Grade>> GradeService::create_bulk(const BulkGrades& in, const Principal& writer)
{
    auto tx = db_.write();
    auto today = to_date(clock_.now());
    FieldErrors errors;
    bool found = false;
    auto a = check_assessment(*tx, today, in.course_id, in.subject_id, in.semester_id, in.grade_type, in.max_score,
                              in.grade_date, errors, found);
    if (found && !may_record(*tx, writer, in.course_id, in.subject_id)) {
        return forbidden_subject();
    }
    if (in.scores.empty() || in.scores.size() > kMaxBulkScores) {
        errors.add("scores", "OUT_OF_RANGE", {{"min", "1"}, {"max", std::to_string(kMaxBulkScores)}});
    }
    std::set<std::int64_t> enrolled;
    if (found) {
        enrolled = enrollments::repo::enrolled_on(*tx, in.course_id, a.date);
    }
    std::set<std::int64_t> seen;
    std::vector<std::optional<std::string>> comments;
    for (std::size_t i = 0; i < in.scores.size(); ++i) {
        const auto& s = in.scores[i];
        auto at = "scores[" + std::to_string(i) + "].";
        if (!seen.insert(s.student_id).second) {
            errors.add(at + "studentId", "DUPLICATE");
        } else if (found && !enrolled.contains(s.student_id)) {
            errors.add(at + "studentId", "NOT_IN_COURSE");
        }
        check_score(errors, at + "score", s.score, a.max_score);
        comments.push_back(s.comments);
        optional_text(errors, at + "comments", comments.back(), kMaxComments);
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto now = clock_.now();
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < in.scores.size(); ++i) {
        repo::Row row{in.scores[i].student_id, a.course_id, a.subject_id, a.semester_id, a.grade_type,
                      in.scores[i].score,      a.max_score, a.date,       comments[i],   writer.user_id};
        ids.push_back(repo::insert(*tx, row, now));
    }
    auto created = repo::find_many(*tx, ids);
    give_letters(*tx, created);
    for (const auto& g : created) {
        events_.publish(*tx, {"grade.created", "grades", std::to_string(g.grade_id), writer.user_id, event_data(g), now});
    }
    tx.commit();
    return created;
}

}  // namespace sala::grades
