// The student, enrollment and file repositories on both backends: pages with their related data,
// keyset paging that neither skips nor repeats rows, search tokens in Latin and Khmer script,
// every list filter, guardians shared by siblings, the course seat counter, and file references.
#include "school/courses/course_repository.hpp"
#include "school/enrollments/enrollment_repository.hpp"
#include "school/files/file_repository.hpp"
#include "school/school_years/school_year_repository.hpp"
#include "school/students/student_repository.hpp"
#include "school/students/student_rules.hpp"
#include "school/users/user_repository.hpp"
#include "support/backend_test.hpp"
#include "support/test_app.hpp"

#include <algorithm>

namespace sala {
namespace {

using test::TestDatabase;
using namespace students;

class StudentRepositoryTest : public test::BackendTest {
protected:
    TimePoint now = test::default_start_time();

    static Date date(std::string_view text) { return *parse_date(text); }

    static StudentInfo info(std::string first, std::string last, std::string gender = "F")
    {
        StudentInfo i;
        i.first_name = std::move(first);
        i.last_name = std::move(last);
        i.date_of_birth = date("2014-03-02");
        i.gender = std::move(gender);
        i.place_of_birth = "Phnom Penh";
        i.nationality = "Khmer";
        i.religion = "Buddhism";
        i.address = "St 1";
        i.commune = "Boeng Keng Kang";
        i.district = "Chamkar Mon";
        i.province = "Phnom Penh";
        i.enrollment_date = date("2026-09-01");
        return i;
    }

    // A student as the service stores one: the row and its search tokens.
    std::int64_t student(db::Connection& c, const std::string& code, StudentInfo i)
    {
        auto id = repo::insert(c, code, i, now);
        EXPECT_GT(id, 0);
        auto stored = repo::find(c, id);
        repo::replace_search_tokens(c, id, search_tokens(*stored));
        return id;
    }

    std::int64_t course(db::Connection& c, std::int64_t year_id, std::int64_t grade, std::int64_t capacity = 40)
    {
        auto id = courses::repo::insert(
            c, courses::CourseInput{year_id, grade, "A", std::to_string(grade) + "A", std::nullopt, capacity, std::nullopt},
            now);
        EXPECT_TRUE(id);
        return id.value_or(0);
    }

    std::int64_t year(db::Connection& c, const std::string& name)
    {
        auto id = school_years::repo::insert(
            c, school_years::SchoolYearInput{name, date("2026-09-01"), date("2027-07-31"), false}, now);
        EXPECT_TRUE(id);
        return id.value_or(0);
    }

    std::int64_t enroll(db::Connection& c, std::int64_t student_id, std::int64_t course_id, std::int64_t year_id,
                        const std::string& status = "active")
    {
        return enrollments::repo::insert(
            c, enrollments::repo::Row{student_id, course_id, year_id, date("2026-09-01"), status, std::nullopt, std::nullopt},
            now);
    }

    static StudentFilter by_name()
    {
        StudentFilter f;
        f.order = {{"s.last_name", false}, {"s.first_name", false}, {"s.student_id", false}};
        f.limit = 100;
        return f;
    }

    static std::vector<std::string> codes(const StudentPage& page)
    {
        std::vector<std::string> out;
        for (const auto& r : page.records) {
            out.push_back(r.student.student_code);
        }
        return out;
    }
};

TEST_P(StudentRepositoryTest, APageCarriesEveryStudentsGuardiansFamilyScholarshipsAndEnrollments)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto y = year(*tx, "2026-2027");
    auto c7 = course(*tx, y, 7);
    auto a = student(*tx, "S-1", info("Dara", "Sok", "M"));
    auto b = student(*tx, "S-2", info("Sophea", "Sok"));
    auto lone = student(*tx, "S-3", info("Visal", "Chan", "M"));

