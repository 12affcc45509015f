// Student records through the API: registration in the seed's shape with generated codes,
// validation, guardians shared by siblings, PUT/PATCH/DELETE with ETags, scholarships, lists with
// filters, search and both kinds of paging, and who sees the sensitive fields.
#include "support/test_app.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <future>
#include <set>

namespace sala {
namespace {

namespace bj = boost::json;
using http::Method;
using test::Call;
using test::Reply;
using test::TestApp;

// A complete registration; tests change what they need.
bj::object registration(std::string first = "Dara", std::string last = "Sok")
{
    auto body = bj::parse(R"({
      "studentInfo": {"firstName": "", "lastName": "", "firstNameKh": "ដារា", "lastNameKh": "សុខ",
        "dateOfBirth": "2014-03-15", "gender": "M", "placeOfBirth": "Phnom Penh", "nationality": "Khmer",
        "religion": "Buddhism", "address": "St. 271, No. 12", "commune": "Tuol Tumpung", "district": "Chamkar Mon",
        "province": "Phnom Penh", "phoneNumber": "012 345 678", "email": "dara@example.com",
        "emergencyContact": "Sok Chenda", "emergencyPhone": "+855 12 999 888", "medicalConditions": "Asthma",
        "allergies": "Peanuts", "medications": "Inhaler", "bloodType": "O+"},
      "guardianInfo": {
        "primaryGuardian": {"firstName": "Chenda", "lastName": "Sok", "relation": "mother", "phone": "012 111 222",
          "occupation": "Nurse", "email": "chenda@example.com"},
        "secondaryGuardian": {"firstName": "Vuthy", "lastName": "Sok", "relation": "father", "phone": "012 333 444"}},
      "familyInfo": {"familyComposition": "Two parents, two children", "familySize": 4, "monthlyIncome": 450.5,
        "hasPovertyCard": true, "povertyCardNumber": "PC-2291", "specialCircumstances": "Lives with grandmother"}
    })").as_object();
    body["studentInfo"].as_object()["firstName"] = first;
    body["studentInfo"].as_object()["lastName"] = last;
    return body;
}

class StudentsTest : public ::testing::Test {
protected:
    StudentsTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        t.add_user("teacher", "teacher");
        teacher = t.sign_in("teacher");
    }
    Reply send(Method m, const std::string& target, const bj::object& body,
               std::vector<std::pair<std::string, std::string>> headers = {})
    {
        return t.as(admin, Call{m, target, bj::serialize(body), std::move(headers)});
    }
    Reply create(const bj::object& body) { return send(Method::post, "/api/v1/students", body); }
    std::int64_t create_id(const bj::object& body)
    {
        auto r = create(body);
        EXPECT_EQ(r.status, 201u) << r.body;
        return r.status == 201 ? r.data().at("studentId").as_int64() : 0;
    }
    Reply get(const std::string& target) { return t.get_as(admin, target); }
    static std::string path(std::int64_t id) { return "/api/v1/students/" + std::to_string(id); }

    static std::vector<std::string> names(const Reply& r)
    {
        std::vector<std::string> out;
        for (const auto& s : r.data().as_array()) {
            out.emplace_back(s.at("firstName").as_string());
        }
        return out;
    }

    TestApp t;
    test::SignedIn admin;
    test::SignedIn teacher;
};

