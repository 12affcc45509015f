// School years and semesters through the API: the shapes with derived months, every validation
// rule, unique names, one current year, ETags and If-Match, what deletes are refused, and the
// semester rules (inside the year, no overlap, order unique per year).
#include "support/structure_fixtures.hpp"
#include "support/test_app.hpp"

#include <gtest/gtest.h>

namespace sala {
namespace {

using http::Method;
using test::Call;
using test::error_details;
using test::Reply;
using test::TestApp;

class SchoolYearsTest : public ::testing::Test {
protected:
    SchoolYearsTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
    }
    Reply send(Method m, const std::string& target, std::string body = {},
               std::vector<std::pair<std::string, std::string>> headers = {})
    {
        return t.as(admin, Call{m, target, std::move(body), std::move(headers)});
    }
    Reply get(const std::string& target) { return t.get_as(admin, target); }
    std::int64_t year(const std::string& name, const std::string& start, const std::string& end, bool current = false)
    {
        return test::make_school_year(t, admin, name, start, end, current);
    }
    static std::string path(std::int64_t id) { return "/api/v1/school-years/" + std::to_string(id); }

    TestApp t;
    test::SignedIn admin;
};

std::vector<std::string> month_keys(const boost::json::value& year)
{
    std::vector<std::string> out;
    for (const auto& m : year.at("months").as_array()) {
        out.emplace_back(m.at("month").as_string());
    }
    return out;
}

TEST_F(SchoolYearsTest, CreateReadReplaceDelete)
{
    auto created = send(Method::post, "/api/v1/school-years",
                        R"({"name":"2026-2027","startDate":"2026-11-02","endDate":"2027-02-26","isCurrent":true})");
    ASSERT_EQ(created.status, 201u) << created.body;
    auto id = created.data().at("schoolYearId").as_int64();
    EXPECT_EQ(created.header("Location"), path(id));
    EXPECT_EQ(created.header("ETag"), "\"1\"");
    const auto& y = created.data().as_object();
    for (auto field : {"schoolYearId", "name", "startDate", "endDate", "isCurrent", "months", "createdAt", "updatedAt"}) {
        EXPECT_TRUE(y.contains(field)) << field;
    }
    EXPECT_EQ(y.size(), 8u);
    EXPECT_EQ(y.at("startDate"), "2026-11-02");
    EXPECT_EQ(y.at("isCurrent"), true);
    EXPECT_EQ(month_keys(created.data()), (std::vector<std::string>{"2026-11", "2026-12", "2027-01", "2027-02"}));
    EXPECT_EQ(y.at("months").at(0), (boost::json::value{{"month", "2026-11"}, {"nameEn", "November"}, {"nameKh", "វិច្ឆិកា"}}));

    auto fetched = get(path(id));
    EXPECT_EQ(fetched.data(), created.data());
    EXPECT_EQ(fetched.header("ETag"), "\"1\"");

    auto replaced = send(Method::put, path(id), R"({"name":"2026-27","startDate":"2026-10-01","endDate":"2026-12-31"})");
    ASSERT_EQ(replaced.status, 200u) << replaced.body;
    EXPECT_EQ(replaced.header("ETag"), "\"2\"");
    EXPECT_EQ(replaced.data().at("name"), "2026-27");
    EXPECT_EQ(replaced.data().at("isCurrent"), true);  // absent: unchanged
    EXPECT_EQ(month_keys(replaced.data()), (std::vector<std::string>{"2026-10", "2026-11", "2026-12"}));
    EXPECT_EQ(get(path(id)).data(), replaced.data());

    EXPECT_EQ(send(Method::delete_, path(id)).status, 204u);
    EXPECT_EQ(get(path(id)).status, 404u);
    EXPECT_EQ(send(Method::delete_, path(id)).status, 404u);
    EXPECT_EQ(send(Method::put, path(id), R"({"name":"x","startDate":"2026-10-01","endDate":"2026-12-31"})").status,
              404u);
}

TEST_F(SchoolYearsTest, EveryBadFieldIsReported)
{
    struct Case {
        std::string body;
        std::vector<std::string> details;
    };
    const std::string long_name(51, 'n');
    const Case cases[] = {
        {R"({})", {"name:REQUIRED", "startDate:REQUIRED", "endDate:REQUIRED"}},
        {R"({"name":"  ","startDate":"2026-09-01","endDate":"2027-07-31"})", {"name:REQUIRED"}},
        {R"({"name":")" + long_name + R"(","startDate":"2026-09-01","endDate":"2027-07-31"})", {"name:TOO_LONG"}},
        {R"({"name":"a","startDate":"01/09/2026","endDate":"2027-02-30"})",
         {"startDate:INVALID_FORMAT", "endDate:INVALID_FORMAT"}},
        {R"({"name":"a","startDate":"2026-09-01","endDate":"2026-09-01"})", {"endDate:END_BEFORE_START"}},
        {R"({"name":"a","startDate":"2026-09-01","endDate":"2026-06-01"})", {"endDate:END_BEFORE_START"}},
        {R"({"name":"a","startDate":"2026-09-01","endDate":"2028-09-01"})", {"endDate:SPAN_TOO_LONG"}},
        {R"({"name":"","startDate":"2026-09-01","endDate":"2025-09-01"})", {"name:REQUIRED", "endDate:END_BEFORE_START"}},
        {R"({"name":"a","startDate":"2026-09-01","endDate":"2027-07-31","isCurrent":"yes"})", {"isCurrent:INVALID_TYPE"}},
        {R"({"name":"a","startDate":"2026-09-01","endDate":"2027-07-31","months":[]})", {"months:UNKNOWN_FIELD"}},
    };
    for (const auto& c : cases) {
        auto r = send(Method::post, "/api/v1/school-years", c.body);
        EXPECT_EQ(r.status, 422u) << c.body << ": " << r.body;
        EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << c.body;
        EXPECT_EQ(error_details(r), c.details) << c.body;
    }
    // 23 months from the first month to the last is still one school year.
    EXPECT_EQ(send(Method::post, "/api/v1/school-years", R"({"name":"long","startDate":"2026-09-01","endDate":"2028-08-31"})")
                  .status,
              201u);
    EXPECT_EQ(get("/api/v1/school-years").json.at("pagination").at("total"), 1);
    EXPECT_EQ(send(Method::post, "/api/v1/school-years", "{").status, 400u);
}

TEST_F(SchoolYearsTest, NamesAreUniqueRegardlessOfCase)
{
    auto first = year("2026-2027 Pilot", "2026-09-01", "2027-07-31");
    auto again = send(Method::post, "/api/v1/school-years",
                      R"({"name":"2026-2027 PILOT","startDate":"2026-09-01","endDate":"2027-07-31"})");
    EXPECT_EQ(again.status, 409u);
    EXPECT_EQ(again.error_code(), "CONFLICT");
    EXPECT_EQ(error_details(again), std::vector<std::string>{"name:ALREADY_EXISTS"});

    auto other = year("2027-2028", "2027-09-01", "2028-07-31");
    auto rename = send(Method::put, path(other), R"({"name":"2026-2027 pilot","startDate":"2027-09-01","endDate":"2028-07-31"})");
    EXPECT_EQ(rename.status, 409u);
    EXPECT_EQ(get(path(other)).data().at("name"), "2027-2028");
    // Keeping one's own name (in another case) is not a clash.
    EXPECT_EQ(send(Method::put, path(first), R"({"name":"2026-2027 PILOT","startDate":"2026-09-01","endDate":"2027-07-31"})")
                  .status,
              200u);
}

TEST_F(SchoolYearsTest, AtMostOneYearIsCurrent)
{
    auto none = get("/api/v1/school-years/current");
    EXPECT_EQ(none.status, 404u);
    EXPECT_EQ(none.error_code(), "NOT_FOUND");
    EXPECT_EQ(none.json.at("error").at("message"), "No school year is marked as current.");

    auto a = year("2025-2026", "2025-09-01", "2026-07-31", true);
    EXPECT_EQ(get("/api/v1/school-years/current").data().at("schoolYearId"), a);
    auto b = year("2026-2027", "2026-09-01", "2027-07-31", true);
    auto current = get("/api/v1/school-years/current");
    EXPECT_EQ(current.data().at("schoolYearId"), b);
    EXPECT_EQ(current.header("ETag"), "\"1\"");
    auto old = get(path(a));
    EXPECT_EQ(old.data().at("isCurrent"), false);
    EXPECT_EQ(old.header("ETag"), "\"2\"");  // its representation changed

    // Replacing without isCurrent keeps it; with true moves it; with false leaves none current.
    EXPECT_EQ(send(Method::put, path(a), R"({"name":"2025-2026","startDate":"2025-09-01","endDate":"2026-07-31"})")
                  .data()
                  .at("isCurrent"),
              false);
    EXPECT_EQ(send(Method::put, path(a), R"({"name":"2025-2026","startDate":"2025-09-01","endDate":"2026-07-31","isCurrent":true})")
                  .data()
                  .at("isCurrent"),
              true);
    EXPECT_EQ(get(path(b)).data().at("isCurrent"), false);
    EXPECT_EQ(get("/api/v1/school-years/current").data().at("schoolYearId"), a);
    ASSERT_EQ(send(Method::put, path(a), R"({"name":"2025-2026","startDate":"2025-09-01","endDate":"2026-07-31","isCurrent":false})")
                  .status,
              200u);
    EXPECT_EQ(get("/api/v1/school-years/current").status, 404u);

    std::int64_t currents = 0;
    auto all = get("/api/v1/school-years");
    for (const auto& y : all.data().as_array()) {
        currents += y.at("isCurrent").as_bool() ? 1 : 0;
    }
    EXPECT_EQ(currents, 0);
}

TEST_F(SchoolYearsTest, ConditionalRequestsUseTheRowVersion)
{
    auto id = year("2026-2027", "2026-09-01", "2027-07-31");
    auto first = get(path(id));
    auto etag = first.header("ETag");
    ASSERT_EQ(etag, "\"1\"");
    auto cached = t.as(admin, Call{Method::get, path(id), {}, {{"If-None-Match", etag}}});
    EXPECT_EQ(cached.status, 304u);
    EXPECT_TRUE(cached.body.empty());

    const std::string body = R"({"name":"2026-27","startDate":"2026-09-01","endDate":"2027-07-31"})";
    auto fresh = send(Method::put, path(id), body, {{"If-Match", etag}});
    ASSERT_EQ(fresh.status, 200u) << fresh.body;
    EXPECT_EQ(fresh.header("ETag"), "\"2\"");
    EXPECT_EQ(t.as(admin, Call{Method::get, path(id), {}, {{"If-None-Match", etag}}}).status, 200u);

    for (std::string stale : {etag, std::string("\"99\""), std::string("garbage")}) {
        auto r = send(Method::put, path(id), R"({"name":"lost","startDate":"2026-09-01","endDate":"2027-07-31"})",
                      {{"If-Match", stale}});
        EXPECT_EQ(r.status, 412u) << stale;
        EXPECT_EQ(r.error_code(), "PRECONDITION_FAILED") << stale;
        EXPECT_EQ(send(Method::delete_, path(id), {}, {{"If-Match", stale}}).status, 412u) << stale;
    }
    EXPECT_EQ(get(path(id)).data().at("name"), "2026-27");
    EXPECT_EQ(send(Method::put, path(id + 1), body, {{"If-Match", "\"1\""}}).status, 404u);
    EXPECT_EQ(send(Method::delete_, path(id), {}, {{"If-Match", "\"2\""}}).status, 204u);
}

TEST_F(SchoolYearsTest, DeleteIsRefusedWhileSemestersOrClassesBelongToTheYear)
{
    auto id = year("2026-2027", "2026-09-01", "2027-07-31");
    auto semester = send(Method::post, "/api/v1/semesters",
                         R"({"schoolYearId":)" + std::to_string(id) +
                             R"(,"name":"Semester 1","order":1,"startDate":"2026-09-01","endDate":"2027-01-31"})");
    ASSERT_EQ(semester.status, 201u) << semester.body;
    auto refused = send(Method::delete_, path(id));
    EXPECT_EQ(refused.status, 409u);
    EXPECT_EQ(refused.error_code(), "CONFLICT");
    ASSERT_EQ(send(Method::delete_, "/api/v1/semesters/" + std::to_string(semester.data().at("semesterId").as_int64()))
                  .status,
              204u);

    auto course = test::make_course(t, admin, id, 7, "A");
    EXPECT_EQ(send(Method::delete_, path(id)).status, 409u);
    ASSERT_EQ(send(Method::delete_, "/api/v1/courses/" + std::to_string(course)).status, 204u);
    EXPECT_EQ(send(Method::delete_, path(id)).status, 204u);
}

TEST_F(SchoolYearsTest, ListsPageAndSort)
{
    year("2024-2025", "2024-09-01", "2025-07-31");
    year("2026-2027", "2026-09-01", "2027-07-31");
    year("2025-2026", "2025-09-01", "2026-07-31");
    auto names = [&](const std::string& target) {
        std::vector<std::string> out;
        auto r = get(target);
        EXPECT_EQ(r.status, 200u) << target << ": " << r.body;
        for (const auto& y : r.data().as_array()) {
            out.emplace_back(y.at("name").as_string());
            EXPECT_FALSE(y.at("months").as_array().empty());
        }
        return out;
    };
    EXPECT_EQ(names("/api/v1/school-years"), (std::vector<std::string>{"2026-2027", "2025-2026", "2024-2025"}));
    EXPECT_EQ(names("/api/v1/school-years?sort=name"), (std::vector<std::string>{"2024-2025", "2025-2026", "2026-2027"}));
    EXPECT_EQ(names("/api/v1/school-years?limit=2&page=2"), (std::vector<std::string>{"2024-2025"}));
    auto page = get("/api/v1/school-years?limit=2");
    EXPECT_EQ(page.json.at("pagination").at("total"), 3);
    EXPECT_EQ(page.json.at("pagination").at("hasNext"), true);
    EXPECT_EQ(get("/api/v1/school-years?sort=isCurrent").status, 400u);
    EXPECT_EQ(get("/api/v1/school-years?colour=red").status, 400u);
}

TEST_F(SchoolYearsTest, NewDatesMustKeepTheSemestersInside)
{
    auto id = year("2026-2027", "2026-09-01", "2027-07-31");
    ASSERT_EQ(send(Method::post, "/api/v1/semesters",
                   R"({"schoolYearId":)" + std::to_string(id) +
                       R"(,"name":"S1","order":1,"startDate":"2026-09-01","endDate":"2027-01-31"})")
                  .status,
              201u);
    auto narrowed = send(Method::put, path(id), R"({"name":"2026-2027","startDate":"2026-10-01","endDate":"2026-12-31"})");
    EXPECT_EQ(narrowed.status, 422u);
    EXPECT_EQ(error_details(narrowed),
              (std::vector<std::string>{"startDate:EXCLUDES_SEMESTER", "endDate:EXCLUDES_SEMESTER"}));
    EXPECT_EQ(narrowed.json.at("error").at("details").at(0).at("message"),
              "Semester S1 (2026-09-01 to 2027-01-31) would fall outside the school year.");
    EXPECT_EQ(get(path(id)).data().at("startDate"), "2026-09-01");
    EXPECT_EQ(send(Method::put, path(id), R"({"name":"2026-2027","startDate":"2026-08-15","endDate":"2027-01-31"})").status,
              200u);
}

TEST_F(SchoolYearsTest, TeachersReadTheCalendarButDoNotChangeIt)
{
    auto id = year("2026-2027", "2026-09-01", "2027-07-31", true);
    t.add_user("sokha", "teacher");
    auto teacher = t.sign_in("sokha");
    EXPECT_EQ(t.get_as(teacher, path(id)).status, 200u);
    EXPECT_EQ(t.get_as(teacher, "/api/v1/school-years/current").status, 200u);
    EXPECT_EQ(t.get_as(teacher, "/api/v1/semesters").status, 200u);
    const std::string body = R"({"name":"x","startDate":"2026-09-01","endDate":"2027-07-31"})";
    EXPECT_EQ(t.as(teacher, Call{Method::post, "/api/v1/school-years", body}).status, 403u);
    EXPECT_EQ(t.as(teacher, Call{Method::put, path(id), body}).status, 403u);
    EXPECT_EQ(t.as(teacher, Call{Method::delete_, path(id)}).status, 403u);
    EXPECT_EQ(get(path(id)).data().at("name"), "2026-2027");
}

// --- Semesters ----------------------------------------------------------------------------------

class SemestersTest : public SchoolYearsTest {
protected:
    SemestersTest() { year_id = year("2026-2027", "2026-09-01", "2027-07-31"); }
    Reply post_semester(const std::string& name, int order, const std::string& start, const std::string& end,
                        std::optional<std::int64_t> in_year = std::nullopt)
    {
        return send(Method::post, "/api/v1/semesters", body(name, order, start, end, in_year));
    }
    std::string body(const std::string& name, int order, const std::string& start, const std::string& end,
                     std::optional<std::int64_t> in_year = std::nullopt) const
    {
        return R"({"schoolYearId":)" + std::to_string(in_year.value_or(year_id)) + R"(,"name":")" + name +
               R"(","order":)" + std::to_string(order) + R"(,"startDate":")" + start + R"(","endDate":")" + end +
               R"("})";
    }
    std::int64_t year_id = 0;
};

