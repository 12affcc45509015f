// The course routes. A course is shown with its school year and homeroom teacher embedded; single
// courses (and a course's subjects) carry the course's row_version as the ETag.
#include "school/courses/course_routes.hpp"

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
#include "school/courses/course_service.hpp"

#include <memory>

namespace asio = boost::asio;

namespace sala::courses {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

struct YearView {
    std::int64_t school_year_id = 0;
    std::string name;
    Date start_date;
    Date end_date;
    bool is_current = false;
};
BOOST_DESCRIBE_STRUCT(YearView, (), (school_year_id, name, start_date, end_date, is_current))

struct TeacherView {
    std::int64_t user_id = 0;
    std::string firstname;
    std::string lastname;
};
BOOST_DESCRIBE_STRUCT(TeacherView, (), (user_id, firstname, lastname))

struct CourseView {
    std::int64_t course_id = 0;
    std::int64_t school_year_id = 0;
    std::int64_t grade_level = 0;
    std::string section;
    std::string name;
    std::optional<std::int64_t> homeroom_teacher_id;
    std::optional<TeacherView> homeroom_teacher;
    std::int64_t capacity = 0;
    std::optional<std::string> track;
    std::int64_t enrolled_count = 0;  // active enrollments
    YearView school_year;
    TimePoint created_at;
    TimePoint updated_at;
};
BOOST_DESCRIBE_STRUCT(CourseView, (),
                      (course_id, school_year_id, grade_level, section, name, homeroom_teacher_id, homeroom_teacher,
                       capacity, track, enrolled_count, school_year, created_at, updated_at))

// POST and PUT (which replaces every field; an absent name is derived again).
struct CourseRequest {
    std::int64_t school_year_id = 0;
    std::int64_t grade_level = 0;
    std::string section;
    std::optional<std::string> name;
    std::optional<std::int64_t> homeroom_teacher_id;
    std::int64_t capacity = 0;
    std::optional<std::string> track;
};
BOOST_DESCRIBE_STRUCT(CourseRequest, (),
                      (school_year_id, grade_level, section, name, homeroom_teacher_id, capacity, track))

struct CourseSubjectView {
    std::int64_t subject_id = 0;
    std::string code;
    std::string name;
    std::optional<std::string> name_kh;
    double max_score = 0;
    double coefficient = 1;
    std::optional<std::int64_t> teacher_id;
    std::optional<TeacherView> teacher;
};
BOOST_DESCRIBE_STRUCT(CourseSubjectView, (),
                      (subject_id, code, name, name_kh, max_score, coefficient, teacher_id, teacher))

struct AssignmentRequest {
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> teacher_id;
};
BOOST_DESCRIBE_STRUCT(AssignmentRequest, (), (subject_id, teacher_id))

struct CourseSubjectsRequest {
    std::vector<AssignmentRequest> subjects;
};
BOOST_DESCRIBE_STRUCT(CourseSubjectsRequest, (), (subjects))

// The seed's ClassesResponse: grade levels as strings.
struct ClassesView {
    std::vector<std::string> classes;
};
BOOST_DESCRIBE_STRUCT(ClassesView, (), (classes))

std::optional<TeacherView> view(const std::optional<TeacherSummary>& t)
{
    if (!t) {
        return std::nullopt;
    }
    return TeacherView{t->user_id, t->firstname, t->lastname};
}

CourseView view(const Course& c)
{
    const auto& y = c.school_year;
    return CourseView{c.course_id,
                      c.school_year_id,
                      c.grade_level,
                      c.section,
                      c.name,
                      c.homeroom_teacher_id,
                      view(c.homeroom_teacher),
                      c.capacity,
                      c.track,
                      c.active_enrollments,
                      YearView{y.school_year_id, y.name, y.start_date, y.end_date, y.is_current},
                      c.created_at,
                      c.updated_at};
}

Response respond_course(const Result<Course>& course, Status status = Status::ok)
{
    return http::respond_versioned(status, course, [](const Course& x) { return view(x); });
}

Response respond_subjects(const Result<CourseSubjects>& result)
{
    return http::respond_versioned(Status::ok, result, [](const CourseSubjects& r) {
        std::vector<CourseSubjectView> views;
        for (const auto& s : r.subjects) {
            views.push_back(CourseSubjectView{s.subject_id, s.code, s.name, s.name_kh, s.max_score, s.coefficient,
                                              s.teacher_id, view(s.teacher)});
        }
        return views;
    });
}

CourseInput input_of(const CourseRequest& r)
{
    return CourseInput{r.school_year_id, r.grade_level, r.section, r.name, r.homeroom_teacher_id, r.capacity, r.track};
}

constexpr http::SortField kSortable[] = {
    {"gradeLevel", "c.grade_level"}, {"section", "c.section"},    {"name", "lower(c.name)"},
    {"capacity", "c.capacity"},      {"enrolledCount", "c.active_enrollments"},
    {"schoolYear", "y.start_date"},  {"createdAt", "c.created_at"},
};

std::vector<http::QueryParam> list_query()
{
    auto params = http::list_params(kSortable);
    params.push_back({.name = "schoolYearId", .type = http::ParamType::integer, .description = "Only this school year"});
    params.push_back({.name = "gradeLevel", .type = http::ParamType::integer, .description = "Only this grade level"});
    params.push_back({.name = "teacherId",
                      .type = http::ParamType::integer,
                      .description = "Only courses this user teaches (homeroom or one of its subjects)"});
    params.push_back({.name = "q", .description = "Matches name, section and track"});
    return params;
}

}  // namespace