TEST_F(StudentsTest, ARegistrationIsStoredWhole)
{
    auto r = create(registration());
    ASSERT_EQ(r.status, 201u) << r.body;
    const auto& s = r.data().as_object();
    auto id = s.at("studentId").as_int64();
    EXPECT_EQ(r.header("Location"), path(id));
    EXPECT_EQ(r.header("ETag"), "\"1\"");
    EXPECT_EQ(s.at("studentCode"), "STU-2026-0001");
    for (auto field : {"studentId", "studentCode", "firstName", "lastName", "firstNameKh", "lastNameKh", "dateOfBirth",
                       "gender", "placeOfBirth", "nationality", "religion", "address", "commune", "district",
                       "province", "phoneNumber", "email", "emergencyContact", "emergencyPhone", "medicalConditions",
                       "allergies", "medications", "bloodType", "photo", "status", "enrollmentDate",
                       "graduationDate", "createdAt", "updatedAt", "guardians", "family", "scholarships",
                       "enrollments"}) {
        EXPECT_TRUE(s.contains(field)) << field;
    }
    EXPECT_EQ(s.size(), 33u);
    EXPECT_EQ(s.at("firstNameKh"), "ដារា");
    EXPECT_EQ(s.at("dateOfBirth"), "2014-03-15");
    EXPECT_EQ(s.at("status"), "active");
    EXPECT_EQ(s.at("enrollmentDate"), "2026-09-01");  // today, when not given
    EXPECT_EQ(s.at("bloodType"), "O+");
    EXPECT_TRUE(s.at("photo").is_null());
    ASSERT_EQ(s.at("guardians").as_array().size(), 2u);
    const auto& mother = s.at("guardians").at(0);
    EXPECT_EQ(mother.at("relation"), "mother");
    EXPECT_EQ(mother.at("isPrimary"), true);
    EXPECT_EQ(mother.at("occupation"), "Nurse");
    EXPECT_EQ(s.at("guardians").at(1).at("relation"), "father");
    EXPECT_EQ(s.at("guardians").at(1).at("isPrimary"), false);
    EXPECT_EQ(s.at("family").at("monthlyIncome"), 450.5);
    EXPECT_EQ(s.at("family").at("povertyCardNumber"), "PC-2291");
    EXPECT_TRUE(s.at("scholarships").as_array().empty());
    EXPECT_TRUE(s.at("enrollments").as_array().empty());

    auto fetched = get(path(id));
    ASSERT_EQ(fetched.status, 200u);
    EXPECT_EQ(fetched.data(), r.data());
    EXPECT_EQ(fetched.header("ETag"), "\"1\"");
    // A client that has this version gets 304.
    auto cached = t.as(admin, Call{Method::get, path(id), {}, {{"If-None-Match", "\"1\""}}});
    EXPECT_EQ(cached.status, 304u);
    EXPECT_TRUE(cached.body.empty());
    EXPECT_EQ(get(path(id + 1)).status, 404u);
}

TEST_F(StudentsTest, CodesFollowThePatternAndNextIdReservesNothing)
{
    auto next = get("/api/v1/students/next-id");
    ASSERT_EQ(next.status, 200u);
    EXPECT_EQ(next.data().at("studentCode"), "STU-2026-0001");
    EXPECT_EQ(get("/api/v1/students/next-id").data().at("studentCode"), "STU-2026-0001");
    create_id(registration("A"));
    EXPECT_EQ(get("/api/v1/students/next-id").data().at("studentCode"), "STU-2026-0002");

    // A code given by hand is kept; generated codes step over it.
    auto manual = registration("B");
    manual["studentCode"] = "STU-2026-0002";
    auto r = create(manual);
    ASSERT_EQ(r.status, 201u) << r.body;
    EXPECT_EQ(r.data().at("studentCode"), "STU-2026-0002");
    EXPECT_EQ(get("/api/v1/students/next-id").data().at("studentCode"), "STU-2026-0003");
    EXPECT_EQ(create(registration("C")).data().at("studentCode"), "STU-2026-0003");

    // Codes are unique.
    auto taken = create(manual);
    EXPECT_EQ(taken.status, 409u);
    EXPECT_EQ(taken.error_fields(), std::vector<std::string>{"studentCode"});
    manual["studentCode"] = "has spaces";
    EXPECT_EQ(create(manual).error_fields(), std::vector<std::string>{"studentCode"});

    // A new year starts again at 1.
    t.clock().advance(std::chrono::days(140));
    admin = t.sign_in("admin");
    EXPECT_EQ(create(registration("D")).data().at("studentCode"), "STU-2027-0001");
}

TEST_F(StudentsTest, ConcurrentRegistrationsNeverShareACode)
{
    std::vector<std::future<std::string>> results;
    for (int i = 0; i < 8; ++i) {
        results.push_back(std::async(std::launch::async, [this, i] {
            auto r = create(registration("Racer" + std::to_string(i)));
            EXPECT_EQ(r.status, 201u) << r.body;
            return r.status == 201u ? std::string(r.data().at("studentCode").as_string()) : std::string();
        }));
    }
    std::set<std::string> codes;
    for (auto& r : results) {
        codes.insert(r.get());
    }
    EXPECT_EQ(codes.size(), 8u);
    EXPECT_EQ(codes.count(""), 0u);
    EXPECT_EQ(*codes.begin(), "STU-2026-0001");
    EXPECT_EQ(*codes.rbegin(), "STU-2026-0008");
}

