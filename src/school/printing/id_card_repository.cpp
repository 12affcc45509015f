// See id_card_repository.hpp.
#include "school/printing/id_card_repository.hpp"

#include "school/printing/id_card_sql.hpp"

namespace sala::printing::repo {
namespace {

std::vector<CardStudent> cards(const db::Rows& rows)
{
    std::vector<CardStudent> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back(CardStudent{{r.get<std::int64_t>("student_id"), r.get<std::string>("student_code"),
                                   r.get<std::string>("first_name"), r.get<std::string>("last_name"),
                                   r.get<std::optional<std::string>>("first_name_kh"),
                                   r.get<std::optional<std::string>>("last_name_kh"), r.get<std::string>("gender"),
                                   r.get<std::string>("status")},
                                  r.get<std::optional<std::int64_t>>("photo_file_id"),
                                  r.get<std::optional<std::string>>("course_name"),
                                  r.get<std::optional<std::string>>("school_year_name")});
    }
    return out;
}

}  // namespace

std::vector<CardStudent> card_students(db::Connection& c, std::span<const std::int64_t> student_ids)
{
    if (student_ids.empty()) {
        return {};
    }
    return cards(c.query(sql::kCardsOf.text(c), db::id_list(student_ids)));
}

std::vector<CardStudent> course_card_students(db::Connection& c, std::int64_t course_id)
{
    return cards(c.query(sql::kCardsOfCourse, course_id));
}

}  // namespace sala::printing::repo