TEST_F(SemestersTest, CreateReadReplaceDelete)
{
    auto created = post_semester("Semester 1", 1, "2026-09-01", "2027-01-31");
    ASSERT_EQ(created.status, 201u) << created.body;
    auto id = created.data().at("semesterId").as_int64();
    auto target = "/api/v1/semesters/" + std::to_string(id);
    EXPECT_EQ(created.header("Location"), target);
    EXPECT_EQ(created.header("ETag"), "\"1\"");
    EXPECT_EQ(created.data().at("order"), 1);
    EXPECT_EQ(created.data().at("schoolYearId"), year_id);
    EXPECT_EQ(created.data().as_object().size(), 8u);
    EXPECT_EQ(get(target).data(), created.data());

    auto replaced = send(Method::put, target, body("Term 1", 1, "2026-09-15", "2027-01-31"));
    ASSERT_EQ(replaced.status, 200u) << replaced.body;
    EXPECT_EQ(replaced.header("ETag"), "\"2\"");
    EXPECT_EQ(replaced.data().at("name"), "Term 1");
    EXPECT_EQ(replaced.data().at("startDate"), "2026-09-15");

    EXPECT_EQ(send(Method::delete_, target).status, 204u);
    EXPECT_EQ(get(target).status, 404u);
    EXPECT_EQ(send(Method::put, target, body("Term 1", 1, "2026-09-15", "2027-01-31")).status, 404u);
}