    auto father = repo::insert_guardian(*tx, Guardian{0, "Vannak", "Sok", "012345678", "Farmer", std::nullopt,
                                                      std::nullopt, 1},
                                        now);
    repo::link_guardian(*tx, a, father, "father", true);
    repo::link_guardian(*tx, b, father, "father", true);
    repo::save_family(*tx, a, Family{"both parents", 5, 250.5, true, "PC-1", std::nullopt});
    auto scholarship = repo::insert_scholarship(
        *tx, b, Scholarship{0, "merit", "Rotary", 120.25, date("2026-11-01"), std::nullopt, "active"}, now);
    EXPECT_GT(scholarship, 0);
    enroll(*tx, a, c7, y);

    auto page = repo::list(*tx, by_name());
    EXPECT_EQ(page.total, 3);
    EXPECT_FALSE(page.more);
    ASSERT_EQ(codes(page), (std::vector<std::string>{"S-3", "S-1", "S-2"}));
    const auto& chan = page.records[0];
    const auto& dara = page.records[1];
    const auto& sophea = page.records[2];
    EXPECT_EQ(chan.student.student_id, lone);
    EXPECT_TRUE(chan.guardians.empty());
    EXPECT_FALSE(chan.family);

    ASSERT_EQ(dara.guardians.size(), 1u);
    EXPECT_EQ(dara.guardians[0].guardian.guardian_id, father);
    EXPECT_EQ(dara.guardians[0].relation, "father");
    EXPECT_TRUE(dara.guardians[0].is_primary);
    ASSERT_TRUE(dara.family);
    EXPECT_EQ(dara.family->monthly_income, 250.5);
    EXPECT_EQ(dara.family->poverty_card_number, "PC-1");
    ASSERT_EQ(dara.enrollments.size(), 1u);
    EXPECT_EQ(dara.enrollments[0].course_name, "7A");
    EXPECT_EQ(dara.enrollments[0].grade_level, 7);
    EXPECT_EQ(dara.enrollments[0].school_year_id, y);

    ASSERT_EQ(sophea.guardians.size(), 1u);
    EXPECT_EQ(sophea.guardians[0].guardian.guardian_id, father);
    ASSERT_EQ(sophea.scholarships.size(), 1u);
    EXPECT_EQ(sophea.scholarships[0].amount, 120.25);
    EXPECT_EQ(sophea.scholarships[0].start_date, date("2026-11-01"));

    // By id, in the order asked, unknown ids left out.
    std::vector<std::int64_t> ids{b, lone + 100, a};
    auto records = repo::records(*tx, ids);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].student.student_code, "S-2");
    EXPECT_EQ(records[1].student.student_code, "S-1");
    EXPECT_EQ(records[1].guardians.size(), 1u);
}

TEST_P(StudentRepositoryTest, KeysetPagesNeitherSkipNorRepeatRowsWithEqualSortValues)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    // Many equal last names, some equal first names too: the id decides between them.
    const char* lasts[] = {"Sok", "Chan", "Sok", "Keo", "Sok", "Chan", "Sok", "Ly", "Sok", "Keo", "Chan"};
    const char* firsts[] = {"Dara", "Dara", "Bopha", "Dara", "Dara", "Malis", "Dara", "Kanha", "Rithy", "Dara", "Dara"};
    for (std::size_t i = 0; i < std::size(lasts); ++i) {
        student(*tx, "S-" + std::to_string(i), info(firsts[i], lasts[i]));
    }
    for (bool descending : {false, true}) {
        auto f = by_name();
        for (auto& key : f.order) {
            key.descending = descending;
        }
        auto all = codes(repo::list(*tx, f));
        ASSERT_EQ(all.size(), std::size(lasts));

        std::vector<std::string> paged;
        f.limit = 3;
        f.count_total = false;
        for (int pages = 0; pages < 10; ++pages) {
            auto page = repo::list(*tx, f);
            auto got = codes(page);
            paged.insert(paged.end(), got.begin(), got.end());
            EXPECT_EQ(page.total, 0);  // not counted when not asked
            if (!page.more) {
                break;
            }
            EXPECT_EQ(page.last_key.size(), f.order.size());
            f.after = page.last_key;
        }
        EXPECT_EQ(paged, all) << (descending ? "descending" : "ascending");
    }
    // Offset paging gives the same rows.
    auto f = by_name();
    f.limit = 4;
    f.offset = 4;
    auto second = repo::list(*tx, f);
    EXPECT_EQ(second.total, 11);
    EXPECT_TRUE(second.more);
    auto all = codes(repo::list(*tx, by_name()));
    EXPECT_EQ(codes(second), (std::vector<std::string>(all.begin() + 4, all.begin() + 8)));
}

