// See student_repository.hpp.
#include "school/students/student_repository.hpp"

#include "db/keyset.hpp"
#include "db/like_pattern.hpp"
#include "school/students/student_sql.hpp"

#include <unordered_map>

namespace sala::students::repo {
namespace {

Student student_from_row(const db::Row& r)
{
    Student s;
    s.student_id = r.get<std::int64_t>("student_id");
    s.student_code = r.get<std::string>("student_code");
    auto& i = s.info;
    i.first_name = r.get<std::string>("first_name");
    i.last_name = r.get<std::string>("last_name");
    i.first_name_kh = r.get<std::optional<std::string>>("first_name_kh");
    i.last_name_kh = r.get<std::optional<std::string>>("last_name_kh");
    i.date_of_birth = r.get<Date>("date_of_birth");
    i.gender = r.get<std::string>("gender");
    i.place_of_birth = r.get<std::string>("place_of_birth");
    i.nationality = r.get<std::string>("nationality");
    i.religion = r.get<std::string>("religion");
    i.address = r.get<std::string>("address");
    i.commune = r.get<std::string>("commune");
    i.district = r.get<std::string>("district");
    i.province = r.get<std::string>("province");
    i.phone_number = r.get<std::optional<std::string>>("phone_number");
    i.email = r.get<std::optional<std::string>>("email");
    i.emergency_contact = r.get<std::optional<std::string>>("emergency_contact");
    i.emergency_phone = r.get<std::optional<std::string>>("emergency_phone");
    i.medical_conditions = r.get<std::optional<std::string>>("medical_conditions");
    i.allergies = r.get<std::optional<std::string>>("allergies");
    i.medications = r.get<std::optional<std::string>>("medications");
    i.blood_type = r.get<std::optional<std::string>>("blood_type");
    i.status = r.get<std::string>("status");
    i.enrollment_date = r.get<Date>("enrollment_date");
    i.graduation_date = r.get<std::optional<Date>>("graduation_date");
    s.photo_file_id = r.get<std::optional<std::int64_t>>("photo_file_id");
    s.row_version = r.get<std::int64_t>("row_version");
    s.created_at = r.get<TimePoint>("created_at");
    s.updated_at = r.get<TimePoint>("updated_at");
    return s;
}

// Fills guardians, family, scholarships and enrollments of the records, four statements in all.
void load_related(db::Connection& c, std::vector<StudentRecord>& records)
{
    if (records.empty()) {
        return;
    }
    std::unordered_map<std::int64_t, StudentRecord*> by_id;
    std::vector<std::int64_t> ids;
    for (auto& r : records) {
        by_id[r.student.student_id] = &r;
        ids.push_back(r.student.student_id);
    }
    auto list = db::id_list(ids);
    for (auto row : c.query(sql::kGuardiansOf.text(c), list)) {
        LinkedGuardian g;
        g.relation = row.get<std::string>("relation");
        g.is_primary = row.get<bool>("is_primary");
        g.guardian.guardian_id = row.get<std::int64_t>("guardian_id");
        g.guardian.first_name = row.get<std::string>("first_name");
        g.guardian.last_name = row.get<std::string>("last_name");
        g.guardian.phone = row.get<std::string>("phone");
        g.guardian.occupation = row.get<std::optional<std::string>>("occupation");
        g.guardian.email = row.get<std::optional<std::string>>("email");
        g.guardian.address = row.get<std::optional<std::string>>("address");
        g.guardian.row_version = row.get<std::int64_t>("row_version");
        by_id.at(row.get<std::int64_t>("student_id"))->guardians.push_back(std::move(g));
    }
    for (auto row : c.query(sql::kFamiliesOf.text(c), list)) {
        Family f;
        f.family_composition = row.get<std::string>("family_composition");
        f.family_size = row.get<std::int64_t>("family_size");
        f.monthly_income = row.get<double>("monthly_income");
        f.has_poverty_card = row.get<bool>("has_poverty_card");
        f.poverty_card_number = row.get<std::optional<std::string>>("poverty_card_number");
        f.special_circumstances = row.get<std::optional<std::string>>("special_circumstances");
        by_id.at(row.get<std::int64_t>("student_id"))->family = std::move(f);
    }
    for (auto row : c.query(sql::kScholarshipsOf.text(c), list)) {
        Scholarship s;
        s.scholarship_id = row.get<std::int64_t>("scholarship_id");
        s.type = row.get<std::string>("type");
        s.sponsor = row.get<std::string>("sponsor");
        s.amount = row.get<double>("amount");
        s.start_date = row.get<Date>("start_date");
        s.end_date = row.get<std::optional<Date>>("end_date");
        s.status = row.get<std::string>("status");
        by_id.at(row.get<std::int64_t>("student_id"))->scholarships.push_back(std::move(s));
    }
    for (auto row : c.query(sql::kEnrollmentsOf.text(c), list)) {
        EnrollmentSummary e;
        e.enrollment_id = row.get<std::int64_t>("enrollment_id");
        e.course_id = row.get<std::int64_t>("course_id");
        e.school_year_id = row.get<std::int64_t>("school_year_id");
        e.enrollment_date = row.get<Date>("enrollment_date");
        e.status = row.get<std::string>("status");
        e.drop_semester_id = row.get<std::optional<std::int64_t>>("drop_semester_id");
        e.drop_reason = row.get<std::optional<std::string>>("drop_reason");
        e.course_name = row.get<std::string>("course_name");
        e.grade_level = row.get<std::int64_t>("grade_level");
        e.section = row.get<std::string>("section");
        by_id.at(row.get<std::int64_t>("student_id"))->enrollments.push_back(std::move(e));
    }
}

// The WHERE clause of a list, from fixed fragments; values only ever as parameters.
struct Where {
    std::string text = " WHERE 1 = 1";
    std::vector<db::Value> params;