TEST_F(SemestersTest, TheYearListsItsSemestersInOrder)
{
    ASSERT_EQ(post_semester("Semester 2", 2, "2027-02-01", "2027-07-31").status, 201u);
    ASSERT_EQ(post_semester("Semester 1", 1, "2026-09-01", "2027-01-31").status, 201u);
    auto other = year("2027-2028", "2027-09-01", "2028-07-31");
    ASSERT_EQ(post_semester("Next year", 1, "2027-09-01", "2028-01-31", other).status, 201u);

    auto of_year = get(path(year_id) + "/semesters");
    ASSERT_EQ(of_year.status, 200u) << of_year.body;
    ASSERT_EQ(of_year.data().as_array().size(), 2u);
    EXPECT_EQ(of_year.data().at(0).at("name"), "Semester 1");
    EXPECT_EQ(of_year.data().at(1).at("name"), "Semester 2");
    EXPECT_EQ(get(path(year_id + 99) + "/semesters").status, 404u);

    auto filtered = get("/api/v1/semesters?schoolYearId=" + std::to_string(other));
    ASSERT_EQ(filtered.data().as_array().size(), 1u);
    EXPECT_EQ(filtered.data().at(0).at("name"), "Next year");
    auto all = get("/api/v1/semesters?sort=-startDate");
    EXPECT_EQ(all.json.at("pagination").at("total"), 3);
    EXPECT_EQ(all.data().at(0).at("name"), "Next year");
    EXPECT_EQ(get("/api/v1/semesters?schoolYearId=abc").status, 400u);
}

