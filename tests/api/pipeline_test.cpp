// The request pipeline as a client sees it, on a router of test routes: envelopes, request ids,
// languages, 404/405/400/415/422, HEAD, OPTIONS and CORS, security headers, exceptions confined.
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/pipeline.hpp"
#include "core/log.hpp"
#include "support/client.hpp"
#include "support/temp_dir.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <gtest/gtest.h>

#include <fstream>

namespace sala::http {
namespace {

using test::Call;
using test::Reply;

struct NewThing {
    std::string name;
    std::int64_t size = 0;
    std::optional<std::string> note;
};
BOOST_DESCRIBE_STRUCT(NewThing, (), (name, size, note))

struct Thing {
    std::int64_t thing_id = 0;
    std::string name;
};
BOOST_DESCRIBE_STRUCT(Thing, (), (thing_id, name))

class PipelineTest : public ::testing::Test {
protected:
    PipelineTest() : workers_(1), clock_(std::chrono::sys_days(std::chrono::year(2026) / 9 / 1))
    {
        router_.add(RouteSpec{.method = Method::get,
                              .path = "/things/{id:int}",
                              .summary = "One thing",
                              .response = &schema<Thing>},
                    [](RequestContext& ctx) -> boost::asio::awaitable<Response> {
                        co_return json::respond(Thing{ctx.path_int("id"), "box"});
                    });
        router_.add(RouteSpec{.method = Method::get,
                              .path = "/things",
                              .summary = "Things",
                              .query = {{.name = "page", .type = ParamType::integer},
                                        {.name = "status", .allowed = {"active", "inactive"}}},
                              .response = &schema<Thing>,
                              .list = true},
                    [](RequestContext& ctx) -> boost::asio::awaitable<Response> {
                        auto page = ctx.query_int("page").value_or(1);
                        co_return json::respond_list(std::vector<Thing>{{1, "a"}, {2, "b"}},
                                                     Pagination{page, 2, 5, std::nullopt});
                    });
        router_.add(RouteSpec{.method = Method::post,
                              .path = "/things",
                              .summary = "Create a thing",
                              .request = &schema<NewThing>,
                              .response = &schema<Thing>,
                              .success = Status::created},
                    [](RequestContext& ctx) -> boost::asio::awaitable<Response> {
                        auto body = parse_body<NewThing>(ctx.request());
                        if (!body) {
                            co_return Response::from_error(body.error());
                        }
                        auto r = json::respond(Status::created, Thing{9, body->name});
                        r.headers.set("Location", "/api/v1/things/9");
                        co_return r;
                    });
        router_.add(RouteSpec{.method = Method::get, .path = "/boom", .summary = "Throws"},
                    [](RequestContext&) -> boost::asio::awaitable<Response> {
                        throw std::runtime_error("secret internals: password=hunter2");
                        co_return Response::empty();
                    });
        router_.add(RouteSpec{.method = Method::get, .path = "/offloaded", .summary = "Throws on a worker"},
                    [](RequestContext& ctx) -> boost::asio::awaitable<Response> {
                        co_await ctx.offload([] { throw Failure("database went away", true); });
                        co_return Response::empty();
                    });
        router_.add(RouteSpec{.method = Method::get, .path = "/ping", .scope = Scope::root},
                    [](RequestContext&) -> boost::asio::awaitable<Response> {
                        co_return Response::raw(Status::ok, "text/plain", "pong");
                    });
        metrics_.bind(router_);
        PipelineOptions options;
        options.cors_origins = {"https://school.example"};
        options.access_log = false;
        pipeline_ = std::make_unique<Pipeline>(router_, metrics_, workers_, clock_, options);
    }

    Reply send(Call call) { return test::send(*pipeline_, call); }
    Reply get(std::string target, std::vector<std::pair<std::string, std::string>> headers = {})
    {
        return send(Call{Method::get, std::move(target), {}, std::move(headers)});
    }

