// See structure_fixtures.hpp.
#include "support/structure_fixtures.hpp"

#include <gtest/gtest.h>

namespace sala::test {
namespace {

std::int64_t created_id(const Reply& r, std::string_view id_field)
{
    EXPECT_EQ(r.status, 201u) << r.body;
    if (r.status != 201u) {
        return 0;
    }
    return r.data().at(id_field).as_int64();
}

}  // namespace

std::int64_t make_school_year(TestApp& t, const SignedIn& admin, const std::string& name, const std::string& start,
                              const std::string& end, bool current)
{
    auto body = R"({"name":")" + name + R"(","startDate":")" + start + R"(","endDate":")" + end +
                R"(","isCurrent":)" + (current ? "true" : "false") + "}";
    return created_id(t.as(admin, Call{http::Method::post, "/api/v1/school-years", body}), "schoolYearId");
}

std::int64_t make_subject(TestApp& t, const SignedIn& admin, const std::string& code, const std::string& grade_levels)
{
    auto body = R"({"code":")" + code + R"(","name":")" + code + R"( class","maxScore":100,"coefficient":1,)" +
                R"("gradeLevels":)" + grade_levels + "}";
    return created_id(t.as(admin, Call{http::Method::post, "/api/v1/subjects", body}), "subjectId");
}

std::int64_t make_course(TestApp& t, const SignedIn& admin, std::int64_t school_year_id, int grade_level,
                         const std::string& section, const std::string& extra)
{
    auto body = R"({"schoolYearId":)" + std::to_string(school_year_id) + R"(,"gradeLevel":)" +
                std::to_string(grade_level) + R"(,"section":")" + section + R"(","capacity":40)" + extra + "}";
    return created_id(t.as(admin, Call{http::Method::post, "/api/v1/courses", body}), "courseId");
}

std::int64_t enroll_directly(TestApp& t, std::int64_t course_id)
{
    static int counter = 0;
    auto now = t.clock().now();
    auto tx = t.app().database().write();
    auto year = tx->query_value<std::int64_t>("SELECT school_year_id FROM courses WHERE course_id = $1", course_id);
    auto student = tx->query_value<std::int64_t>(
        "INSERT INTO students (student_code, first_name, last_name, date_of_birth, gender, place_of_birth, "
        "nationality, religion, address, commune, district, province, enrollment_date, created_at, updated_at) "
        "VALUES ($1, 'Dara', 'Sok', '2014-03-15', 'M', 'Phnom Penh', 'Khmer', 'Buddhism', 'St. 1', 'C', 'D', "
        "'Phnom Penh', '2026-09-01', $2, $2) RETURNING student_id",
        "FIXTURE-" + std::to_string(++counter), now);
    auto enrollment = tx->query_value<std::int64_t>(
        "INSERT INTO enrollments (student_id, course_id, school_year_id, enrollment_date, status, created_at, "
        "updated_at) VALUES ($1, $2, $3, '2026-09-01', 'active', $4, $4) RETURNING enrollment_id",
        *student, course_id, *year, now);
    tx->execute("UPDATE courses SET active_enrollments = active_enrollments + 1 WHERE course_id = $1", course_id);
    tx.commit();
    return *enrollment;
}

std::int64_t enrolled_student(TestApp& t, std::int64_t course_id, const std::string& gender,
                              const std::string& last_name)
{
    auto enrollment = enroll_directly(t, course_id);
    auto tx = t.app().database().write();
    auto student =
        tx->query_value<std::int64_t>("SELECT student_id FROM enrollments WHERE enrollment_id = $1", enrollment);
    tx->execute("UPDATE students SET gender = $2, last_name = $3 WHERE student_id = $1", *student, gender, last_name);
    tx.commit();
    return *student;
}

std::int64_t make_semester(TestApp& t, const SignedIn& admin, std::int64_t school_year_id, int order,
                           const std::string& start, const std::string& end)
{
    auto body = R"({"schoolYearId":)" + std::to_string(school_year_id) + R"(,"name":"Semester )" +
                std::to_string(order) + R"(","order":)" + std::to_string(order) + R"(,"startDate":")" + start +
                R"(","endDate":")" + end + R"("})";
    return created_id(t.as(admin, Call{http::Method::post, "/api/v1/semesters", body}), "semesterId");
}

void assign_subjects(TestApp& t, const SignedIn& admin, std::int64_t course_id, const std::string& subjects)
{
    auto reply = t.as(admin, Call{http::Method::put, "/api/v1/courses/" + std::to_string(course_id) + "/subjects",
                                  R"({"subjects":)" + subjects + "}"});
    EXPECT_EQ(reply.status, 200u) << reply.body;
}

std::vector<std::string> error_details(const Reply& reply)
{
    std::vector<std::string> out;
    if (!reply.json.is_object() || !reply.json.as_object().contains("error")) {
        return out;
    }
    const auto& error = reply.json.at("error").as_object();
    if (!error.contains("details")) {
        return out;
    }
    for (const auto& d : error.at("details").as_array()) {
        out.push_back(std::string(d.at("field").as_string()) + ":" + std::string(d.at("code").as_string()));
    }
    return out;
}

}  // namespace sala::test
