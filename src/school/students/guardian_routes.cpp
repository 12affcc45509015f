// The guardian routes: guardians are people in their own right, linked to one or more students
// (siblings share them); a change to one shows on every linked student's record.
#include "school/students/guardian_routes.hpp"

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
#include "school/students/student_service.hpp"

namespace asio = boost::asio;

namespace sala::students {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

struct GuardianUpdate {
    std::string first_name;
    std::string last_name;
    std::string phone;
    std::optional<std::string> occupation;
    std::optional<std::string> email;
    std::optional<std::string> address;
};
BOOST_DESCRIBE_STRUCT(GuardianUpdate, (), (first_name, last_name, phone, occupation, email, address))

struct GuardianStudentView {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::string relation;
    bool is_primary = false;
};
BOOST_DESCRIBE_STRUCT(GuardianStudentView, (),
                      (student_id, student_code, first_name, last_name, relation, is_primary))

struct GuardianRecordView {
    std::int64_t guardian_id = 0;
    std::string first_name;
    std::string last_name;
    std::string phone;
    std::optional<std::string> occupation;
    std::optional<std::string> email;
    std::optional<std::string> address;
    std::vector<GuardianStudentView> students;
};
BOOST_DESCRIBE_STRUCT(GuardianRecordView, (),
                      (guardian_id, first_name, last_name, phone, occupation, email, address, students))

struct GuardianListItem {
    std::int64_t guardian_id = 0;
    std::string first_name;
    std::string last_name;
    std::string phone;
    std::optional<std::string> occupation;
    std::optional<std::string> email;
    std::optional<std::string> address;
};
BOOST_DESCRIBE_STRUCT(GuardianListItem, (), (guardian_id, first_name, last_name, phone, occupation, email, address))

GuardianRecordView guardian_view(const GuardianRecord& r)
{
    GuardianRecordView v{r.guardian.guardian_id, r.guardian.first_name, r.guardian.last_name, r.guardian.phone,
                         r.guardian.occupation,  r.guardian.email,      r.guardian.address,   {}};
    for (const auto& s : r.students) {
        v.students.push_back(
            GuardianStudentView{s.student_id, s.student_code, s.first_name, s.last_name, s.relation, s.is_primary});
    }
    return v;
}

Response respond_guardian(const Result<GuardianRecord>& found)
{
    if (!found) {
        return Response::from_error(found.error());
    }
    auto response = json::respond(guardian_view(*found));
    http::set_etag(response, found->guardian.row_version);
    return response;
}

}  // namespace

void register_guardian_routes(http::Router& router, StudentService& students)
{
    const std::string read = std::string(permission::students_read);
    const std::string write = std::string(permission::students_write);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/guardians",
                         .summary = "Guardians, paginated; q matches names and phone (to link siblings' guardians)",
                         .tag = "guardians",
                         .permission = read,
                         .query = [] {
                             auto params = http::list_params({});
                             params.pop_back();  // no sort: by name
                             params.push_back({.name = "q", .description = "Part of a name or phone number"});
                             return params;
                         }(),
                         .response = &http::schema<GuardianListItem>,
                         .list = true,
                         .cached = true},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(ctx, {}, "", "guardian_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   std::optional<std::string> q;
                   if (auto v = ctx.query("q")) {
                       q = std::string(*v);
                   }
                   auto result = co_await ctx.offload([&] { return students.guardians(q, page->page, page->limit); });
                   std::vector<GuardianListItem> items;
                   for (const auto& g : result.guardians) {
                       items.push_back(GuardianListItem{g.guardian_id, g.first_name, g.last_name, g.phone, g.occupation,
                                                        g.email, g.address});
                   }
                   co_return json::respond_list(items, http::Pagination{page->page, page->limit, result.total});
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/guardians/{id:int}",
                         .summary = "A guardian and the students they are linked to (ETag)",
                         .tag = "guardians",
                         .permission = read,
                         .response = &http::schema<GuardianRecordView>,
                         .cached = true},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found = co_await ctx.offload([&] { return students.guardian(ctx.path_int("id")); });
                   co_return respond_guardian(found);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/guardians/{id:int}",
                         .summary = "Change a guardian's details, for every student linked to them (If-Match)",
                         .tag = "guardians",
                         .permission = write,
                         .request = &http::schema<GuardianUpdate>,
                         .response = &http::schema<GuardianRecordView>},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<GuardianUpdate>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   Guardian g{ctx.path_int("id"), body->first_name, body->last_name, body->phone,
                              body->occupation,   body->email,      body->address,   0};
                   auto version = http::required_version(ctx);
                   auto updated = co_await ctx.offload([&] { return students.update_guardian(g, version); });
                   co_return respond_guardian(updated);
               });
}

}  // namespace sala::students
