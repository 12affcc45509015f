// See demo_results_repository.hpp. What every row of a statement shares is bound once ($1…);
// each row adds its own few parameters after those. Statements hold at most kRowsPerStatement
// rows, so their texts (cached by the connection) stay few and their parameters stay cheap to bind.
#include "school/demo/demo_results_repository.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace sala::demo::repo {
namespace {

constexpr std::size_t kRowsPerStatement = 64;

// $1 course, $2 date, $3 session, $4 recorder, $5 time; each row: student, status, reason.
constexpr std::string_view kInsertMarks =
    "INSERT INTO attendance (course_id, attendance_date, session, recorded_by, created_at, updated_at, "
    "student_id, status, reason) VALUES ";
constexpr std::string_view kMarkShared = "$1, $2, $3, $4, $5, $5";

// $1 course, $2 subject, $3 semester, $4 type, $5 maximum, $6 date, $7 month, $8 recorder, $9 time;
// each row: student, score, comments.
constexpr std::string_view kInsertScores =
    "INSERT INTO grades (course_id, subject_id, semester_id, grade_type, max_score, grade_date, grade_month, "
    "recorded_by, created_at, updated_at, student_id, score, comments) VALUES ";
constexpr std::string_view kScoreShared = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $9";

constexpr int kOwnPerRow = 3;

// "INSERT … VALUES (shared, $s+1, $s+2, $s+3), (shared, $s+4, …)…" for `rows` rows.
std::string statement(std::string_view head, std::string_view shared, int shared_count, std::size_t rows)
{
    std::string sql(head);
    int next = shared_count + 1;
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r == 0 ? "(" : ", (";
        sql += shared;
        for (int k = 0; k < kOwnPerRow; ++k) {
            sql += ", $" + std::to_string(next++);
        }
        sql += ")";
    }
    return sql;
}

// Runs the rows in statements of at most kRowsPerStatement; `own` appends a row's parameters.
template <class Row, class Own>
std::int64_t insert_rows(db::Connection& c, std::string_view head, std::string_view shared,
                         std::vector<db::Value> params, std::span<const Row> rows, Own own)
{
    auto shared_count = params.size();
    std::int64_t written = 0;
    for (std::size_t first = 0; first < rows.size(); first += kRowsPerStatement) {
        auto count = std::min(kRowsPerStatement, rows.size() - first);
        params.resize(shared_count);
        for (std::size_t r = first; r < first + count; ++r) {
            own(params, rows[r]);
        }
        written += c.execute_params(statement(head, shared, static_cast<int>(shared_count), count), params);
    }
    return written;
}

}  // namespace

std::int64_t insert_marks(db::Connection& c, const Register& reg, std::span<const Mark> marks)
{
    std::vector<db::Value> shared{reg.course_id, db::to_value(reg.date), std::string(reg.session),
                                  db::to_value(reg.recorded_by), db::to_value(reg.at)};
    return insert_rows(c, kInsertMarks, kMarkShared, std::move(shared), marks,
                       [](std::vector<db::Value>& params, const Mark& m) {
                           params.emplace_back(m.student_id);
                           params.emplace_back(std::string(m.status));
                           params.push_back(m.reason ? db::Value(std::string(*m.reason)) : db::Value(nullptr));
                       });
}

std::int64_t insert_scores(db::Connection& c, const Assessment& a, std::span<const Score> scores)
{
    auto date = format_date(a.date);
    std::vector<db::Value> shared{a.course_id,       a.subject_id, a.semester_id,     std::string(a.grade_type),
                                  a.max_score,       date,         date.substr(0, 7), db::to_value(a.recorded_by),
                                  db::to_value(a.at)};
    return insert_rows(c, kInsertScores, kScoreShared, std::move(shared), scores,
                       [](std::vector<db::Value>& params, const Score& s) {
                           params.emplace_back(s.student_id);
                           params.emplace_back(s.score);
                           params.push_back(s.comments ? db::Value(std::string(*s.comments)) : db::Value(nullptr));
                       });
}

}  // namespace sala::demo::repo