TEST(StudentCodes, ThePatternIsConfigurable)
{
    app::Config config;
    config.student_code_pattern = "PS{year}/{seq:3}";
    TestApp t(config);
    t.add_user("admin", "admin");
    auto admin = t.sign_in("admin");
    auto r = t.as(admin, Call{Method::post, "/api/v1/students", bj::serialize(registration())});
    ASSERT_EQ(r.status, 201u) << r.body;
    EXPECT_EQ(r.data().at("studentCode"), "PS2026/001");
}

TEST_F(StudentsTest, EveryBadFieldIsReportedAtOnce)
{
    auto body = registration();
    auto& info = body["studentInfo"].as_object();
    info["dateOfBirth"] = "2026-01-10";  // nine months old
    info["gender"] = "X";
    info["email"] = "not-an-email";
    info["phoneNumber"] = "call me";
    info["bloodType"] = "Z";
    info["province"] = "  ";
    info["status"] = "expelled";
    info.erase("religion");
    body["guardianInfo"].as_object()["primaryGuardian"].as_object()["relation"] = "uncle";
    body["guardianInfo"].as_object()["secondaryGuardian"].as_object().erase("phone");
    body["familyInfo"].as_object().erase("povertyCardNumber");
    body["familyInfo"].as_object()["familySize"] = 0;
    auto r = create(body);
    ASSERT_EQ(r.status, 422u);
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR");
    auto fields = r.error_fields();
    std::sort(fields.begin(), fields.end());
    // A missing required field is reported while reading the body, before the rules run.
    EXPECT_EQ(fields, (std::vector<std::string>{"studentInfo.religion"}));

    info["religion"] = "Buddhism";
    r = create(body);
    ASSERT_EQ(r.status, 422u);
    fields = r.error_fields();
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{
                          "familyInfo.familySize", "familyInfo.povertyCardNumber",
                          "guardianInfo.primaryGuardian.relation", "guardianInfo.secondaryGuardian.phone",
                          "studentInfo.bloodType", "studentInfo.dateOfBirth", "studentInfo.email",
                          "studentInfo.gender", "studentInfo.phoneNumber", "studentInfo.province",
                          "studentInfo.status"}));

    // Dates must be real.
    auto dated = registration();
    auto& dates = dated["studentInfo"].as_object();
    dates["dateOfBirth"] = "2014-02-30";
    EXPECT_EQ(create(dated).error_fields(), std::vector<std::string>{"studentInfo.dateOfBirth"});
    // Enrolled before being born, graduated before enrolling.
    dates["dateOfBirth"] = "2014-03-15";
    dates["enrollmentDate"] = "2013-09-01";
    dates["graduationDate"] = "2012-06-30";
    fields = create(dated).error_fields();
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"studentInfo.enrollmentDate", "studentInfo.graduationDate"}));
    // Too long.
    auto named = registration(std::string(101, 'a'));
    EXPECT_EQ(create(named).error_fields(), std::vector<std::string>{"studentInfo.firstName"});
    // Nothing was stored.
    EXPECT_EQ(get("/api/v1/students").json.at("pagination").at("total"), 0);
}

