// Printing each document: check who may print it, load its data through the same services the
// JSON API uses, and render it in the print shop. Blocking (SQL and rendering): run on a worker
// pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/attendance/attendance_service.hpp"
#include "school/files/file_service.hpp"
#include "school/printing/card_token.hpp"
#include "school/printing/print_requests.hpp"
#include "school/printing/print_shop.hpp"
#include "school/results/results_service.hpp"
#include "school/students/student_service.hpp"

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace sala::printing {

// The most students one student list prints; a longer list asks for narrower filters (422).
inline constexpr std::int64_t kMaxListedStudents = 10'000;

// The most ID cards one request prints.
inline constexpr std::size_t kMaxCards = 1'000;

// What checking an ID card's QR code tells anyone holding the card: whose card it is and whether
// it is still good. Nothing more about a child is shown to someone who is not signed in.
struct CardCheckView {
    bool valid = false;  // the student (or staff member) is active
    std::string kind;    // "student" | "staff"
    std::string name;
    std::optional<std::string> name_kh;
    std::string code;
    std::optional<std::string> course;
    std::optional<std::string> school_year;
    std::string status;
    std::string school;
};
BOOST_DESCRIBE_STRUCT(CardCheckView, (), (valid, kind, name, name_kh, code, course, school_year, status, school))

// A rendered PDF and what the activity log records about it.
struct Printed {
    std::string bytes;
    std::string filename;  // without extension, not yet made safe
    std::vector<std::int64_t> student_ids;
    std::optional<std::int64_t> course_id;
};

class PrintingService {
public:
    PrintingService(db::Database& db, files::FileService& files, students::StudentService& students,
                    attendance::AttendanceService& attendance, const Clock& clock, PrintingLimits limits,
                    CardTokens tokens);

    [[nodiscard]] Result<Printed> report_cards(const ReportCardRequest& request, const Principal& who);
    // The gradebook (students × subjects, landscape) or the grade report (by rank).
    [[nodiscard]] Result<Printed> course_results(const CourseReportRequest& request, bool gradebook,
                                                 const Principal& who);
    [[nodiscard]] Result<Printed> registration(const StudentDocumentRequest& request, const Principal& who);
    [[nodiscard]] Result<Printed> student_list(const StudentListRequest& request, const Principal& who);
    [[nodiscard]] Result<Printed> attendance_register(const AttendanceReportRequest& request, const Principal& who);
    // One student's card on a card-sized page; many students' or staff cards N-up with crop marks.
    [[nodiscard]] Result<Printed> student_card(const StudentDocumentRequest& request, const Principal& who);
    [[nodiscard]] Result<Printed> student_cards(const IdCardsRequest& request, const Principal& who);
    [[nodiscard]] Result<Printed> staff_cards(const TeacherCardsRequest& request, const Principal& who);
    // 404 for a token no card carries.
    [[nodiscard]] Result<CardCheckView> check_card(std::string_view token);

private:
    db::Database& db_;
    files::FileService& files_;
    students::StudentService& students_;
    attendance::AttendanceService& attendance_;
    results::ResultsService results_;
    PrintShop shop_;
    CardTokens tokens_;
};

}  // namespace sala::printing
