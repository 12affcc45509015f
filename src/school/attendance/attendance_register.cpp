// The whole-class register of a course, date and session (AttendanceService::register_of and
// take_register): read with two queries; written after every row is checked against the
// enrollments and the day's marks, each loaded once, so a class of 45 costs a fixed number of
// reads and one prepared statement per mark written.
#include "core/validation.hpp"
#include "school/attendance/attendance_repository.hpp"
#include "school/attendance/attendance_rules.hpp"
#include "school/attendance/attendance_service.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace sala::attendance {
namespace {

Error bad_session()
{
    FieldErrors errors;
    errors.add("session", "INVALID_VALUE", {{"allowed", "AM, PM, FULL"}});
    return errors.to_error();
}

CourseSummary summary_of(const courses::Course& c)
{
    return CourseSummary{c.course_id, c.name, c.grade_level, c.section, c.school_year_id};
}

// Everyone enrolled that day, and anyone else with a mark in the register, in name order.
Register load_register(db::Connection& c, const courses::Course& course, Date date, const std::string& session)
{
    Register reg{summary_of(course), date, session, {}, {}};
    std::map<std::int64_t, RegisterLine> lines;
    for (auto& s : repo::roster(c, course.course_id, date)) {
        auto id = s.student_id;
        lines.emplace(id, RegisterLine{std::move(s), true, std::nullopt});
    }
    for (auto& mark : repo::register_marks(c, course.course_id, date, session)) {
        auto [it, added] = lines.try_emplace(mark.student_id, RegisterLine{mark.student, false, std::nullopt});
        it->second.mark = std::move(mark);
    }
    for (auto& [id, line] : lines) {
        reg.lines.push_back(std::move(line));
    }
    std::sort(reg.lines.begin(), reg.lines.end(),
              [](const RegisterLine& a, const RegisterLine& b) { return in_name_order(a.student, b.student); });
    auto& n = reg.counts;
    for (const auto& line : reg.lines) {
        ++n.students;
        if (!line.mark) {
            ++n.unmarked;
            continue;
        }
        const auto& status = line.mark->status;
        ++(status == "PRESENT" ? n.present : status == "ABSENT" ? n.absent : status == "LATE" ? n.late : n.excused);
    }
    return reg;
}

// What the register PUT will do for one student.
struct Write {
    std::int64_t student_id = 0;
    std::optional<std::int64_t> attendance_id;  // update this mark; none: insert
    std::string status;
    std::optional<std::string> reason;
};

}  // namespace

Result<Register> AttendanceService::register_of(std::int64_t course_id, Date date, const std::string& session,
                                                const Principal& reader)
{
    if (!is_session(session)) {
        return bad_session();
    }
    auto lease = db_.read();
    auto course = course_for(*lease, reader, course_id);
    if (!course) {
        return course.error();
    }
    return load_register(*lease, *course, date, session);
}

