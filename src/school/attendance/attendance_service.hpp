// Attendance rules: a mark is for a student enrolled in the course on its date, within the
// course's school year and not in the future; one mark per student, course, date and session, and
// never a FULL-day mark beside a half-day one for the same student and day; teachers (and the API
// keys they made) read and write only the courses they teach. A whole-class register is checked
// row by row and written in one transaction or not at all. Every write publishes its event in its
// transaction. Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/attendance/attendance.hpp"
#include "school/attendance/attendance_monthly.hpp"
#include "school/courses/course.hpp"
#include "school/events/event_bus.hpp"

namespace sala::attendance {

class AttendanceService {
public:
    AttendanceService(db::Database& db, const Clock& clock, const events::EventBus& events)
        : db_(db), clock_(clock), events_(events)
    {
    }

    // Teachers see only the records of courses they teach (others are not found).
    [[nodiscard]] Result<Record> get(std::int64_t attendance_id, const Principal& reader);
    [[nodiscard]] AttendancePage list(AttendanceFilter filter, const Principal& reader);
    [[nodiscard]] Result<Record> create(AttendanceInput input, const Principal& writer);
    // The record named by input.attendance_id, or else by the input's natural key.
    [[nodiscard]] Result<Record> update(AttendanceInput input, std::optional<std::int64_t> required_version,
                                        const Principal& writer);
    // Gives the id of the mark deleted.
    [[nodiscard]] Result<std::int64_t> remove(const RecordKey& key, std::optional<std::int64_t> required_version,
                                              const Principal& writer);

    [[nodiscard]] Result<Register> register_of(std::int64_t course_id, Date date, const std::string& session,
                                               const Principal& reader);
    [[nodiscard]] Result<Register> take_register(RegisterInput input, const Principal& writer);

    [[nodiscard]] Result<Summary> summary(const SummaryQuery& query, const Principal& reader);
    // The class's register for `month` ("2026-09"), which must overlap the course's school year.
    // A fixed number of queries whatever the class size.
    [[nodiscard]] Result<MonthlyRegisterView> monthly_register(std::int64_t course_id, const std::string& month,
                                                               const Principal& reader);
    // The registers expected on the date (default today) that have no mark yet.
    [[nodiscard]] std::vector<MissingRegister> missing(std::optional<Date> date, const Principal& reader);

    [[nodiscard]] Settings settings();
    [[nodiscard]] Result<Settings> save_settings(Settings settings, std::optional<std::int64_t> required_version,
                                                 const Principal& writer);

private:
    // Checks the date, the enrollment and the one-mark rules for a new mark, or for the mark
    // `existing_id` moved to the input's date and session.
    [[nodiscard]] Result<void> check_placement(db::Connection& tx, const AttendanceInput& input,
                                               const courses::Course& course, std::int64_t existing_id);
    void publish(db::Connection& tx, std::string type, const Record& record, const Principal& writer);

    db::Database& db_;
    const Clock& clock_;
    const events::EventBus& events_;
};

}  // namespace sala::attendance