TEST_P(StudentRepositoryTest, SearchTokensMatchWordPrefixesInLatinAndKhmerAndTheCode)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto khmer = info("Sreyneang", "Chea");
    khmer.first_name_kh = "ស្រីនាង";
    khmer.last_name_kh = "ជា";
    student(*tx, "STU-2026-0001", khmer);
    student(*tx, "STU-2026-0002", info("Sokha", "Chan-Ly", "M"));
    student(*tx, "OLD-17", info("Chanthy", "Sok"));

    auto search = [&](std::string_view q) {
        auto f = by_name();
        f.q_tokens = query_tokens(q);
        return codes(repo::list(*tx, f));
    };
    EXPECT_EQ(search("srey"), std::vector<std::string>{"STU-2026-0001"});
    EXPECT_EQ(search("ស្រី"), std::vector<std::string>{"STU-2026-0001"});
    EXPECT_EQ(search("ជា ស្រីនាង"), std::vector<std::string>{"STU-2026-0001"});
    EXPECT_EQ(search("CHAN"), (std::vector<std::string>{"STU-2026-0002", "OLD-17"}));
    EXPECT_EQ(search("chan ly"), std::vector<std::string>{"STU-2026-0002"});
    EXPECT_EQ(search("stu-2026-0002"), std::vector<std::string>{"STU-2026-0002"});
    EXPECT_EQ(search("old"), std::vector<std::string>{"OLD-17"});
    EXPECT_TRUE(search("sokhax").empty());
    EXPECT_TRUE(search("eang").empty());  // prefixes only, not inside words
    EXPECT_TRUE(search("%").empty());
}

TEST_P(StudentRepositoryTest, EveryFilterSelectsItsStudents)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto y1 = year(*tx, "2025-2026");
    auto y2 = year(*tx, "2026-2027");
    auto c7 = course(*tx, y2, 7);
    auto c8 = course(*tx, y2, 8);
    auto old7 = course(*tx, y1, 7);

    auto a = student(*tx, "A", info("Dara", "Sok", "M"));
    auto b_info = info("Bopha", "Keo");
    b_info.province = "Takeo";
    auto b = student(*tx, "B", b_info);
    auto c_info = info("Chanthy", "Ly");
    c_info.status = "inactive";
    auto c = student(*tx, "C", c_info);
    student(*tx, "D", info("Dina", "Meas"));

    enroll(*tx, a, c7, y2);
    enroll(*tx, b, c8, y2);
    enroll(*tx, c, old7, y1, "completed");
    enroll(*tx, c, c7, y2, "dropped");
    ASSERT_GT(repo::insert_scholarship(
                  *tx, a, Scholarship{0, "need", "NGO", 50, date("2026-09-01"), std::nullopt, "active"}, now),
              0);
    ASSERT_GT(repo::insert_scholarship(
                  *tx, b, Scholarship{0, "need", "NGO", 50, date("2025-09-01"), date("2026-06-30"), "ended"}, now),
              0);

    auto select = [&](auto set) {
        auto f = by_name();
        set(f);
        auto page = repo::list(*tx, f);
        auto out = codes(page);
        EXPECT_EQ(page.total, static_cast<std::int64_t>(out.size()));
        std::sort(out.begin(), out.end());
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(select([](StudentFilter&) {}), (V{"A", "B", "C", "D"}));
    EXPECT_EQ(select([](StudentFilter& f) { f.status = "inactive"; }), V{"C"});
    EXPECT_EQ(select([](StudentFilter& f) { f.gender = "M"; }), V{"A"});
    EXPECT_EQ(select([](StudentFilter& f) { f.province = "Takeo"; }), V{"B"});
    EXPECT_EQ(select([](StudentFilter& f) { f.has_scholarship = true; }), V{"A"});  // only active ones count
    EXPECT_EQ(select([](StudentFilter& f) { f.has_scholarship = false; }), (V{"B", "C", "D"}));
    EXPECT_EQ(select([&](StudentFilter& f) { f.course_id = c7; }), V{"A"});  // dropped ones are not in it
    EXPECT_EQ(select([](StudentFilter& f) { f.grade_level = 7; }), V{"A"});
    EXPECT_EQ(select([&](StudentFilter& f) { f.school_year_id = y1; }), V{"C"});  // everyone who was
    EXPECT_EQ(select([&](StudentFilter& f) { f.school_year_id = y2; }), (V{"A", "B", "C"}));
    EXPECT_EQ(select([&](StudentFilter& f) {
                  f.school_year_id = y2;
                  f.grade_level = 8;
              }),
              V{"B"});
    EXPECT_EQ(select([](StudentFilter& f) { f.enrolled_only = true; }), (V{"A", "B"}));
    EXPECT_EQ(select([&](StudentFilter& f) {
                  f.enrolled_only = true;
                  f.school_year_id = y1;
              }),
              V{});
}