TEST_F(StudentsTest, SiblingsShareGuardians)
{
    auto first = create(registration("Dara"));
    ASSERT_EQ(first.status, 201u);
    auto mother_id = first.data().at("guardians").at(0).at("guardianId").as_int64();
    auto father_id = first.data().at("guardians").at(1).at("guardianId").as_int64();

    auto sibling = registration("Bopha");
    sibling["studentInfo"].as_object()["gender"] = "F";
    sibling["guardianInfo"] = bj::object{
        {"primaryGuardian", bj::object{{"guardianId", mother_id}, {"relation", "mother"}}},
        {"secondaryGuardian", bj::object{{"guardianId", father_id}, {"relation", "father"}}}};
    auto second = create(sibling);
    ASSERT_EQ(second.status, 201u) << second.body;
    EXPECT_EQ(second.data().at("guardians").at(0).at("firstName"), "Chenda");
    EXPECT_EQ(second.data().at("guardians").at(0).at("guardianId"), mother_id);

    auto mother = get("/api/v1/guardians/" + std::to_string(mother_id));
    ASSERT_EQ(mother.status, 200u);
    ASSERT_EQ(mother.data().at("students").as_array().size(), 2u);
    EXPECT_EQ(mother.data().at("students").at(1).at("firstName"), "Bopha");
    EXPECT_EQ(get("/api/v1/guardians?q=chen").json.at("pagination").at("total"), 1);
    EXPECT_EQ(get("/api/v1/guardians").json.at("pagination").at("total"), 2);

    // Changing the person shows on both children, whose versions move.
    auto etag = get(path(first.data().at("studentId").as_int64())).header("ETag");
    auto changed = send(Method::put, "/api/v1/guardians/" + std::to_string(mother_id),
                        bj::object{{"firstName", "Chenda"}, {"lastName", "Sok"}, {"phone", "017 000 111"}},
                        {{"If-Match", mother.header("ETag")}});
    ASSERT_EQ(changed.status, 200u) << changed.body;
    EXPECT_EQ(get(path(second.data().at("studentId").as_int64())).data().at("guardians").at(0).at("phone"),
              "017 000 111");
    EXPECT_NE(get(path(first.data().at("studentId").as_int64())).header("ETag"), etag);
    auto stale = send(Method::put, "/api/v1/guardians/" + std::to_string(mother_id),
                      bj::object{{"firstName", "C"}, {"lastName", "S"}, {"phone", "017 000 111"}},
                      {{"If-Match", mother.header("ETag")}});
    EXPECT_EQ(stale.status, 412u);
    EXPECT_EQ(send(Method::put, "/api/v1/guardians/" + std::to_string(mother_id),
                   bj::object{{"firstName", ""}, {"lastName", "S"}, {"phone", "x"}})
                  .error_fields(),
              (std::vector<std::string>{"firstName", "phone"}));

    // Linking someone who does not exist, or mixing a link with a person's details.
    auto unknown = registration("C");
    unknown["guardianInfo"].as_object()["primaryGuardian"] = bj::object{{"guardianId", 999}, {"relation", "mother"}};
    auto r = create(unknown);
    EXPECT_EQ(r.status, 422u);
    EXPECT_EQ(r.error_fields(), std::vector<std::string>{"guardianInfo.primaryGuardian.guardianId"});
    unknown["guardianInfo"].as_object()["primaryGuardian"] =
        bj::object{{"guardianId", mother_id}, {"relation", "mother"}, {"phone", "012 000 000"}};
    EXPECT_EQ(create(unknown).error_fields(), std::vector<std::string>{"guardianInfo.primaryGuardian.phone"});
    unknown["guardianInfo"].as_object()["primaryGuardian"] = bj::object{{"guardianId", mother_id}, {"relation", "mother"}};
    unknown["guardianInfo"].as_object()["secondaryGuardian"] = bj::object{{"guardianId", mother_id}, {"relation", "other"}};
    EXPECT_EQ(create(unknown).error_fields(), std::vector<std::string>{"guardianInfo.secondaryGuardian.guardianId"});
}

TEST_F(StudentsTest, PutReplacesAndPatchChangesSomeFields)
{
    auto id = create_id(registration());
    auto body = registration("Dara", "Chan");
    body["studentInfo"].as_object().erase("medicalConditions");
    body["studentInfo"].as_object()["status"] = "inactive";
    body["guardianInfo"].as_object().erase("secondaryGuardian");
    body["familyInfo"].as_object()["hasPovertyCard"] = false;
    body["familyInfo"].as_object().erase("povertyCardNumber");
    auto put = send(Method::put, path(id), body, {{"If-Match", "\"1\""}});
    ASSERT_EQ(put.status, 200u) << put.body;
    EXPECT_EQ(put.header("ETag"), "\"2\"");
    EXPECT_EQ(put.data().at("lastName"), "Chan");
    EXPECT_EQ(put.data().at("studentCode"), "STU-2026-0001");  // kept
    EXPECT_EQ(put.data().at("status"), "inactive");
    EXPECT_TRUE(put.data().at("medicalConditions").is_null());
    EXPECT_EQ(put.data().at("guardians").as_array().size(), 1u);
    EXPECT_TRUE(put.data().at("family").at("povertyCardNumber").is_null());
    // The father, linked to nobody now, is gone.
    EXPECT_EQ(get("/api/v1/guardians").json.at("pagination").at("total"), 1);
    // Stale: the version moved on.
    EXPECT_EQ(send(Method::put, path(id), body, {{"If-Match", "\"1\""}}).status, 412u);
    EXPECT_EQ(send(Method::put, path(id), body, {{"If-Match", "garbage"}}).status, 412u);
    EXPECT_EQ(send(Method::put, path(999), body).status, 404u);

    auto patch = send(Method::patch, path(id), bj::object{{"phoneNumber", nullptr}, {"province", "Kampot"}},
                      {{"If-Match", "\"2\""}});
    ASSERT_EQ(patch.status, 200u) << patch.body;
    EXPECT_EQ(patch.header("ETag"), "\"3\"");
    EXPECT_TRUE(patch.data().at("phoneNumber").is_null());
    EXPECT_EQ(patch.data().at("province"), "Kampot");
    EXPECT_EQ(patch.data().at("lastName"), "Chan");  // absent fields stay
    EXPECT_EQ(get(path(id)).data(), patch.data());

    EXPECT_EQ(send(Method::patch, path(id), bj::object{{"province", "Kep"}}, {{"If-Match", "\"2\""}}).status, 412u);
    auto bad = send(Method::patch, path(id), bj::object{{"firstName", nullptr}, {"gender", "X"}});
    EXPECT_EQ(bad.status, 422u);
    EXPECT_EQ(bad.error_fields(), std::vector<std::string>{"firstName"});
    bad = send(Method::patch, path(id), bj::object{{"gender", "X"}, {"email", "nope"}});
    auto fields = bad.error_fields();
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"email", "gender"}));
    EXPECT_EQ(send(Method::patch, path(id), bj::object{{"studentCode", "X"}}).error_fields(),
              std::vector<std::string>{"studentCode"});
    // Search follows the new name.
    EXPECT_EQ(get("/api/v1/students?q=chan").json.at("pagination").at("total"), 1);
    EXPECT_EQ(get("/api/v1/students?q=sok").json.at("pagination").at("total"), 0);
}