TEST_F(SemestersTest, DatesStayInsideTheYearAndOverlapNoOtherSemester)
{
    ASSERT_EQ(post_semester("Semester 1", 1, "2026-11-01", "2027-01-31").status, 201u);
    struct Case {
        std::string what;
        std::string body;
        std::vector<std::string> details;
    };
    const std::string unknown_year = std::to_string(year_id + 99);
    const Case cases[] = {
        {"starts before the year", body("S", 2, "2026-08-01", "2026-10-31"), {"startDate:OUTSIDE_SCHOOL_YEAR"}},
        {"ends after the year", body("S", 2, "2027-02-01", "2027-08-31"), {"endDate:OUTSIDE_SCHOOL_YEAR"}},
        {"starts inside another", body("S", 2, "2027-01-31", "2027-03-31"), {"startDate:OVERLAPS"}},
        {"ends inside another", body("S", 2, "2026-09-01", "2026-11-01"), {"endDate:OVERLAPS"}},
        {"encloses another", body("S", 2, "2026-10-01", "2027-02-28"), {"startDate:OVERLAPS", "endDate:OVERLAPS"}},
        {"inside another", body("S", 2, "2026-12-01", "2026-12-31"), {"startDate:OVERLAPS", "endDate:OVERLAPS"}},
        {"ends before it starts", body("S", 2, "2027-03-01", "2027-02-01"), {"endDate:END_BEFORE_START"}},
        {"unknown year",
         R"({"schoolYearId":)" + unknown_year + R"(,"name":"S","order":2,"startDate":"2027-02-01","endDate":"2027-03-01"})",
         {"schoolYearId:NOT_FOUND"}},
        {"order out of range and no name", body(" ", 0, "2027-02-01", "2027-03-01"), {"name:REQUIRED", "order:OUT_OF_RANGE"}},
        {"missing fields", R"({"name":"S"})",
         {"schoolYearId:REQUIRED", "order:REQUIRED", "startDate:REQUIRED", "endDate:REQUIRED"}},
    };
    for (const auto& c : cases) {
        auto r = send(Method::post, "/api/v1/semesters", c.body);
        EXPECT_EQ(r.status, 422u) << c.what << ": " << r.body;
        EXPECT_EQ(error_details(r), c.details) << c.what;
    }
    auto overlap = send(Method::post, "/api/v1/semesters", body("S", 2, "2027-01-31", "2027-03-31"));
    EXPECT_EQ(overlap.json.at("error").at("details").at(0).at("message"),
              "Overlaps semester Semester 1 (2026-11-01 to 2027-01-31).");
    // Touching but not sharing a day is fine, before and after.
    EXPECT_EQ(post_semester("Before", 2, "2026-09-01", "2026-10-31").status, 201u);
    EXPECT_EQ(post_semester("After", 3, "2027-02-01", "2027-07-31").status, 201u);
    EXPECT_EQ(get("/api/v1/semesters").json.at("pagination").at("total"), 3);
}

