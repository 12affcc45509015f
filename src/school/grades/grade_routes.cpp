// See grade_routes.hpp. Percentage and letter are computed here from the score and the grading
// settings; a client never sends them.
#include "school/grades/grade_routes.hpp"

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
#include "school/enrollments/summary_views.hpp"

namespace asio = boost::asio;

namespace sala::grades {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

struct GradeBody {
    std::int64_t student_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t course_id = 0;
    std::int64_t semester_id = 0;
    std::string grade_type;
    double score = 0;
    std::optional<double> max_score;  // default: the subject's
    std::optional<Date> grade_date;   // default: today
    std::optional<std::string> comments;
};
BOOST_DESCRIBE_STRUCT(GradeBody, (),
                      (student_id, subject_id, course_id, semester_id, grade_type, score, max_score, grade_date,
                       comments))

struct BulkScoreBody {
    std::int64_t student_id = 0;
    double score = 0;
    std::optional<std::string> comments;
};
BOOST_DESCRIBE_STRUCT(BulkScoreBody, (), (student_id, score, comments))

struct BulkBody {
    std::int64_t course_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t semester_id = 0;
    std::string grade_type;
    std::optional<Date> grade_date;
    std::optional<double> max_score;
    std::vector<BulkScoreBody> scores;
};
BOOST_DESCRIBE_STRUCT(BulkBody, (), (course_id, subject_id, semester_id, grade_type, grade_date, max_score, scores))

struct GradeView {
    std::int64_t grade_id = 0;
    std::int64_t student_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t course_id = 0;
    std::int64_t semester_id = 0;
    std::string grade_type;
    double score = 0;
    double max_score = 0;
    double percentage = 0;  // rounded for display; averages use the unrounded value
    std::string grade;      // the letter
    Date grade_date;
    std::string month;
    std::optional<std::string> comments;
    std::optional<std::string> recorded_by;
    TimePoint created_at;
    TimePoint updated_at;
    enrollments::StudentRef student;
    SubjectSummary subject;
    enrollments::CourseRef course;
    SemesterSummary semester;
};
BOOST_DESCRIBE_STRUCT(GradeView, (),
                      (grade_id, student_id, subject_id, course_id, semester_id, grade_type, score, max_score,
                       percentage, grade, grade_date, month, comments, recorded_by, created_at, updated_at, student,
                       subject, course, semester))

struct BulkView {
    std::int64_t count = 0;
    std::vector<GradeView> grades;
};
BOOST_DESCRIBE_STRUCT(BulkView, (), (count, grades))

GradeView view(const Grade& g)
{
    return GradeView{g.grade_id,
                     g.student_id,
                     g.subject_id,
                     g.course_id,
                     g.semester_id,
                     g.grade_type,
                     g.score,
                     g.max_score,
                     grading::display(grading::percentage(g.score, g.max_score)),
                     g.letter,
                     g.grade_date,
                     g.month,
                     g.comments,
                     g.recorded_by,
                     g.created_at,
                     g.updated_at,
                     enrollments::student_ref(g.student),
                     g.subject,
                     enrollments::course_ref(g.course),
                     g.semester};
}

GradeInput input_of(const GradeBody& b)
{
    return GradeInput{b.student_id, b.subject_id, b.course_id,  b.semester_id, b.grade_type,
                      b.score,      b.max_score,  b.grade_date, b.comments};
}

// One grade with its ETag, or the error.
Response respond_grade(Status status, const Result<Grade>& grade)
{
    return http::respond_versioned(status, grade, [](const Grade& g) { return view(g); });
}

constexpr http::SortField kSortable[] = {
    {"gradeDate", "g.grade_date"}, {"score", "g.score"},         {"studentCode", "s.student_code"},
    {"lastName", "s.last_name"},   {"firstName", "s.first_name"}, {"subjectCode", "sub.code"},
    {"gradeType", "g.grade_type"}, {"createdAt", "g.created_at"},
};

std::vector<http::QueryParam> list_query()
{
    auto params = http::list_params(kSortable);
    params.push_back({.name = "studentId", .type = http::ParamType::integer, .description = "This student's"});
    params.push_back({.name = "courseId", .type = http::ParamType::integer, .description = "In this course"});
    params.push_back({.name = "subjectId", .type = http::ParamType::integer, .description = "In this subject"});
    params.push_back({.name = "semesterId", .type = http::ParamType::integer, .description = "In this semester"});
    params.push_back({.name = "gradeType",
                      .description = "Assessment category",
                      .allowed = {"ASSIGNMENT", "QUIZ", "EXAM", "PARTICIPATION"}});
    params.push_back({.name = "month", .type = http::ParamType::month, .description = "Dated in this month"});
    return params;
}

}  // namespace