TEST_F(StudentsTest, OldRecordsStayEditable)
{
    auto id = create_id(registration());
    // Years later, the birth date is no longer plausible for a new registration, but the record
    // can still be changed.
    t.clock().advance(std::chrono::days(365 * 31));
    admin = t.sign_in("admin");
    auto patch = send(Method::patch, path(id), bj::object{{"status", "graduated"}, {"graduationDate", "2032-06-30"}});
    EXPECT_EQ(patch.status, 200u) << patch.body;
}

TEST_F(StudentsTest, DeletingRemovesTheStudentAndTheirLinks)
{
    auto first = create(registration("Dara"));
    auto id = first.data().at("studentId").as_int64();
    auto mother_id = first.data().at("guardians").at(0).at("guardianId").as_int64();
    auto sibling = registration("Bopha");
    sibling["guardianInfo"] =
        bj::object{{"primaryGuardian", bj::object{{"guardianId", mother_id}, {"relation", "mother"}}}};
    auto sibling_id = create_id(sibling);

    EXPECT_EQ(t.as(admin, Call{Method::delete_, path(id), {}, {{"If-Match", "\"7\""}}}).status, 412u);
    EXPECT_EQ(t.as(admin, Call{Method::delete_, path(id), {}, {{"If-Match", "\"1\""}}}).status, 204u);
    EXPECT_EQ(get(path(id)).status, 404u);
    EXPECT_EQ(t.as(admin, Call{Method::delete_, path(id)}).status, 404u);
    // The shared mother stays with the sibling; the father, nobody's now, is gone.
    EXPECT_EQ(get("/api/v1/guardians/" + std::to_string(mother_id)).data().at("students").as_array().size(), 1u);
    EXPECT_EQ(get("/api/v1/guardians").json.at("pagination").at("total"), 1);
    EXPECT_EQ(get(path(sibling_id)).status, 200u);
    EXPECT_EQ(get("/api/v1/students?q=dara").json.at("pagination").at("total"), 0);
}