    WorkerPool workers_;
    ManualClock clock_;
    Router router_;
    Metrics metrics_;
    std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(PipelineTest, WrapsDataInTheSuccessEnvelope)
{
    auto r = get("/api/v1/things/5");
    ASSERT_EQ(r.status, 200u);
    EXPECT_EQ(r.header("Content-Type"), "application/json");
    EXPECT_EQ(r.json.at("success"), true);
    EXPECT_EQ(r.data().at("thingId"), 5);
    EXPECT_EQ(r.data().at("name"), "box");
    const auto& meta = r.json.at("meta");
    EXPECT_EQ(meta.at("requestId").as_string(), r.header("X-Request-ID"));
    EXPECT_EQ(meta.at("timestamp"), "2026-09-01T00:00:00Z");
    EXPECT_EQ(r.json.as_object().size(), 3u);  // success, data, meta: nothing else
}

TEST_F(PipelineTest, ListsCarryPagination)
{
    auto r = get("/api/v1/things?page=2");
    ASSERT_EQ(r.status, 200u);
    EXPECT_EQ(r.data().as_array().size(), 2u);
    EXPECT_EQ(boost::json::serialize(r.json.at("pagination")),
              R"({"page":2,"limit":2,"total":5,"totalPages":3,"hasNext":true,"hasPrev":true,"nextCursor":null})");
}

TEST_F(PipelineTest, ErrorsUseTheErrorEnvelope)
{
    auto r = get("/api/v1/nothing-here");
    ASSERT_EQ(r.status, 404u);
    EXPECT_EQ(r.json.at("success"), false);
    const auto& error = r.json.at("error");
    EXPECT_EQ(error.at("code"), "NOT_FOUND");
    EXPECT_EQ(error.at("message"), "The requested resource was not found.");
    EXPECT_TRUE(error.at("details").as_array().empty());
    EXPECT_EQ(error.at("requestId").as_string(), r.header("X-Request-ID"));
    EXPECT_EQ(r.json.at("meta").at("requestId").as_string(), r.header("X-Request-ID"));
}

TEST_F(PipelineTest, EchoesAValidRequestIdAndReplacesAnInvalidOne)
{
    auto r = get("/api/v1/things/1", {{"X-Request-ID", "client-trace.42"}});
    EXPECT_EQ(r.header("X-Request-ID"), "client-trace.42");
    EXPECT_EQ(r.json.at("meta").at("requestId"), "client-trace.42");

    r = get("/api/v1/things/1", {{"X-Request-ID", "bad id with spaces"}});
    EXPECT_NE(r.header("X-Request-ID"), "bad id with spaces");
    EXPECT_EQ(r.header("X-Request-ID").size(), 36u);

    EXPECT_NE(get("/api/v1/things/1").header("X-Request-ID"), get("/api/v1/things/1").header("X-Request-ID"));
}

TEST_F(PipelineTest, ApiWithoutVersionIsAnAliasOfV1)
{
    auto v1 = get("/api/v1/things/3");
    auto alias = get("/api/things/3");
    ASSERT_EQ(alias.status, 200u);
    EXPECT_EQ(alias.data(), v1.data());
    EXPECT_EQ(get("/api/v2/things/3").status, 404u);
    EXPECT_EQ(get("/api/v1/things/3/").status, 200u);  // a trailing slash is the same resource
}

TEST_F(PipelineTest, NonIntegerPathParameterIsABadRequest)
{
    for (std::string target : {"/api/v1/things/abc", "/api/v1/things/1.5", "/api/v1/things/-3", "/api/v1/things/0",
                               "/api/v1/things/99999999999999999999"}) {
        auto r = get(target);
        EXPECT_EQ(r.status, 400u) << target;
        EXPECT_EQ(r.error_code(), "BAD_REQUEST") << target;
        EXPECT_EQ(r.json.at("error").at("message"), "Path parameter 'id' must be a positive integer.") << target;
    }
}

TEST_F(PipelineTest, WrongMethodIs405WithAllow)
{
    auto r = send(Call{Method::delete_, "/api/v1/things/1"});
    EXPECT_EQ(r.status, 405u);
    EXPECT_EQ(r.error_code(), "METHOD_NOT_ALLOWED");
    EXPECT_EQ(r.header("Allow"), "GET, HEAD, OPTIONS");
    r = send(Call{Method::put, "/api/v1/things"});
    EXPECT_EQ(r.header("Allow"), "GET, POST, HEAD, OPTIONS");
}

TEST_F(PipelineTest, HeadAnswersLikeGet)
{
    auto head = send(Call{Method::head, "/api/v1/things/4"});
    EXPECT_EQ(head.status, 200u);
    EXPECT_EQ(head.data().at("thingId"), 4);  // the server drops the body on the wire, keeping its length
}

TEST_F(PipelineTest, OptionsListsMethodsAndAnswersPreflightFromAllowedOrigins)
{
    auto plain = send(Call{Method::options, "/api/v1/things"});
    EXPECT_EQ(plain.status, 204u);
    EXPECT_EQ(plain.header("Allow"), "GET, POST, HEAD, OPTIONS");

    auto preflight = send(Call{Method::options,
                               "/api/v1/things",
                               {},
                               {{"Origin", "https://school.example"},
                                {"Access-Control-Request-Method", "POST"},
                                {"Access-Control-Request-Headers", "content-type, authorization"}}});
    EXPECT_EQ(preflight.status, 204u);
    EXPECT_EQ(preflight.header("Access-Control-Allow-Origin"), "https://school.example");
    EXPECT_EQ(preflight.header("Access-Control-Allow-Credentials"), "true");
    EXPECT_NE(preflight.header("Access-Control-Allow-Methods").find("POST"), std::string::npos);
    EXPECT_NE(preflight.header("Access-Control-Allow-Headers").find("Authorization"), std::string::npos);
    EXPECT_EQ(preflight.header("Vary"), "Origin");

    auto foreign = send(Call{Method::options,
                             "/api/v1/things",
                             {},
                             {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}}});
    EXPECT_EQ(foreign.status, 403u);
    EXPECT_EQ(foreign.header("Access-Control-Allow-Origin"), "");