TEST_P(StudentRepositoryTest, GuardiansAreSharedAndRemovedOnlyWhenNoStudentIsLeft)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto a = student(*tx, "A", info("Dara", "Sok", "M"));
    auto b = student(*tx, "B", info("Sophea", "Sok"));
    auto mother = repo::insert_guardian(
        *tx, Guardian{0, "Malis", "Keo", "098765432", std::nullopt, "malis@example.org", std::nullopt, 1}, now);
    repo::link_guardian(*tx, a, mother, "mother", true);
    repo::link_guardian(*tx, b, mother, "mother", false);
    EXPECT_TRUE(repo::guardian_exists(*tx, mother));

    auto record = repo::find_guardian(*tx, mother);
    ASSERT_TRUE(record);
    ASSERT_EQ(record->students.size(), 2u);
    auto linked = repo::students_of_guardian(*tx, mother);
    std::sort(linked.begin(), linked.end());
    EXPECT_EQ(linked, (std::vector<std::int64_t>{a, b}));

    auto listed = repo::list_guardians(*tx, std::string("MAL"), 10, 0);
    EXPECT_EQ(listed.total, 1);
    EXPECT_EQ(repo::list_guardians(*tx, std::string("zzz"), 10, 0).total, 0);

    Guardian changed = record->guardian;
    changed.phone = "011222333";
    EXPECT_FALSE(repo::update_guardian(*tx, changed, 2, now));
    EXPECT_TRUE(repo::update_guardian(*tx, changed, 1, now));
    EXPECT_EQ(repo::find_guardian(*tx, mother)->guardian.row_version, 2);

    repo::unlink_guardians(*tx, a);
    repo::delete_orphan_guardians(*tx);
    EXPECT_TRUE(repo::guardian_exists(*tx, mother));
    EXPECT_EQ(repo::find_record(*tx, b)->guardians.size(), 1u);
    repo::unlink_guardians(*tx, b);
    repo::delete_orphan_guardians(*tx);
    EXPECT_FALSE(repo::guardian_exists(*tx, mother));
}

TEST_P(StudentRepositoryTest, WritesAreConditionalOnTheRowVersionAndCodesAreUnique)
{
    TestDatabase t(GetParam());
    std::int64_t id = 0;
    {
        auto tx = t.db().write();
        id = student(*tx, "A", info("Dara", "Sok", "M"));
        EXPECT_EQ(repo::find_by_code(*tx, "A"), id);
        EXPECT_FALSE(repo::find_by_code(*tx, "B"));
        auto changed = info("Dara", "Sok", "M");
        changed.medical_conditions = "asthma";
        EXPECT_FALSE(repo::update(*tx, id, "A", changed, 2, now));
        EXPECT_TRUE(repo::update(*tx, id, "A", changed, 1, now));
        EXPECT_TRUE(repo::touch(*tx, id, 2, now));
        EXPECT_FALSE(repo::touch(*tx, id, 2, now));
        auto stored = repo::find(*tx, id);
        EXPECT_EQ(stored->row_version, 3);
        EXPECT_EQ(stored->info.medical_conditions, "asthma");
        EXPECT_EQ(repo::next_sequence(*tx, "STU-2026"), 1);
        EXPECT_EQ(repo::next_sequence(*tx, "STU-2026"), 2);
        EXPECT_EQ(repo::peek_sequence(*tx, "STU-2026"), 2);
        EXPECT_EQ(repo::peek_sequence(*tx, "STU-2027"), 0);
        tx.commit();
    }
    {
        auto tx = t.db().write();
        EXPECT_THROW((void)repo::insert(*tx, "A", info("Other", "Person"), now), db::DbError);
    }
    auto tx = t.db().write();
    EXPECT_FALSE(repo::remove(*tx, id, 1));
    EXPECT_TRUE(repo::remove(*tx, id, 3));
    EXPECT_FALSE(repo::find(*tx, id));
}

