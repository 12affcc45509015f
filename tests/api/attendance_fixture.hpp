// The school the attendance tests share: a year from 1 August 2026 with a first semester from
// 1 September, classes 7A (homeroom teacher Sokha, three students) and 7B (Dara, one student), all
// enrolled on 1 September, and a clock on Thursday 10 September 2026.
#pragma once

#include "support/structure_fixtures.hpp"
#include "support/test_app.hpp"

#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sala::test {

class AttendanceFixture : public ::testing::Test {
protected:
    AttendanceFixture()
    {
        using namespace std::chrono;
        t.clock().set(sys_days(year_month_day(std::chrono::year(2026), September, day(10))) + hours(8));
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        sokha_id = t.add_user("sokha", "teacher");
        sokha = t.sign_in("sokha");
        dara_id = t.add_user("dara", "teacher");
        dara = t.sign_in("dara");
        year = make_school_year(t, admin, "2026-2027", "2026-08-01", "2027-07-31", true);
        auto semester = send(admin, http::Method::post, "/api/v1/semesters",
                             R"({"schoolYearId":)" + std::to_string(year) +
                                 R"(,"name":"Semester 1","order":1,"startDate":"2026-09-01","endDate":"2027-01-15"})");
        EXPECT_EQ(semester.status, 201u) << semester.body;
        semester_id = semester.status == 201u ? semester.data().at("semesterId").as_int64() : 0;
        a7 = make_course(t, admin, year, 7, "A", R"(,"homeroomTeacherId":)" + std::to_string(sokha_id));
        b7 = make_course(t, admin, year, 7, "B", R"(,"homeroomTeacherId":)" + std::to_string(dara_id));
        for (int i = 0; i < 3; ++i) {
            a7_students.push_back(student_of(enroll_directly(t, a7)));
        }
        b7_student = student_of(enroll_directly(t, b7));
    }

    std::int64_t student_of(std::int64_t enrollment_id)
    {
        auto lease = t.app().database().read();
        return lease
            ->query_value<std::int64_t>("SELECT student_id FROM enrollments WHERE enrollment_id = $1", enrollment_id)
            .value_or(0);
    }

    void sql(const std::string& statement, std::int64_t id)
    {
        auto tx = t.app().database().write();
        tx->execute(statement, id);
        tx.commit();
    }

    Reply send(const SignedIn& who, http::Method m, const std::string& target, std::string body = {},
               std::vector<std::pair<std::string, std::string>> headers = {})
    {
        return t.as(who, Call{m, target, std::move(body), std::move(headers)});
    }

    static std::string mark_body(std::int64_t student, std::int64_t course, const std::string& date,
                                 const std::string& session, const std::string& status, const std::string& extra = {})
    {
        return R"({"studentId":)" + std::to_string(student) + R"(,"courseId":)" + std::to_string(course) +
               R"(,"attendanceDate":")" + date + R"(","session":")" + session + R"(","status":")" + status + "\"" +
               extra + "}";
    }

    // POST /attendance.
    Reply mark(const SignedIn& who, std::int64_t student, std::int64_t course, const std::string& date,
               const std::string& session, const std::string& status, const std::string& extra = {})
    {
        return send(who, http::Method::post, "/api/v1/attendance",
                    mark_body(student, course, date, session, status, extra));
    }

    std::int64_t marked(std::int64_t student, std::int64_t course, const std::string& date, const std::string& session,
                        const std::string& status)
    {
        auto r = mark(admin, student, course, date, session, status);
        EXPECT_EQ(r.status, 201u) << r.body;
        return r.status == 201u ? r.data().at("attendanceId").as_int64() : 0;
    }

    static std::string register_path(std::int64_t course, const std::string& date, const std::string& session)
    {
        return "/api/v1/courses/" + std::to_string(course) + "/attendance/" + date + "/" + session;
    }

    static std::string row(std::int64_t student, const std::string& status, const std::string& extra = {})
    {
        return R"({"studentId":)" + std::to_string(student) + R"(,"status":")" + status + "\"" + extra + "}";
    }

    static double number(const boost::json::value& v) { return v.is_null() ? -1 : v.to_number<double>(); }

    TestApp t;
    SignedIn admin;
    SignedIn sokha;
    SignedIn dara;
    std::int64_t sokha_id = 0;
    std::int64_t dara_id = 0;
    std::int64_t year = 0;
    std::int64_t semester_id = 0;
    std::int64_t a7 = 0;
    std::int64_t b7 = 0;
    std::vector<std::int64_t> a7_students;
    std::int64_t b7_student = 0;
};

}  // namespace sala::test