    auto unsupported = send(Call{Method::options,
                                 "/api/v1/things/1",
                                 {},
                                 {{"Origin", "https://school.example"}, {"Access-Control-Request-Method", "DELETE"}}});
    EXPECT_EQ(unsupported.status, 405u);

    EXPECT_EQ(send(Call{Method::options, "/api/v1/unknown"}).status, 404u);
}

TEST_F(PipelineTest, CorsHeadersOnlyForAllowedOrigins)
{
    auto allowed = get("/api/v1/things/1", {{"Origin", "https://school.example"}});
    EXPECT_EQ(allowed.header("Access-Control-Allow-Origin"), "https://school.example");
    EXPECT_NE(allowed.header("Access-Control-Expose-Headers").find("X-Request-ID"), std::string::npos);
    auto other = get("/api/v1/things/1", {{"Origin", "https://evil.example"}});
    EXPECT_EQ(other.status, 200u);
    EXPECT_EQ(other.header("Access-Control-Allow-Origin"), "");
}

TEST_F(PipelineTest, EveryResponseCarriesSecurityHeaders)
{
    for (const auto& r : {get("/api/v1/things/1"), get("/nope"), get("/api/v1/things/x"), get("/ping")}) {
        EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
        EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
        EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
        EXPECT_EQ(r.header("Cache-Control"), "no-store");
        EXPECT_FALSE(r.header("Content-Security-Policy").empty());
        EXPECT_EQ(r.header("Strict-Transport-Security"), "");  // only behind TLS
        EXPECT_FALSE(r.header("X-Request-ID").empty());
    }
}

TEST_F(PipelineTest, QueryParametersAreDeclaredAndTyped)
{
    auto unknown = get("/api/v1/things?colour=red");
    EXPECT_EQ(unknown.status, 400u);
    EXPECT_EQ(unknown.json.at("error").at("message"), "Unknown query parameter 'colour'.");
    auto wrong_type = get("/api/v1/things?page=two");
    EXPECT_EQ(wrong_type.status, 400u);
    EXPECT_EQ(wrong_type.json.at("error").at("message"), "Query parameter 'page' must be integer.");
    EXPECT_EQ(get("/api/v1/things?status=archived").status, 400u);
    EXPECT_EQ(get("/api/v1/things?status=active").status, 200u);
}

TEST_F(PipelineTest, JsonBodiesAreCheckedFieldByField)
{
    auto created = send(Call{Method::post, "/api/v1/things", R"({"name":"lamp","size":3})"});
    EXPECT_EQ(created.status, 201u);
    EXPECT_EQ(created.header("Location"), "/api/v1/things/9");
    EXPECT_EQ(created.data().at("name"), "lamp");

    auto malformed = send(Call{Method::post, "/api/v1/things", R"({"name":)"});
    EXPECT_EQ(malformed.status, 400u);
    EXPECT_EQ(malformed.error_code(), "BAD_REQUEST");

    auto invalid = send(Call{Method::post, "/api/v1/things", R"({"size":"big","colour":"red"})"});
    EXPECT_EQ(invalid.status, 422u);
    EXPECT_EQ(invalid.error_code(), "VALIDATION_ERROR");
    auto fields = invalid.error_fields();
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"colour", "name", "size"}));
    for (const auto& d : invalid.json.at("error").at("details").as_array()) {
        EXPECT_FALSE(d.at("message").as_string().empty());
        EXPECT_FALSE(d.at("code").as_string().empty());
    }
}

