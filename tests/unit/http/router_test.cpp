// Path matching: literal segments beat parameters, backtracking finds the right route, 405 lists
// the methods a path supports, and a table that contradicts itself fails at start-up.
#include "http/router.hpp"

#include <gtest/gtest.h>

namespace sala::http {
namespace {

boost::asio::awaitable<Response> nothing(RequestContext&)
{
    co_return Response::empty();
}

std::vector<std::string> segments(std::string_view path)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < path.size()) {
        auto next = path.find('/', i + 1);
        out.emplace_back(path.substr(i + 1, next == std::string_view::npos ? std::string_view::npos : next - i - 1));
        i = next == std::string_view::npos ? path.size() : next;
    }
    return out;
}

class RouterTest : public ::testing::Test {
protected:
    RouterTest()
    {
        add(Method::get, "/students");
        add(Method::post, "/students");
        add(Method::get, "/students/next-id");
        add(Method::get, "/students/{id:int}");
        add(Method::put, "/students/{id:int}");
        add(Method::get, "/students/{id:int}/photo");
        add(Method::get, "/students/next-id/x");
        add(Method::put, "/courses/{id:int}/attendance/{date:date}/{session}");
        router.add(RouteSpec{.method = Method::get, .path = "/healthz", .scope = Scope::root}, nothing);
    }
    void add(Method m, std::string path) { router.add(RouteSpec{.method = m, .path = std::move(path)}, nothing); }
    Router::Match match(Method m, std::string_view path) { return router.match(m, segments(path)); }

    Router router;
};

TEST_F(RouterTest, MatchesLiteralsBeforeParameters)
{
    auto m = match(Method::get, "/api/v1/students/next-id");
    ASSERT_EQ(m.outcome, Router::Match::Outcome::found);
    EXPECT_EQ(m.route->display_path, "/api/v1/students/next-id");
    EXPECT_TRUE(m.params.empty());

    m = match(Method::get, "/api/v1/students/42");
    ASSERT_EQ(m.outcome, Router::Match::Outcome::found);
    EXPECT_EQ(m.route->display_path, "/api/v1/students/{id}");
    ASSERT_EQ(m.params.size(), 1u);
    EXPECT_EQ(m.params[0].name, "id");
    EXPECT_EQ(m.params[0].value, "42");
    EXPECT_EQ(m.params[0].type, ParamType::integer);
}

TEST_F(RouterTest, BacktracksWhenALiteralBranchDeadEnds)
{
    // "next-id" is a literal child, but only the parameter branch has "/photo".
    auto m = match(Method::get, "/api/v1/students/next-id/photo");
    ASSERT_EQ(m.outcome, Router::Match::Outcome::found);
    EXPECT_EQ(m.route->display_path, "/api/v1/students/{id}/photo");
    EXPECT_EQ(m.params[0].value, "next-id");  // the pipeline turns this into a 400
}

TEST_F(RouterTest, ReportsAllowedMethodsForAKnownPath)
{
    auto m = match(Method::delete_, "/api/v1/students/7");
    EXPECT_EQ(m.outcome, Router::Match::Outcome::method_not_allowed);
    EXPECT_EQ(std::vector<Method>(m.allowed.begin(), m.allowed.end()), (std::vector<Method>{Method::get, Method::put}));
    EXPECT_EQ(match(Method::head, "/api/v1/students/7").outcome, Router::Match::Outcome::found);
}

TEST_F(RouterTest, UnknownPathsAreNotFound)
{
    EXPECT_EQ(match(Method::get, "/api/v1/teachers").outcome, Router::Match::Outcome::not_found);
    EXPECT_EQ(match(Method::get, "/api/v1").outcome, Router::Match::Outcome::not_found);
    EXPECT_EQ(match(Method::get, "/students").outcome, Router::Match::Outcome::not_found);
    EXPECT_EQ(match(Method::get, "/api/v1/students/1/2").outcome, Router::Match::Outcome::not_found);
    EXPECT_EQ(match(Method::get, "/healthz").outcome, Router::Match::Outcome::found);
}

TEST_F(RouterTest, CarriesSeveralTypedParameters)
{
    auto m = match(Method::put, "/api/v1/courses/3/attendance/2026-09-01/AM");
    ASSERT_EQ(m.outcome, Router::Match::Outcome::found);
    ASSERT_EQ(m.params.size(), 3u);
    EXPECT_EQ(m.params[1].type, ParamType::date);
    EXPECT_EQ(m.params[2].name, "session");
    EXPECT_EQ(m.params[2].type, ParamType::string);
}

TEST_F(RouterTest, RejectsContradictoryTables)
{
    EXPECT_THROW(add(Method::get, "/students"), Failure);                    // registered twice
    EXPECT_THROW(add(Method::get, "/students/{studentId:int}/grades"), Failure);  // other name, same slot
    EXPECT_THROW(add(Method::get, "/x/{id:uuid}"), Failure);                 // unknown type
}

TEST(ParamTypes, CheckValuesStrictly)
{
    struct Case {
        std::string_view value;
        ParamType type;
        bool ok;
    };
    const Case cases[] = {
        {"42", ParamType::integer, true},       {"-1", ParamType::integer, true},
        {"4x", ParamType::integer, false},      {"", ParamType::integer, false},
        {"+4", ParamType::integer, false},      {"99999999999999999999", ParamType::integer, false},
        {"2.5", ParamType::number, true},       {"abc", ParamType::number, false},
        {"true", ParamType::boolean, true},     {"yes", ParamType::boolean, false},
        {"2026-02-28", ParamType::date, true},  {"2026-02-30", ParamType::date, false},
        {"anything", ParamType::string, true},  {"", ParamType::string, false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(value_has_type(c.value, c.type), c.ok) << c.value;
    }
}

}  // namespace
}  // namespace sala::http
