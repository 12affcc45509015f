// The subject routes. Requests and responses are described structs; the service holds the rules;
// single subjects carry their row_version as the ETag.
#include "school/subjects/subject_routes.hpp"

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
#include "school/subjects/subject_service.hpp"

#include <memory>

namespace asio = boost::asio;

namespace sala::subjects {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

struct SubjectView {
    std::int64_t subject_id = 0;
    std::string code;
    std::string name;
    std::optional<std::string> name_kh;
    double max_score = 0;
    double coefficient = 1;
    std::vector<std::int64_t> grade_levels;
    TimePoint created_at;
    TimePoint updated_at;
};
BOOST_DESCRIBE_STRUCT(SubjectView, (),
                      (subject_id, code, name, name_kh, max_score, coefficient, grade_levels, created_at, updated_at))

// POST and PUT (which replaces every field).
struct SubjectRequest {
    std::string code;
    std::string name;
    std::optional<std::string> name_kh;
    double max_score = 0;
    double coefficient = 0;                 // the subject's weight in averages
    std::vector<std::int64_t> grade_levels;  // 1 to 12
};
BOOST_DESCRIBE_STRUCT(SubjectRequest, (), (code, name, name_kh, max_score, coefficient, grade_levels))

SubjectView view(const Subject& s)
{
    return SubjectView{s.subject_id,  s.code,         s.name,       s.name_kh,   s.max_score,
                       s.coefficient, s.grade_levels, s.created_at, s.updated_at};
}

Response respond_subject(const Result<Subject>& subject, Status status = Status::ok)
{
    return http::respond_versioned(status, subject, [](const Subject& x) { return view(x); });
}

SubjectInput input_of(const SubjectRequest& r)
{
    return SubjectInput{r.code, r.name, r.name_kh, r.max_score, r.coefficient, r.grade_levels};
}

constexpr http::SortField kSortable[] = {
    {"code", "lower(code)"},        {"name", "lower(name)"},         {"maxScore", "max_score"},
    {"coefficient", "coefficient"}, {"createdAt", "created_at"},
};

std::vector<http::QueryParam> list_query()
{
    auto params = http::list_params(kSortable);
    params.push_back({.name = "gradeLevel",
                      .type = http::ParamType::integer,
                      .description = "Only subjects taught at this grade level"});
    params.push_back({.name = "q", .description = "Matches code, name and Khmer name"});
    return params;
}

}  // namespace

void register_subject_routes(http::Router& router, db::Database& db, const Clock& clock)
{
    auto subjects = std::make_shared<SubjectService>(db, clock);
    const std::string read(permission::courses_read);
    const std::string manage(permission::school_manage);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/subjects",
                         .summary = "Subjects, by code unless sorted otherwise; filter by grade level or text",
                         .tag = "subjects",
                         .permission = read,
                         .query = list_query(),
                         .response = &http::schema<SubjectView>,
                         .list = true,
                         .cached = true},
               [subjects](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(ctx, kSortable, "code", "subject_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   SubjectFilter filter{.grade_level = ctx.query_int("gradeLevel"),
                                        .order_by = page->order_by,
                                        .page = page->page,
                                        .limit = page->limit};
                   if (auto q = ctx.query("q"); q && !q->empty()) {
                       filter.q = std::string(*q);
                   }
                   auto result = co_await ctx.offload([&] { return subjects->list(filter); });
                   std::vector<SubjectView> views;
                   for (const auto& s : result.subjects) {
                       views.push_back(view(s));
                   }
                   co_return json::respond_list(views, http::Pagination{filter.page, filter.limit, result.total});
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/subjects",
                         .summary = "Create a subject",
                         .tag = "subjects",
                         .permission = manage,
                         .request = &http::schema<SubjectRequest>,
                         .response = &http::schema<SubjectView>,
                         .success = Status::created},
               [subjects](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<SubjectRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto subject = co_await ctx.offload([&] { return subjects->create(input_of(*body)); });
                   auto response = respond_subject(subject, Status::created);
                   if (subject) {
                       response.headers.set("Location", "/api/v1/subjects/" + std::to_string(subject->subject_id));
                   }
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/subjects/{id:int}",
                         .summary = "One subject",
                         .tag = "subjects",
                         .permission = read,
                         .response = &http::schema<SubjectView>,
                         .cached = true},
               [subjects](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto subject = co_await ctx.offload([&] { return subjects->get(ctx.path_int("id")); });
                   co_return respond_subject(subject);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/subjects/{id:int}",
                         .summary = "Replace a subject (a grade level stays while classes at it take the subject)",
                         .tag = "subjects",
                         .permission = manage,
                         .request = &http::schema<SubjectRequest>,
                         .response = &http::schema<SubjectView>},
               [subjects](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<SubjectRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto subject = co_await ctx.offload(
                       [&] { return subjects->update(ctx.path_int("id"), input_of(*body), version); });
                   co_return respond_subject(subject);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/subjects/{id:int}",
                         .summary = "Delete a subject no class takes",
                         .tag = "subjects",
                         .permission = manage,
                         .success = Status::no_content},
               [subjects](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto version = http::required_version(ctx);
                   auto result = co_await ctx.offload([&] { return subjects->remove(ctx.path_int("id"), version); });
                   co_return json::respond_done(result);
               });
}

}  // namespace sala::subjects