TEST_F(PipelineTest, JsonRoutesRefuseOtherContentTypes)
{
    auto r = send(Call{Method::post, "/api/v1/things", "name=lamp", {{"Content-Type", "application/x-www-form-urlencoded"}}});
    EXPECT_EQ(r.status, 415u);
    EXPECT_EQ(r.error_code(), "UNSUPPORTED_MEDIA_TYPE");
    auto charset = send(Call{Method::post, "/api/v1/things", R"({"name":"x","size":1})",
                             {{"Content-Type", "application/json; charset=utf-8"}}});
    EXPECT_EQ(charset.status, 201u);
}

TEST_F(PipelineTest, MessagesFollowAcceptLanguage)
{
    auto km = get("/api/v1/nothing", {{"Accept-Language", "km-KH,km;q=0.9,en;q=0.5"}});
    EXPECT_EQ(km.json.at("error").at("message"), "រកមិនឃើញធនធានដែលបានស្នើសុំទេ។");
    auto invalid = send(Call{Method::post, "/api/v1/things", R"({"size":1})", {{"Accept-Language", "km"}}});
    EXPECT_EQ(invalid.json.at("error").at("details").at(0).at("message"), "វាលនេះត្រូវតែបំពេញ។");
    auto en = get("/api/v1/nothing", {{"Accept-Language", "en"}});
    EXPECT_EQ(en.json.at("error").at("message"), "The requested resource was not found.");
}

TEST_F(PipelineTest, ExceptionsBecomeABare500AndLeakNothing)
{
    auto r = get("/api/v1/boom");
    EXPECT_EQ(r.status, 500u);
    EXPECT_EQ(r.error_code(), "INTERNAL_SERVER_ERROR");
    EXPECT_EQ(r.body.find("hunter2"), std::string::npos);
    EXPECT_EQ(r.body.find("secret"), std::string::npos);
    // The next request is served normally.
    EXPECT_EQ(get("/api/v1/things/1").status, 200u);
}

TEST_F(PipelineTest, UnavailableDependencyIs503WithRetryAfter)
{
    auto r = get("/api/v1/offloaded");
    EXPECT_EQ(r.status, 503u);
    EXPECT_EQ(r.error_code(), "SERVICE_UNAVAILABLE");
    EXPECT_FALSE(r.header("Retry-After").empty());
    EXPECT_EQ(r.body.find("database went away"), std::string::npos);
}