TEST_F(SemestersTest, ASemesterDoesNotOverlapItself)
{
    auto id = post_semester("Semester 1", 1, "2026-09-01", "2027-01-31").data().at("semesterId").as_int64();
    auto r = send(Method::put, "/api/v1/semesters/" + std::to_string(id), body("Semester 1", 1, "2026-09-01", "2027-02-15"));
    EXPECT_EQ(r.status, 200u) << r.body;
}

TEST_F(SemestersTest, OrderIsUniqueWithinAYear)
{
    ASSERT_EQ(post_semester("Semester 1", 1, "2026-09-01", "2027-01-31").status, 201u);
    auto again = post_semester("Also first", 1, "2027-02-01", "2027-07-31");
    EXPECT_EQ(again.status, 409u);
    EXPECT_EQ(error_details(again), std::vector<std::string>{"order:ALREADY_EXISTS"});
    auto second = post_semester("Semester 2", 2, "2027-02-01", "2027-07-31");
    ASSERT_EQ(second.status, 201u);
    auto other = year("2027-2028", "2027-09-01", "2028-07-31");
    EXPECT_EQ(post_semester("First again", 1, "2027-09-01", "2028-01-31", other).status, 201u);
    auto swap = send(Method::put, "/api/v1/semesters/" + std::to_string(second.data().at("semesterId").as_int64()),
                     body("Semester 2", 1, "2027-02-01", "2027-07-31"));
    EXPECT_EQ(swap.status, 409u);
}