TEST_F(StudentsTest, Scholarships)
{
    auto id = create_id(registration());
    auto added = send(Method::post, path(id) + "/scholarships",
                      bj::object{{"type", "Merit"}, {"sponsor", "Friendship Fund"}, {"amount", 120.75},
                                 {"startDate", "2026-09-01"}, {"endDate", "2027-06-30"}});
    ASSERT_EQ(added.status, 201u) << added.body;
    auto sid = added.data().at("scholarshipId").as_int64();
    EXPECT_EQ(added.data().at("status"), "active");
    EXPECT_EQ(added.header("Location"), path(id) + "/scholarships/" + std::to_string(sid));
    auto student = get(path(id));
    EXPECT_EQ(student.header("ETag"), "\"2\"");
    ASSERT_EQ(student.data().at("scholarships").as_array().size(), 1u);
    EXPECT_EQ(student.data().at("scholarships").at(0).at("amount"), 120.75);
    EXPECT_EQ(get("/api/v1/students?hasScholarship=true").json.at("pagination").at("total"), 1);

    auto suspended = send(Method::put, path(id) + "/scholarships/" + std::to_string(sid),
                          bj::object{{"type", "Merit"}, {"sponsor", "Friendship Fund"}, {"amount", 120.75},
                                     {"startDate", "2026-09-01"}, {"status", "suspended"}});
    ASSERT_EQ(suspended.status, 200u) << suspended.body;
    EXPECT_EQ(get(path(id)).data().at("scholarships").at(0).at("status"), "suspended");
    EXPECT_EQ(get("/api/v1/students?hasScholarship=true").json.at("pagination").at("total"), 0);
    EXPECT_EQ(get("/api/v1/students?hasScholarship=false").json.at("pagination").at("total"), 1);

    auto bad = send(Method::post, path(id) + "/scholarships",
                    bj::object{{"type", ""}, {"sponsor", "X"}, {"amount", -1}, {"startDate", "2026-09-01"},
                               {"endDate", "2026-01-01"}, {"status", "paused"}});
    auto fields = bad.error_fields();
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"amount", "endDate", "status", "type"}));
    EXPECT_EQ(send(Method::post, path(999) + "/scholarships",
                   bj::object{{"type", "Merit"}, {"sponsor", "X"}, {"amount", 1}, {"startDate", "2026-09-01"}})
                  .status,
              404u);
    // A scholarship belongs to its student: another student's path does not reach it.
    auto other = create_id(registration("Other"));
    EXPECT_EQ(t.as(admin, Call{Method::delete_, path(other) + "/scholarships/" + std::to_string(sid)}).status, 404u);
    EXPECT_EQ(t.as(admin, Call{Method::delete_, path(id) + "/scholarships/" + std::to_string(sid)}).status, 204u);
    EXPECT_TRUE(get(path(id)).data().at("scholarships").as_array().empty());
}

TEST_F(StudentsTest, ListsFilterSearchAndSort)
{
    auto make = [&](std::string first, std::string last, std::string gender, std::string province,
                    std::optional<std::string> khmer = std::nullopt) {
        auto body = registration(std::move(first), std::move(last));
        auto& info = body["studentInfo"].as_object();
        info["gender"] = gender;
        info["province"] = province;
        if (khmer) {
            info["firstNameKh"] = *khmer;
        } else {
            info.erase("firstNameKh");
        }
        return create_id(body);
    };
    make("Dara", "Sok", "M", "Phnom Penh", "ដារា");
    make("Bopha", "Chan", "F", "Kampot", "បុប្ផា");
    make("Sophea", "Chan", "F", "Phnom Penh");
    auto vanna = make("Vanna", "Kim", "M", "Kampot", "វណ្ណា");
    ASSERT_EQ(send(Method::patch, path(vanna), bj::object{{"status", "transferred"}}).status, 200u);

    auto all = get("/api/v1/students");
    ASSERT_EQ(all.status, 200u);
    EXPECT_EQ(all.json.at("pagination").at("total"), 4);
    EXPECT_EQ(names(all), (std::vector<std::string>{"Bopha", "Sophea", "Vanna", "Dara"}));  // last, first name
    EXPECT_EQ(names(get("/api/v1/students?sort=-firstName")),
              (std::vector<std::string>{"Vanna", "Sophea", "Dara", "Bopha"}));
    EXPECT_EQ(names(get("/api/v1/students?sort=studentCode")),
              (std::vector<std::string>{"Dara", "Bopha", "Sophea", "Vanna"}));
    EXPECT_EQ(names(get("/api/v1/students?gender=F")), (std::vector<std::string>{"Bopha", "Sophea"}));
    EXPECT_EQ(names(get("/api/v1/students?province=Kampot&status=active")), (std::vector<std::string>{"Bopha"}));
    EXPECT_EQ(names(get("/api/v1/students?status=transferred")), (std::vector<std::string>{"Vanna"}));

    // Search: every word must begin a name word (Latin or Khmer) or the code, in any case.
    EXPECT_EQ(names(get("/api/v1/students?q=CHAN")), (std::vector<std::string>{"Bopha", "Sophea"}));
    EXPECT_EQ(names(get("/api/v1/students?q=chan%20so")), (std::vector<std::string>{"Sophea"}));
    EXPECT_EQ(names(get("/api/v1/students?q=ph")), (std::vector<std::string>{}));  // not a word start
    EXPECT_EQ(names(get("/api/v1/students?q=%E1%9E%94%E1%9E%BB")), (std::vector<std::string>{"Bopha"}));  // "បុ"
    EXPECT_EQ(names(get("/api/v1/students?q=STU-2026-0003")), (std::vector<std::string>{"Sophea"}));
    EXPECT_EQ(names(get("/api/v1/students?q=0004")), (std::vector<std::string>{"Vanna"}));
    EXPECT_EQ(names(get("/api/v1/students?q=chan&gender=M")), (std::vector<std::string>{}));

    for (std::string bad : {"/api/v1/students?sort=medicalConditions", "/api/v1/students?status=expelled",
                            "/api/v1/students?gender=X", "/api/v1/students?gradeLevel=seven",
                            "/api/v1/students?hasScholarship=maybe", "/api/v1/students?colour=red",
                            "/api/v1/students?cursor=abc", "/api/v1/students?limit=0"}) {
        EXPECT_EQ(get(bad).status, 400u) << bad;
    }
}