TEST_F(PipelineTest, RejectRendersErrorsFoundWhileReading)
{
    Request partial;
    partial.headers.add("Accept-Language", "km");
    partial.headers.add("X-Request-ID", "abc");
    auto response = pipeline_->reject(partial, make_error(ErrorCode::payload_too_large));
    EXPECT_EQ(response.status, Status::payload_too_large);
    EXPECT_NE(response.body.find(R"("code":"PAYLOAD_TOO_LARGE")"), std::string::npos);
    EXPECT_NE(response.body.find(R"("requestId":"abc")"), std::string::npos);
    EXPECT_NE(response.body.find("ខ្លឹមសារសំណើធំពេក"), std::string::npos);
}

TEST_F(PipelineTest, MetricsCountRequestsByRouteTemplateAndStatus)
{
    get("/api/v1/things/1");
    get("/api/v1/things/2");
    get("/api/v1/things/x");
    get("/api/v1/nowhere");
    auto text = metrics_.render();
    EXPECT_NE(text.find(R"(sala_http_requests_total{route="/api/v1/things/{id}",method="GET",status="200"} 2)"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find(R"(sala_http_requests_total{route="/api/v1/things/{id}",method="GET",status="400"} 1)"),
              std::string::npos);
    EXPECT_NE(text.find(R"(sala_http_requests_total{route="unmatched",method="GET",status="404"} 1)"),
              std::string::npos);
    EXPECT_NE(text.find(R"(sala_http_request_duration_seconds_count{route="/api/v1/things/{id}"} 3)"),
              std::string::npos);
    EXPECT_NE(text.find("sala_http_requests_in_flight 0"), std::string::npos);
}

}  // namespace
}  // namespace sala::http

namespace sala::http {
namespace {

// One JSON line per request, with the route template (never the raw path) and the status.
TEST(AccessLog, WritesOneJsonLinePerRequest)
{
    test::TempDir dir;
    auto file = dir.path() / "access.log";
    log::configure(log::Level::info, file.string());
    {
        WorkerPool workers(1);
        ManualClock clock(std::chrono::sys_days(std::chrono::year(2026) / 9 / 1));
        Router router;
        router.add(RouteSpec{.method = Method::get, .path = "/things/{id:int}", .summary = "One thing"},
                   [](RequestContext&) -> boost::asio::awaitable<Response> { co_return Response::empty(); });
        Metrics metrics;
        metrics.bind(router);
        Pipeline pipeline(router, metrics, workers, clock, PipelineOptions{});
        test::send(pipeline, Call{Method::get, "/api/v1/things/42?x=secret", {}, {{"X-Request-ID", "trace-1"}}});
        test::send(pipeline, Call{Method::get, "/api/v1/nowhere"});
    }
    log::flush();
    log::configure(log::Level::warn);
    std::ifstream in(file);
    std::vector<boost::json::value> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(boost::json::parse(line));
    }
    ASSERT_EQ(lines.size(), 2u) << [&] {
        std::string all;
        for (const auto& l : lines) {
            all += boost::json::serialize(l) + "\n";
        }
        return all;
    }();
    const auto& first = lines[0].as_object();
    EXPECT_EQ(first.at("event"), "request");
    EXPECT_EQ(first.at("requestId"), "trace-1");
    EXPECT_EQ(first.at("method"), "GET");
    EXPECT_EQ(first.at("route"), "/api/v1/things/{id}");
    EXPECT_EQ(first.at("status"), 400);  // unknown query parameter
    EXPECT_TRUE(first.at("durationMs").is_number());
    EXPECT_TRUE(first.contains("user"));
    EXPECT_EQ(lines[0].as_object().at("ip"), "127.0.0.1");
    EXPECT_EQ(boost::json::serialize(lines[0]).find("secret"), std::string::npos);
    EXPECT_EQ(lines[1].as_object().at("status"), 404);
}

}  // namespace
}  // namespace sala::http