void register_course_routes(http::Router& router, db::Database& db, const Clock& clock,
                            std::vector<std::int64_t> default_grade_levels)
{
    auto courses = std::make_shared<CourseService>(db, clock, std::move(default_grade_levels));
    const std::string read(permission::courses_read);
    const std::string manage(permission::school_manage);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/classes",
                         .summary = "The grade levels in use: those of the current school year's courses, or the "
                                    "configured list (--grade-levels) while it has none",
                         .tag = "courses",
                         .permission = read,
                         .response = &http::schema<ClassesView>,
                         .cached = true},
               [courses](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto levels = co_await ctx.offload([&] { return courses->grade_levels_in_use(); });
                   ClassesView out;
                   for (auto level : levels) {
                       out.classes.push_back(std::to_string(level));
                   }
                   co_return json::respond(out);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/courses",
                         .summary = "Class sections with their school year and homeroom teacher, by grade level and "
                                    "section unless sorted otherwise",
                         .tag = "courses",
                         .permission = read,
                         .query = list_query(),
                         .response = &http::schema<CourseView>,
                         .list = true,
                         .cached = true},
               [courses](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(ctx, kSortable, "gradeLevel,section", "c.course_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   CourseFilter filter{.school_year_id = ctx.query_int("schoolYearId"),
                                       .grade_level = ctx.query_int("gradeLevel"),
                                       .teacher_id = ctx.query_int("teacherId"),
                                       .order_by = page->order_by,
                                       .page = page->page,
                                       .limit = page->limit};
                   if (auto q = ctx.query("q"); q && !q->empty()) {
                       filter.q = std::string(*q);
                   }
                   auto result = co_await ctx.offload([&] { return courses->list(filter); });
                   std::vector<CourseView> views;
                   for (const auto& c : result.courses) {
                       views.push_back(view(c));
                   }
                   co_return json::respond_list(views, http::Pagination{filter.page, filter.limit, result.total});
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/courses",
                         .summary = "Create a class section (name defaults to grade level and section, e.g. 7A)",
                         .tag = "courses",
                         .permission = manage,
                         .request = &http::schema<CourseRequest>,
                         .response = &http::schema<CourseView>,
                         .success = Status::created},
               [courses](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<CourseRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto course = co_await ctx.offload([&] { return courses->create(input_of(*body)); });
                   auto response = respond_course(course, Status::created);
                   if (course) {
                       response.headers.set("Location", "/api/v1/courses/" + std::to_string(course->course_id));
                   }
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/courses/{id:int}",
                         .summary = "One class section",
                         .tag = "courses",
                         .permission = read,
                         .response = &http::schema<CourseView>,
                         .cached = true},
               [courses](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto course = co_await ctx.offload([&] { return courses->get(ctx.path_int("id")); });
                   co_return respond_course(course);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/courses/{id:int}",
                         .summary = "Replace a class section. Teachers: only the name, capacity and track of a "
                                    "course they teach (the other fields as they are); school:manage: everything",
                         .tag = "courses",
                         .permission = std::string(permission::courses_write),
                         .request = &http::schema<CourseRequest>,
                         .response = &http::schema<CourseView>},
               [courses](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<CourseRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto course = co_await ctx.offload([&] {
                       return courses->update(ctx.path_int("id"), input_of(*body), version, *ctx.principal);
                   });
                   co_return respond_course(course);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/courses/{id:int}",
                         .summary = "Delete a class section no enrollment refers to",
                         .tag = "courses",
                         .permission = manage,
                         .success = Status::no_content},
               [courses](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto version = http::required_version(ctx);
                   auto result = co_await ctx.offload([&] { return courses->remove(ctx.path_int("id"), version); });
                   co_return json::respond_done(result);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/courses/{id:int}/subjects",
                         .summary = "The subjects a class section takes, with the teacher of each",
                         .tag = "courses",
                         .permission = read,
                         .response = &http::schema<std::vector<CourseSubjectView>>,
                         .cached = true},
               [courses](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto result = co_await ctx.offload([&] { return courses->subjects(ctx.path_int("id")); });
                   co_return respond_subjects(result);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/courses/{id:int}/subjects",
                         .summary = "Replace the subjects a class section takes and who teaches each (this decides "
                                    "which teachers record its grades and attendance)",
                         .tag = "courses",
                         .permission = manage,
                         .request = &http::schema<CourseSubjectsRequest>,
                         .response = &http::schema<std::vector<CourseSubjectView>>,
                         .action = "courses.assign_subjects"},
               [courses](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<CourseSubjectsRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   std::vector<SubjectAssignment> rows;
                   for (const auto& r : body->subjects) {
                       rows.push_back(SubjectAssignment{r.subject_id, r.teacher_id});
                   }
                   auto version = http::required_version(ctx);
                   auto result = co_await ctx.offload(
                       [&] { return courses->assign_subjects(ctx.path_int("id"), std::move(rows), version); });
                   co_return respond_subjects(result);
               });
}

}  // namespace sala::courses
