// See attendance_api.hpp.
#include "school/attendance/attendance_api.hpp"

namespace sala::attendance {

AttendanceView view(const Record& r)
{
    return AttendanceView{r.attendance_id, r.student_id, r.course_id,     r.attendance_date,
                          r.session,       r.status,     r.reason,        r.recorded_by,
                          r.created_at,    r.updated_at, enrollments::student_ref(r.student), enrollments::course_ref(r.course)};
}

RegisterView view(const Register& r)
{
    RegisterView out{r.course.course_id, enrollments::course_ref(r.course), r.date, r.session, {}, {}};
    for (const auto& line : r.lines) {
        const auto& s = line.student;
        RegisterLineView v{s.student_id,   s.student_code, s.first_name,  s.last_name,  s.first_name_kh,
                           s.last_name_kh, s.gender,       line.enrolled, std::nullopt, std::nullopt,
                           std::nullopt,   std::nullopt,   std::nullopt};
        if (line.mark) {
            v.attendance_id = line.mark->attendance_id;
            v.status = line.mark->status;
            v.reason = line.mark->reason;
            v.recorded_by = line.mark->recorded_by;
            v.updated_at = line.mark->updated_at;
        }
        out.records.push_back(std::move(v));
    }
    const auto& n = r.counts;
    out.counts = RegisterCountsView{n.students, n.present, n.absent, n.late, n.excused, n.unmarked};
    return out;
}

SummaryView view(const Summary& s)
{
    SummaryView out{s.course_id, s.student_id, s.from, s.to, {}};
    for (const auto& a : s.students) {
        const auto& st = a.student;
        out.students.push_back(StudentAttendanceView{st.student_id, st.student_code, st.first_name, st.last_name,
                                                     st.first_name_kh, st.last_name_kh, st.gender, a.present, a.absent,
                                                     a.late, a.excused, a.days, a.attendance_rate});
    }
    return out;
}

MissingRegisterView view(const MissingRegister& m)
{
    return MissingRegisterView{m.course_id, m.course_name,         m.grade_level, m.section,
                               m.session,   m.homeroom_teacher_id, m.date};
}

AttendanceSettingsView view(const Settings& s)
{
    return AttendanceSettingsView{s.school_days, s.sessions};
}

}  // namespace sala::attendance
