// Operational endpoints of a whole App: liveness without the database, readiness with it, the
// metrics text, the API index and the OpenAPI document generated from the route table.
#include "db/migrations.hpp"
#include "support/test_app.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <atomic>

namespace sala {
namespace {

using test::Call;
using test::TestApp;

TEST(Ops, HealthzAnswersWithoutTheDatabase)
{
    TestApp t;
    auto r = t.get("/healthz");
    EXPECT_EQ(r.status, 200u);
    EXPECT_EQ(r.data().at("status"), "ok");
    EXPECT_EQ(r.header("Cache-Control"), "no-store");
}

// A database whose readiness check can be made to fail.
class FlakyDatabase final : public db::Database {
public:
    explicit FlakyDatabase(std::unique_ptr<db::Database> inner) : inner_(std::move(inner)) {}
    [[nodiscard]] db::Dialect dialect() const override { return inner_->dialect(); }
    db::Lease read() override { return inner_->read(); }
    db::Transaction write() override { return inner_->write(); }
    void ping() override
    {
        if (down) {
            throw db::DbError(db::DbError::Kind::connection, "connection refused (secret host 10.0.0.9)");
        }
        inner_->ping();
    }
    [[nodiscard]] db::PoolStats stats() const override { return inner_->stats(); }
    [[nodiscard]] std::string describe() const override { return inner_->describe(); }
    std::atomic<bool> down{false};

private:
    std::unique_ptr<db::Database> inner_;
};

TEST(Ops, ReadyzReflectsTheDatabase)
{
    test::TempDir dir;
    app::Config config;
    config.data_dir = dir.str();
    config.access_log = false;
    config.workers = 2;
    auto flaky = std::make_unique<FlakyDatabase>(app::open_and_migrate(config));
    auto* db = flaky.get();
    ManualClock clock(test::default_start_time());
    app::App app(config, clock, std::move(flaky));

    auto ready = test::send(app.pipeline(), Call{http::Method::get, "/readyz"});
    EXPECT_EQ(ready.status, 200u);
    EXPECT_EQ(ready.data().at("status"), "ready");
    EXPECT_EQ(ready.data().at("database"), "sqlite");

    db->down = true;
    auto down = test::send(app.pipeline(), Call{http::Method::get, "/readyz"});
    EXPECT_EQ(down.status, 503u);
    EXPECT_EQ(down.error_code(), "SERVICE_UNAVAILABLE");
    EXPECT_EQ(down.json.at("error").at("message"), "The database is not answering.");
    EXPECT_FALSE(down.header("Retry-After").empty());
    EXPECT_EQ(down.body.find("10.0.0.9"), std::string::npos);
    // Liveness does not depend on the database.
    EXPECT_EQ(test::send(app.pipeline(), Call{http::Method::get, "/healthz"}).status, 200u);
}

TEST(Ops, MetricsArePrometheusText)
{
    TestApp t;
    t.get("/healthz");
    t.get("/healthz");
    auto r = t.get("/metrics");
    EXPECT_EQ(r.status, 200u);
    EXPECT_TRUE(r.header("Content-Type").starts_with("text/plain; version=0.0.4"));
    EXPECT_NE(r.body.find(R"(sala_http_requests_total{route="/healthz",method="GET",status="200"} 2)"),
              std::string::npos);
    EXPECT_NE(r.body.find("# TYPE sala_http_request_duration_seconds histogram"), std::string::npos);
    EXPECT_NE(r.body.find("sala_http_requests_in_flight 1"), std::string::npos);  // the scrape itself
    EXPECT_NE(r.body.find("sala_db_pool_waits_total"), std::string::npos);
    EXPECT_NE(r.body.find("sala_worker_queue_depth"), std::string::npos);
}

TEST(Ops, ApiIndexLinksTheDocument)
{
    TestApp t;
    for (std::string target : {"/api/v1", "/api"}) {
        auto r = t.get(target);
        ASSERT_EQ(r.status, 200u) << target;
        EXPECT_EQ(r.data().at("name"), "Sala");
        EXPECT_EQ(r.data().at("apiVersion"), "v1");
        EXPECT_EQ(r.data().at("links").at("openapi"), "/api/v1/openapi.json");
    }
}

// Every route in the table is in the document with its method, and every $ref resolves.
TEST(Ops, OpenApiDocumentCoversTheRouteTable)
{
    TestApp t;
    auto r = t.get("/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200u);
    auto doc = boost::json::parse(r.body).as_object();
    EXPECT_EQ(doc.at("openapi"), "3.1.0");
    const auto& paths = doc.at("paths").as_object();
    const auto& schemas = doc.at("components").at("schemas").as_object();
    std::size_t operations = 0;
    for (const auto& route : t.app().router().routes()) {
        std::string method(http::method_name(route->spec.method));
        for (auto& c : method) {
            c = static_cast<char>(c - 'A' + 'a');
        }
        ASSERT_TRUE(paths.contains(route->display_path)) << route->display_path;
        const auto& op = paths.at(route->display_path).at(method);
        EXPECT_EQ(op.at("summary").as_string(), route->spec.summary);
        EXPECT_TRUE(op.at("responses").as_object().contains("500"));
        ++operations;
    }
    std::size_t documented = 0;
    for (const auto& [path, item] : paths) {
        documented += item.as_object().size();
    }
    EXPECT_EQ(documented, operations);  // nothing documented that is not routed

    std::function<void(const boost::json::value&)> check_refs = [&](const boost::json::value& v) {
        if (v.is_object()) {
            for (const auto& [k, child] : v.as_object()) {
                if (k == "$ref") {
                    std::string ref(child.as_string());
                    ASSERT_TRUE(ref.starts_with("#/components/schemas/")) << ref;
                    EXPECT_TRUE(schemas.contains(ref.substr(21))) << ref;
                } else {
                    check_refs(child);
                }
            }
        } else if (v.is_array()) {
            for (const auto& child : v.as_array()) {
                check_refs(child);
            }
        }
    };
    check_refs(doc);
    EXPECT_TRUE(schemas.contains("ApiIndex"));
    EXPECT_TRUE(schemas.contains("ErrorEnvelope"));
}

}  // namespace
}  // namespace sala