    std::string param(db::Value v)
    {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    }
};

Where where_of(const StudentFilter& f)
{
    Where w;
    if (f.status) {
        w.text += " AND s.status = " + w.param(*f.status);
    }
    if (f.gender) {
        w.text += " AND s.gender = " + w.param(*f.gender);
    }
    if (f.province) {
        w.text += " AND s.province = " + w.param(*f.province);
    }
    if (f.has_scholarship) {
        w.text += *f.has_scholarship ? " AND EXISTS" : " AND NOT EXISTS";
        w.text += " (SELECT 1 FROM scholarships sc WHERE sc.student_id = s.student_id AND sc.status = 'active')";
    }
    if (f.course_id || f.school_year_id || f.grade_level || f.enrolled_only) {
        // A class or grade means the students in it now; a school year alone, everyone who was.
        bool active = f.enrolled_only || f.course_id || f.grade_level;
        w.text += " AND EXISTS (SELECT 1 FROM enrollments e JOIN courses c ON c.course_id = e.course_id "
                  "WHERE e.student_id = s.student_id";
        if (active) {
            w.text += " AND e.status = 'active'";
        }
        if (f.course_id) {
            w.text += " AND e.course_id = " + w.param(*f.course_id);
        }
        if (f.school_year_id) {
            w.text += " AND e.school_year_id = " + w.param(*f.school_year_id);
        }
        if (f.grade_level) {
            w.text += " AND c.grade_level = " + w.param(*f.grade_level);
        }
        w.text += ")";
    }
    for (const auto& token : f.q_tokens) {
        w.text += " AND s.student_id IN (SELECT student_id FROM student_search WHERE token = " + w.param(token) + ")";
    }
    return w;
}

}  // namespace

std::optional<Student> find(db::Connection& c, std::int64_t student_id)
{
    auto rows = c.query(sql::kSelectById, student_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return student_from_row(rows.front());
}

std::optional<std::int64_t> find_by_code(db::Connection& c, std::string_view code)
{
    return c.query_value<std::int64_t>(sql::kSelectIdByCode, code);
}

std::optional<StudentRecord> find_record(db::Connection& c, std::int64_t student_id)
{
    auto student = find(c, student_id);
    if (!student) {
        return std::nullopt;
    }
    std::vector<StudentRecord> one(1);
    one[0].student = std::move(*student);
    load_related(c, one);
    return std::move(one[0]);
}

StudentPage list(db::Connection& c, const StudentFilter& f)
{
    StudentPage page;
    auto where = where_of(f);
    if (f.count_total) {
        auto counted = c.query_params("SELECT count(*) FROM students s" + where.text, where.params);
        page.total = counted.empty() ? 0 : counted.front().get<std::int64_t>(std::size_t{0});
    }
    if (f.after) {
        where.text += " AND " + db::keyset_after(f.order, *f.after, where.params);
    }
    // One more row than asked says whether another page follows.
    std::string statement = "SELECT " + std::string(sql::kColumns) + ", " + db::sort_columns(f.order) +
                            " FROM students s" + where.text + " ORDER BY " + db::order_by(f.order) + " LIMIT " +
                            where.param(f.limit + 1) + " OFFSET " + where.param(f.offset);
    auto rows = c.query_params(statement, where.params);
    for (auto row : rows) {
        if (static_cast<std::int64_t>(page.records.size()) == f.limit) {
            page.more = true;
            break;
        }
        page.records.push_back(StudentRecord{student_from_row(row), {}, {}, {}, {}});
        page.last_key = db::sort_values(row, f.order.size());
    }
    load_related(c, page.records);
    return page;
}

std::vector<StudentRecord> records(db::Connection& c, std::span<const std::int64_t> ids)
{
    std::unordered_map<std::int64_t, Student> found;
    for (auto row : c.query(sql::kStudentsByIds.text(c), db::id_list(ids))) {
        auto s = student_from_row(row);
        found.emplace(s.student_id, std::move(s));
    }
    std::vector<StudentRecord> out;
    for (auto id : ids) {
        if (auto it = found.find(id); it != found.end()) {
            out.push_back(StudentRecord{std::move(it->second), {}, {}, {}, {}});
        }
    }
    load_related(c, out);
    return out;
}

std::int64_t insert(db::Connection& c, std::string_view code, const StudentInfo& i, TimePoint now)
{
    return c
        .query_value<std::int64_t>(sql::kInsert, code, i.first_name, i.last_name, i.first_name_kh, i.last_name_kh,
                                   i.date_of_birth, i.gender, i.place_of_birth, i.nationality, i.religion, i.address,
                                   i.commune, i.district, i.province, i.phone_number, i.email, i.emergency_contact,
                                   i.emergency_phone, i.medical_conditions, i.allergies, i.medications, i.blood_type,
                                   i.status, i.enrollment_date, i.graduation_date, now)
        .value_or(0);
}

bool update(db::Connection& c, std::int64_t student_id, std::string_view code, const StudentInfo& i,
            std::optional<std::int64_t> required_version, TimePoint now)
{
    return c.execute(sql::kUpdate, student_id, code, i.first_name, i.last_name, i.first_name_kh, i.last_name_kh,
                     i.date_of_birth, i.gender, i.place_of_birth, i.nationality, i.religion, i.address, i.commune,
                     i.district, i.province, i.phone_number, i.email, i.emergency_contact, i.emergency_phone,
                     i.medical_conditions, i.allergies, i.medications, i.blood_type, i.status, i.enrollment_date,
                     i.graduation_date, required_version, now) == 1;
}

bool touch(db::Connection& c, std::int64_t student_id, std::optional<std::int64_t> required_version, TimePoint now)
{
    return c.execute(sql::kTouch, student_id, now, required_version) == 1;
}

void touch_many(db::Connection& c, std::span<const std::int64_t> student_ids, TimePoint now)
{
    if (!student_ids.empty()) {
        c.execute(sql::kTouchMany.text(c), db::id_list(student_ids), now);
    }
}

bool set_photo(db::Connection& c, std::int64_t student_id, std::optional<std::int64_t> file_id,
               std::optional<std::int64_t> required_version, TimePoint now)
{
    return c.execute(sql::kSetPhoto, student_id, file_id, now, required_version) == 1;
}

bool remove(db::Connection& c, std::int64_t student_id, std::optional<std::int64_t> required_version)
{
    return c.execute(sql::kDelete, student_id, required_version) == 1;
}

void replace_search_tokens(db::Connection& c, std::int64_t student_id, const std::vector<std::string>& tokens)
{
    c.execute(sql::kDeleteTokens, student_id);
    for (const auto& t : tokens) {
        c.execute(sql::kInsertToken, t, student_id);
    }
}

std::int64_t next_sequence(db::Connection& c, std::string_view name)
{
    return c.query_value<std::int64_t>(sql::kNextSequence, name).value_or(1);
}

std::int64_t peek_sequence(db::Connection& c, std::string_view name)
{
    return c.query_value<std::int64_t>(sql::kPeekSequence, name).value_or(0);
}

bool guardian_exists(db::Connection& c, std::int64_t guardian_id)
{
    return !c.query(sql::kGuardianExists, guardian_id).empty();
}

std::int64_t insert_guardian(db::Connection& c, const Guardian& g, TimePoint now)
{
    return c.query_value<std::int64_t>(sql::kInsertGuardian, g.first_name, g.last_name, g.phone, g.occupation, g.email,
                                       g.address, now)
        .value_or(0);
}

void link_guardian(db::Connection& c, std::int64_t student_id, std::int64_t guardian_id, std::string_view relation,
                   bool primary)
{
    c.execute(sql::kLinkGuardian, student_id, guardian_id, relation, primary);
}

void unlink_guardians(db::Connection& c, std::int64_t student_id)
{
    c.execute(sql::kUnlinkGuardians, student_id);
}

void delete_orphan_guardians(db::Connection& c)
{
    c.execute(sql::kDeleteOrphanGuardians);
}

std::vector<std::int64_t> students_of_guardian(db::Connection& c, std::int64_t guardian_id)
{
    std::vector<std::int64_t> out;
    for (auto r : c.query(sql::kStudentsOfGuardian, guardian_id)) {
        out.push_back(r.get<std::int64_t>(std::size_t{0}));
    }
    return out;
}

std::vector<GuardianInput> guardian_links_of(db::Connection& c, std::int64_t student_id)
{
    std::vector<GuardianInput> out;
    for (auto r : c.query(sql::kGuardianLinksOfStudent, student_id)) {
        GuardianInput link;
        link.guardian_id = r.get<std::int64_t>("guardian_id");
        link.relation = r.get<std::string>("relation");
        out.push_back(std::move(link));
    }
    return out;
}

namespace {

Guardian guardian_from_row(const db::Row& row)
{
    Guardian g;
    g.guardian_id = row.get<std::int64_t>("guardian_id");
    g.first_name = row.get<std::string>("first_name");
    g.last_name = row.get<std::string>("last_name");
    g.phone = row.get<std::string>("phone");
    g.occupation = row.get<std::optional<std::string>>("occupation");
    g.email = row.get<std::optional<std::string>>("email");
    g.address = row.get<std::optional<std::string>>("address");
    g.row_version = row.get<std::int64_t>("row_version");
    return g;
}

}  // namespace

std::optional<GuardianRecord> find_guardian(db::Connection& c, std::int64_t guardian_id)
{
    auto rows = c.query(sql::kSelectGuardian, guardian_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    GuardianRecord out{guardian_from_row(rows.front()), {}};
    for (auto row : c.query(sql::kGuardianLinks, guardian_id)) {
        out.students.push_back(GuardianLink{row.get<std::int64_t>("student_id"), row.get<std::string>("student_code"),
                                            row.get<std::string>("first_name"), row.get<std::string>("last_name"),
                                            row.get<std::string>("relation"), row.get<bool>("is_primary")});
    }
    return out;
}

GuardianPage list_guardians(db::Connection& c, const std::optional<std::string>& text, std::int64_t limit,
                            std::int64_t offset)
{
    std::optional<std::string> like;
    if (text) {
        like = db::contains_pattern(*text);
    }
    GuardianPage page;
    page.total = c.query_value<std::int64_t>(sql::kCountGuardians, like).value_or(0);
    for (auto row : c.query(sql::kListGuardians, like, limit, offset)) {
        page.guardians.push_back(guardian_from_row(row));
    }
    return page;
}

bool update_guardian(db::Connection& c, const Guardian& g, std::optional<std::int64_t> required_version,
                     TimePoint now)
{
    return c.execute(sql::kUpdateGuardian, g.guardian_id, g.first_name, g.last_name, g.phone, g.occupation, g.email,
                     g.address, required_version, now) == 1;
}

void save_family(db::Connection& c, std::int64_t student_id, const Family& f)
{
    c.execute(sql::kUpsertFamily, student_id, f.family_composition, f.family_size, f.monthly_income,
              f.has_poverty_card, f.poverty_card_number, f.special_circumstances);
}

std::int64_t insert_scholarship(db::Connection& c, std::int64_t student_id, const Scholarship& s, TimePoint now)
{
    return c.query_value<std::int64_t>(sql::kInsertScholarship, student_id, s.type, s.sponsor, s.amount, s.start_date,
                                       s.end_date, s.status, now)
        .value_or(0);
}

bool update_scholarship(db::Connection& c, std::int64_t student_id, const Scholarship& s, TimePoint now)
{
    return c.execute(sql::kUpdateScholarship, s.scholarship_id, student_id, s.type, s.sponsor, s.amount, s.start_date,
                     s.end_date, s.status, now) == 1;
}

bool delete_scholarship(db::Connection& c, std::int64_t student_id, std::int64_t scholarship_id)
{
    return c.execute(sql::kDeleteScholarship, scholarship_id, student_id) == 1;
}

void release_seats(db::Connection& c, std::int64_t student_id)
{
    for (auto r : c.query(sql::kActiveEnrollmentCourses, student_id)) {
        c.execute(sql::kReleaseSeat, r.get<std::int64_t>(std::size_t{0}));
    }
}

}  // namespace sala::students::repo