void register_grade_routes(http::Router& router, GradeService& grades)
{
    router.add(RouteSpec{.method = Method::get,
                         .path = "/grades",
                         .summary = "Grades with student, subject, course and semester; filter by student, course, "
                                    "subject, semester, category or month (teachers: their courses)",
                         .tag = "grades",
                         .permission = std::string(permission::grades_read),
                         .query = list_query(),
                         .response = &http::schema<GradeView>,
                         .list = true,
                         .cached = true},
               [&grades](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(ctx, kSortable, "-gradeDate,lastName,firstName", "g.grade_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   GradeFilter filter;
                   filter.student_id = ctx.query_int("studentId");
                   filter.course_id = ctx.query_int("courseId");
                   filter.subject_id = ctx.query_int("subjectId");
                   filter.semester_id = ctx.query_int("semesterId");
                   if (auto type = ctx.query("gradeType")) {
                       filter.grade_type = std::string(*type);
                   }
                   if (auto month = ctx.query("month")) {
                       filter.month = std::string(*month);
                   }
                   if (ctx.principal->role != "admin") {
                       filter.teacher_id = ctx.principal->user_id;
                   }
                   filter.order_by = page->order_by;
                   filter.page = page->page;
                   filter.limit = page->limit;
                   auto result = co_await ctx.offload([&] { return grades.list(filter); });
                   std::vector<GradeView> views;
                   for (const auto& g : result.grades) {
                       views.push_back(view(g));
                   }
                   co_return json::respond_list(views, http::Pagination{filter.page, filter.limit, result.total});
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/grades/{id:int}",
                         .summary = "One grade (ETag)",
                         .tag = "grades",
                         .permission = std::string(permission::grades_read),
                         .response = &http::schema<GradeView>,
                         .cached = true},
               [&grades](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found = co_await ctx.offload([&] { return grades.get(ctx.path_int("id"), *ctx.principal); });
                   co_return respond_grade(Status::ok, found);
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/grades",
                         .summary = "Record a grade (percentage and letter are computed; 422 for a student not "
                                    "in the course, a subject it does not take, a date outside the semester)",
                         .tag = "grades",
                         .permission = std::string(permission::grades_write),
                         .request = &http::schema<GradeBody>,
                         .response = &http::schema<GradeView>,
                         .success = Status::created},
               [&grades](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<GradeBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto created = co_await ctx.offload([&] { return grades.create(input_of(*body), *ctx.principal); });
                   auto response = respond_grade(Status::created, created);
                   if (created) {
                       response.headers.set("Location", "/api/v1/grades/" + std::to_string(created->grade_id));
                   }
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/grades/bulk",
                         .summary = "One assessment for a whole class: every row is checked first, then all are "
                                    "written in one transaction, or none (422 lists each failing row)",
                         .tag = "grades",
                         .permission = std::string(permission::grades_write),
                         .request = &http::schema<BulkBody>,
                         .response = &http::schema<BulkView>,
                         .success = Status::created,
                         .action = "grades.bulk_create"},
               [&grades](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<BulkBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   BulkGrades input{body->course_id, body->subject_id, body->semester_id, body->grade_type,
                                    body->grade_date, body->max_score, {}};
                   for (const auto& s : body->scores) {
                       input.scores.push_back({s.student_id, s.score, s.comments});
                   }
                   auto created = co_await ctx.offload([&] { return grades.create_bulk(input, *ctx.principal); });
                   if (!created) {
                       co_return Response::from_error(created.error());
                   }
                   BulkView out;
                   out.count = static_cast<std::int64_t>(created->size());
                   for (const auto& g : *created) {
                       out.grades.push_back(view(g));
                   }
                   co_return json::respond(Status::created, out);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/grades/{id:int}",
                         .summary = "Change a grade (the same body as POST; If-Match)",
                         .tag = "grades",
                         .permission = std::string(permission::grades_write),
                         .request = &http::schema<GradeBody>,
                         .response = &http::schema<GradeView>},
               [&grades](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<GradeBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto updated = co_await ctx.offload(
                       [&] { return grades.update(ctx.path_int("id"), input_of(*body), version, *ctx.principal); });
                   co_return respond_grade(Status::ok, updated);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/grades/{id:int}",
                         .summary = "Delete a grade (If-Match)",
                         .tag = "grades",
                         .permission = std::string(permission::grades_write),
                         .success = Status::no_content},
               [&grades](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto version = http::required_version(ctx);
                   auto removed = co_await ctx.offload(
                       [&] { return grades.remove(ctx.path_int("id"), version, *ctx.principal); });
                   co_return json::respond_done(removed);
               });
}

}  // namespace sala::grades