TEST_F(StudentsTest, PagesAndCursorsWalkTheWholeList)
{
    for (int i = 0; i < 7; ++i) {
        create_id(registration("Student" + std::to_string(i), i % 2 == 0 ? "Chan" : "Sok"));
    }
    auto first = get("/api/v1/students?limit=3&sort=lastName,-firstName");
    ASSERT_EQ(first.status, 200u);
    const auto& p = first.json.at("pagination");
    EXPECT_EQ(p.at("total"), 7);
    EXPECT_EQ(p.at("totalPages"), 3);
    EXPECT_EQ(p.at("hasNext"), true);
    ASSERT_TRUE(p.at("nextCursor").is_string());

    auto by_page = names(first);
    for (int page = 2; page <= 3; ++page) {
        auto r = get("/api/v1/students?limit=3&sort=lastName,-firstName&page=" + std::to_string(page));
        auto more = names(r);
        by_page.insert(by_page.end(), more.begin(), more.end());
    }
    EXPECT_EQ(by_page, (std::vector<std::string>{"Student6", "Student4", "Student2", "Student0", "Student5", "Student3",
                                                 "Student1"}));

    // The cursor continues after the last row seen, even when rows are added before it meanwhile.
    std::vector<std::string> by_cursor = names(first);
    auto cursor = std::string(p.at("nextCursor").as_string());
    create_id(registration("Student9", "Chan"));  // sorts first: no page shifts
    for (int guard = 0; guard < 5 && !cursor.empty(); ++guard) {
        auto r = get("/api/v1/students?limit=3&sort=lastName,-firstName&cursor=" + cursor);
        ASSERT_EQ(r.status, 200u) << r.body;
        auto more = names(r);
        by_cursor.insert(by_cursor.end(), more.begin(), more.end());
        const auto& next = r.json.at("pagination").at("nextCursor");
        cursor = next.is_string() ? std::string(next.as_string()) : "";
    }
    EXPECT_EQ(by_cursor, (std::vector<std::string>{"Student6", "Student4", "Student2", "Student0", "Student5",
                                                   "Student3", "Student1"}));
    EXPECT_EQ(get("/api/v1/students?page=2&cursor=" + std::string(p.at("nextCursor").as_string())).status, 400u);
    // A cursor of another sort order does not fit.
    EXPECT_EQ(get("/api/v1/students?sort=lastName&cursor=" + std::string(p.at("nextCursor").as_string())).status,
              400u);
}

TEST_F(StudentsTest, SensitiveFieldsAreAbsentForOtherReaders)
{
    auto id = create_id(registration());
    auto own = get(path(id)).data().as_object();
    for (auto f : {"medicalConditions", "allergies", "medications", "bloodType"}) {
        EXPECT_TRUE(own.contains(f)) << f;
    }

    // A teacher who does not teach the student: absent, not null.
    for (const auto& s : {t.get_as(teacher, path(id)).data(), t.get_as(teacher, "/api/v1/students").data().at(0)}) {
        const auto& o = s.as_object();
        for (auto f : {"medicalConditions", "allergies", "medications", "bloodType"}) {
            EXPECT_FALSE(o.contains(f)) << f;
        }
        EXPECT_FALSE(o.at("family").as_object().contains("monthlyIncome"));
        EXPECT_FALSE(o.at("family").as_object().contains("povertyCardNumber"));
        EXPECT_EQ(o.at("family").at("hasPovertyCard"), true);
        EXPECT_EQ(o.at("firstName"), "Dara");
    }
    EXPECT_EQ(t.get_as(teacher, path(id)).body.find("Asthma"), std::string::npos);
    // Nor does what a teacher writes come back to them.
    auto written = t.as(teacher, Call{Method::patch, path(id), R"({"allergies":"Dust"})"});
    ASSERT_EQ(written.status, 200u);
    EXPECT_FALSE(written.data().as_object().contains("allergies"));
    EXPECT_EQ(get(path(id)).data().at("allergies"), "Dust");
}