TEST_F(SemestersTest, ConditionalRequestsUseTheRowVersion)
{
    auto created = post_semester("Semester 1", 1, "2026-09-01", "2027-01-31");
    auto target = "/api/v1/semesters/" + std::to_string(created.data().at("semesterId").as_int64());
    EXPECT_EQ(t.as(admin, Call{Method::get, target, {}, {{"If-None-Match", "\"1\""}}}).status, 304u);
    auto updated = send(Method::put, target, body("S1", 1, "2026-09-01", "2027-01-31"), {{"If-Match", "\"1\""}});
    ASSERT_EQ(updated.status, 200u) << updated.body;
    EXPECT_EQ(updated.header("ETag"), "\"2\"");
    auto stale = send(Method::put, target, body("Lost", 1, "2026-09-01", "2027-01-31"), {{"If-Match", "\"1\""}});
    EXPECT_EQ(stale.status, 412u);
    EXPECT_EQ(send(Method::delete_, target, {}, {{"If-Match", "\"1\""}}).status, 412u);
    EXPECT_EQ(get(target).data().at("name"), "S1");
    EXPECT_EQ(send(Method::delete_, target, {}, {{"If-Match", "\"2\""}}).status, 204u);
}

TEST_F(SemestersTest, DeleteIsRefusedWhileAnEnrollmentRefersToIt)
{
    auto id = post_semester("Semester 1", 1, "2026-09-01", "2027-01-31").data().at("semesterId").as_int64();
    auto course = test::make_course(t, admin, year_id, 7, "A");
    auto enrollment = test::enroll_directly(t, course);
    {
        auto tx = t.app().database().write();
        tx->execute("UPDATE enrollments SET status = 'dropped', drop_semester_id = $2 WHERE enrollment_id = $1",
                    enrollment, id);
        tx.commit();
    }
    auto refused = send(Method::delete_, "/api/v1/semesters/" + std::to_string(id));
    EXPECT_EQ(refused.status, 409u);
    EXPECT_EQ(refused.json.at("error").at("message"), "Enrollments refer to this semester.");
    EXPECT_EQ(get("/api/v1/semesters/" + std::to_string(id)).status, 200u);
}

}  // namespace
}  // namespace sala
