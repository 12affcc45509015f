// The year-end promotion route: the plan (dry run) or the result, student by student.
#include "school/promotion/promotion_routes.hpp"

#include "auth/permissions.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "school/promotion/promotion_service.hpp"

namespace asio = boost::asio;

namespace sala::promotion {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;

struct PromoteBody {
    std::int64_t to_school_year_id = 0;
    std::optional<std::vector<std::int64_t>> repeater_ids;
    std::optional<bool> dry_run;
};
BOOST_DESCRIBE_STRUCT(PromoteBody, (), (to_school_year_id, repeater_ids, dry_run))

struct MoveView {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::int64_t from_course_id = 0;
    std::string from_course;
    std::optional<std::int64_t> to_course_id;
    std::optional<std::string> to_course;
};
BOOST_DESCRIBE_STRUCT(MoveView, (),
                      (student_id, student_code, first_name, last_name, from_course_id, from_course, to_course_id,
                       to_course))

struct CreatedCourseView {
    std::int64_t course_id = 0;
    std::int64_t grade_level = 0;
    std::string section;
    std::string name;
    std::int64_t template_course_id = 0;
};
BOOST_DESCRIBE_STRUCT(CreatedCourseView, (), (course_id, grade_level, section, name, template_course_id))

struct ProblemView {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string code;
    std::string course;
};
BOOST_DESCRIBE_STRUCT(ProblemView, (), (student_id, student_code, code, course))

struct PlanView {
    std::int64_t from_school_year_id = 0;
    std::int64_t to_school_year_id = 0;
    bool dry_run = false;
    std::vector<MoveView> promoted;
    std::vector<MoveView> repeated;
    std::vector<MoveView> graduated;
    std::vector<MoveView> already_enrolled;
    std::vector<CreatedCourseView> created_courses;
    std::vector<ProblemView> problems;
};
BOOST_DESCRIBE_STRUCT(PlanView, (),
                      (from_school_year_id, to_school_year_id, dry_run, promoted, repeated, graduated,
                       already_enrolled, created_courses, problems))

std::vector<MoveView> moves(const std::vector<Move>& in)
{
    std::vector<MoveView> out;
    for (const auto& m : in) {
        out.push_back(MoveView{m.student_id, m.student_code, m.first_name, m.last_name, m.from_course_id,
                               m.from_course,
                               m.to_course_id != 0 ? std::optional(m.to_course_id) : std::nullopt,
                               m.to_course_id != 0 ? std::optional(m.to_course) : std::nullopt});
    }
    return out;
}

PlanView view(const PromotionPlan& p)
{
    PlanView v{p.from_school_year_id, p.to_school_year_id, p.dry_run, moves(p.promoted), moves(p.repeated),
               moves(p.graduated), moves(p.already_enrolled), {}, {}};
    for (const auto& c : p.created_courses) {
        v.created_courses.push_back(CreatedCourseView{c.course_id, c.grade_level, c.section, c.name, c.template_course_id});
    }
    for (const auto& x : p.problems) {
        v.problems.push_back(ProblemView{x.student_id, x.student_code, x.code, x.course});
    }
    return v;
}

}  // namespace

void register_promotion_routes(http::Router& router, PromotionService& promotion)
{
    router.add(RouteSpec{.method = Method::post,
                         .path = "/school-years/{id:int}/promote",
                         .summary = "Year-end promotion into another school year: each active student to the next "
                                    "grade level (same section), repeaters stay, the final grade graduates. dryRun "
                                    "shows the plan; a second run changes nothing",
                         .tag = "school-years",
                         .permission = std::string(auth::permission::school_manage),
                         .request = &http::schema<PromoteBody>,
                         .response = &http::schema<PlanView>,
                         .action = "school_years.promote"},
               [&promotion](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<PromoteBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   PromotionRequest request{ctx.path_int("id"), body->to_school_year_id,
                                            body->repeater_ids.value_or(std::vector<std::int64_t>{}),
                                            body->dry_run.value_or(false)};
                   auto plan = co_await ctx.offload([&] { return promotion.promote(request); });
                   if (!plan) {
                       co_return Response::from_error(plan.error());
                   }
                   ctx.audit_details = R"({"dryRun":)" + std::string(plan->dry_run ? "true" : "false") +
                                       R"(,"promoted":)" + std::to_string(plan->promoted.size()) + R"(,"repeated":)" +
                                       std::to_string(plan->repeated.size()) + R"(,"graduated":)" +
                                       std::to_string(plan->graduated.size()) + "}";
                   co_return json::respond(view(*plan));
               });
}

}  // namespace sala::promotion