TEST_F(StudentsTest, AnIdempotencyKeyReplaysTheFirstResponse)
{
    auto body = registration();
    auto first = send(Method::post, "/api/v1/students", body, {{"Idempotency-Key", "reg-1"}});
    ASSERT_EQ(first.status, 201u);
    auto again = send(Method::post, "/api/v1/students", body, {{"Idempotency-Key", "reg-1"}});
    EXPECT_EQ(again.status, 201u);
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(again.data(), first.data());
    EXPECT_EQ(again.header("Location"), first.header("Location"));
    EXPECT_EQ(get("/api/v1/students").json.at("pagination").at("total"), 1);

    // The same key with another body is a client error; another key is another registration.
    auto other = registration("Bopha");
    auto mismatch = send(Method::post, "/api/v1/students", other, {{"Idempotency-Key", "reg-1"}});
    EXPECT_EQ(mismatch.status, 422u);
    EXPECT_EQ(send(Method::post, "/api/v1/students", other, {{"Idempotency-Key", "reg-2"}}).status, 201u);
    // Keys belong to their caller: another user's same key is theirs.
    EXPECT_EQ(t.as(teacher, Call{Method::post, "/api/v1/students", bj::serialize(registration("Sophea")),
                                 {{"Idempotency-Key", "reg-1"}}})
                  .status,
              201u);
    EXPECT_EQ(get("/api/v1/students").json.at("pagination").at("total"), 3);

    // A failed request does not hold its key: fixed, it goes through.
    auto broken = registration("Vanna");
    broken["studentInfo"].as_object()["gender"] = "X";
    EXPECT_EQ(send(Method::post, "/api/v1/students", broken, {{"Idempotency-Key", "reg-3"}}).status, 422u);
    auto replay = send(Method::post, "/api/v1/students", broken, {{"Idempotency-Key", "reg-3"}});
    EXPECT_EQ(replay.status, 422u);
    // 24 hours later the key is forgotten.
    t.clock().advance(std::chrono::hours(25));
    admin = t.sign_in("admin");
    auto later = send(Method::post, "/api/v1/students", body, {{"Idempotency-Key", "reg-1"}});
    EXPECT_EQ(later.status, 201u);
    EXPECT_EQ(later.header("Idempotent-Replayed"), "");
}

TEST_F(StudentsTest, WritesAreInTheActivityLog)
{
    auto id = create_id(registration());
    send(Method::patch, path(id), bj::object{{"province", "Kampot"}});
    t.as(admin, Call{Method::delete_, path(id)});
    auto log = get("/api/v1/activity-logs?resource=students");
    ASSERT_EQ(log.status, 200u) << log.body;
    std::vector<std::string> actions;
    for (const auto& e : log.data().as_array()) {
        actions.emplace_back(e.at("action").as_string());
        EXPECT_EQ(e.at("resourceId").as_string(), std::to_string(id));
    }
    // Newest first.
    EXPECT_EQ(actions, (std::vector<std::string>{"students.delete", "students.update", "students.create"}));
}

TEST_F(StudentsTest, PermissionsAreChecked)
{
    EXPECT_EQ(t.get("/api/v1/students").status, 401u);
    EXPECT_EQ(t.call(Call{Method::post, "/api/v1/students", bj::serialize(registration())}).status, 401u);
    // Teachers register and change students (the seed's matrix).
    EXPECT_EQ(t.as(teacher, Call{Method::post, "/api/v1/students", bj::serialize(registration())}).status, 201u);
    // A read-only key cannot write.
    auto key = t.as(admin, Call{Method::post, "/api/v1/api-keys", R"({"name":"sis","scopes":["students:read"]})"});
    ASSERT_EQ(key.status, 201u) << key.body;
    auto secret = std::string(key.data().at("key").as_string());
    EXPECT_EQ(t.call(Call{Method::get, "/api/v1/students", {}, {{"X-API-Key", secret}}}).status, 200u);
    EXPECT_EQ(t.call(Call{Method::post, "/api/v1/students", bj::serialize(registration()), {{"X-API-Key", secret}}})
                  .status,
              403u);
    EXPECT_EQ(t.call(Call{Method::get, "/api/v1/students/next-id", {}, {{"X-API-Key", secret}}}).status, 403u);
}

}  // namespace
}  // namespace sala