TEST_P(StudentRepositoryTest, TheSeatCounterNeverPassesTheCapacity)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto y = year(*tx, "2026-2027");
    auto small = course(*tx, y, 7, 2);
    EXPECT_TRUE(enrollments::repo::take_seat(*tx, small));
    EXPECT_TRUE(enrollments::repo::take_seat(*tx, small));
    EXPECT_FALSE(enrollments::repo::take_seat(*tx, small));
    enrollments::repo::release_seat(*tx, small);
    EXPECT_TRUE(enrollments::repo::take_seat(*tx, small));

    auto a = student(*tx, "A", info("Dara", "Sok", "M"));
    auto first = enroll(*tx, a, small, y);
    EXPECT_EQ(enrollments::repo::active_in_year(*tx, a, y, 0), first);
    EXPECT_FALSE(enrollments::repo::active_in_year(*tx, a, y, first));
    auto found = enrollments::repo::find(*tx, first);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->course.name, "7A");
    EXPECT_FALSE(enrollments::repo::remove(*tx, first, 2));
    EXPECT_TRUE(enrollments::repo::remove(*tx, first, 1));
}

TEST_P(StudentRepositoryTest, AFileIsReferencedByAPhotoOrAnAvatarAndOldUnusedOnesAreFound)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto a = student(*tx, "A", info("Dara", "Sok", "M"));
    auto file = [&](const std::string& path, TimePoint at) {
        return files::repo::insert(*tx, files::StoredFile{0, path, "image/png", 10, "ab", std::nullopt, at});
    };
    auto photo = file("aa/photo", now - std::chrono::hours(48));
    auto avatar = file("bb/avatar", now - std::chrono::hours(48));
    auto stale = file("cc/stale", now - std::chrono::hours(48));
    auto fresh = file("cc/stale", now);
    EXPECT_TRUE(repo::set_photo(*tx, a, photo, 1, now));
    auto user = users::repo::insert(
        *tx, users::NewUser{"kanha", "unused", "Kanha", "Ly", "teacher", std::nullopt, std::nullopt, std::nullopt},
        "$argon2id$fake", now);
    ASSERT_TRUE(user);
    EXPECT_TRUE(users::repo::set_avatar(*tx, *user, avatar, "/api/v1/users/1/avatar", now));

    EXPECT_TRUE(files::repo::is_referenced(*tx, photo));
    EXPECT_TRUE(files::repo::is_referenced(*tx, avatar));
    EXPECT_FALSE(files::repo::is_referenced(*tx, stale));
    auto old = files::repo::unreferenced_before(*tx, now - std::chrono::hours(24));
    ASSERT_EQ(old.size(), 1u);
    EXPECT_EQ(old[0].file_id, stale);
    EXPECT_EQ(repo::find(*tx, a)->photo_file_id, photo);

    // The same bytes kept by another row stay on disk when one row goes.
    files::repo::remove(*tx, stale);
    EXPECT_TRUE(files::repo::path_in_use(*tx, "cc/stale"));
    files::repo::remove(*tx, fresh);
    EXPECT_FALSE(files::repo::path_in_use(*tx, "cc/stale"));
    EXPECT_TRUE(repo::set_photo(*tx, a, std::nullopt, std::nullopt, now));
    EXPECT_FALSE(files::repo::is_referenced(*tx, photo));
}

SALA_INSTANTIATE_BACKENDS(StudentRepositoryTest);

}  // namespace
}  // namespace sala