Result<Register> AttendanceService::take_register(RegisterInput in, const Principal& writer)
{
    if (!is_session(in.session)) {
        return bad_session();
    }
    auto tx = db_.write();
    auto course = course_for(*tx, writer, in.course_id);
    if (!course) {
        return course.error();
    }
    FieldErrors errors;
    if (!check_date(errors, "date", in.date, to_date(clock_.now()), *course)) {
        return errors.to_error();
    }

    std::set<std::int64_t> enrolled;
    for (const auto& s : repo::roster(*tx, in.course_id, in.date)) {
        enrolled.insert(s.student_id);
    }
    std::set<std::int64_t> concerned = enrolled;
    for (const auto& r : in.records) {
        concerned.insert(r.student_id);
    }
    repo::lock_students(*tx, std::vector<std::int64_t>(concerned.begin(), concerned.end()));
    std::map<std::int64_t, repo::DayMark> own;                  // this register's marks, by student
    std::map<std::int64_t, std::vector<repo::DayMark>> others;  // every other mark that day, by student
    for (auto& m : repo::course_day(*tx, in.course_id, in.date)) {
        if (m.course_id == in.course_id && m.session == in.session) {
            own.emplace(m.student_id, std::move(m));
        } else {
            others[m.student_id].push_back(std::move(m));
        }
    }
    auto clash = [&](std::int64_t student_id) -> const repo::DayMark* {
        auto it = others.find(student_id);
        if (it == others.end()) {
            return nullptr;
        }
        for (const auto& m : it->second) {
            if (sessions_clash(m.session, in.session)) {
                return &m;
            }
        }
        return nullptr;
    };

    std::vector<Write> writes;
    std::set<std::int64_t> listed;
    for (std::size_t i = 0; i < in.records.size(); ++i) {
        auto& row = in.records[i];
        auto prefix = "records[" + std::to_string(i) + "].";
        check_one_of(errors, prefix + "status", row.status, {"PRESENT", "ABSENT", "LATE", "EXCUSED"});
        optional_text(errors, prefix + "reason", row.reason, kMaxReason);
        if (!listed.insert(row.student_id).second) {
            errors.add(prefix + "studentId", "DUPLICATE");
            continue;
        }
        if (auto it = own.find(row.student_id); it != own.end()) {
            // A mark already taken is corrected in place (whether or not the student is still enrolled).
            if (it->second.status != row.status || it->second.reason != row.reason) {
                writes.push_back(Write{row.student_id, it->second.attendance_id, row.status, row.reason});
            }
        } else if (!enrolled.contains(row.student_id)) {
            errors.add(not_enrolled(prefix + "studentId", *course, in.date));
        } else if (const auto* m = clash(row.student_id)) {
            errors.add(prefix + "studentId", "SESSION_CONFLICT", {{"session", m->session}});
        } else {
            writes.push_back(Write{row.student_id, std::nullopt, row.status, row.reason});
        }
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (in.mark_others_present) {
        // Never over a mark already there (an absence excused in advance stays).
        for (auto student_id : enrolled) {
            if (!listed.contains(student_id) && !own.contains(student_id) && clash(student_id) == nullptr) {
                writes.push_back(Write{student_id, std::nullopt, "PRESENT", std::nullopt});
            }
        }
    }

    auto now = clock_.now();
    std::int64_t inserted = 0;
    try {
        for (const auto& w : writes) {
            if (w.attendance_id) {
                repo::update_mark(*tx, *w.attendance_id, w.status, w.reason, writer.user_id, now);
            } else {
                static_cast<void>(repo::insert(
                    *tx, repo::Row{w.student_id, in.course_id, in.date, in.session, w.status, w.reason, writer.user_id},
                    now));
                ++inserted;
            }
        }
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return attendance_exists();  // a concurrent register of the same class won
        }
        throw;
    }
    auto reg = load_register(*tx, *course, in.date, in.session);
    if (!writes.empty()) {
        // One event for the register (not one per mark): the activity log gets one entry a class.
        const auto& n = reg.counts;
        boost::json::object data{{"courseId", in.course_id},
                                 {"date", format_date(in.date)},
                                 {"session", in.session},
                                 {"inserted", inserted},
                                 {"updated", static_cast<std::int64_t>(writes.size()) - inserted},
                                 {"present", n.present},
                                 {"absent", n.absent},
                                 {"late", n.late},
                                 {"excused", n.excused},
                                 {"unmarked", n.unmarked}};
        if (writer.api_key_id) {
            data["apiKeyId"] = *writer.api_key_id;
        }
        events_.publish(*tx, events::Event{"attendance.register_recorded", "attendance",
                                           std::to_string(in.course_id) + "/" + format_date(in.date) + "/" + in.session,
                                           writer.user_id, boost::json::serialize(data), now});
    }
    tx.commit();
    return reg;
}

}  // namespace sala::attendance
