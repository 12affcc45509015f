// PrintingService: ID cards for students (one, chosen ones, or a course's) and staff, and the check
// behind the cards' QR codes.
#include "school/printing/printing_service.hpp"

#include "school/printing/id_card_document.hpp"
#include "school/printing/id_card_repository.hpp"
#include "school/school_years/school_year_repository.hpp"
#include "school/settings/school_settings.hpp"
#include "school/users/user_repository.hpp"

#include <set>

namespace sala::printing {
namespace {

constexpr std::string_view kVerifyPath = "/api/v1/id-cards/verify/";
// A card's photo is 21 × 28 mm: 300 pixels high is about 270 dpi.
constexpr int kCardPhotoSide = 300;

std::string staff_code(std::int64_t user_id)
{
    auto digits = std::to_string(user_id);
    return "STAFF-" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

Result<void> at_most(std::size_t count, std::string_view field)
{
    if (count > kMaxCards) {
        FieldErrors errors;
        errors.add(std::string(field), "TOO_MANY", {{"max", std::to_string(kMaxCards)}});
        return errors.to_error();
    }
    return {};
}

// Sheets of cards are cut to the edge: without margins asked for, 5 mm (ten cards on A4).
void sheet_margins(PrintJob& job, const std::optional<PrintOptions>& options)
{
    if (!options || !options->margins) {
        job.setup.page.margins = {pdf::mm(5), pdf::mm(5), pdf::mm(5), pdf::mm(5)};
    }
}

// A card for each student, with their photo and the address its QR code opens.
std::vector<IdCard> student_id_cards(const std::vector<repo::CardStudent>& students, const PrintShop& shop,
                                            files::FileService& files, const CardTokens& tokens, const PrintJob& job)
{
    std::vector<IdCard> cards;
    cards.reserve(students.size());
    for (const auto& c : students) {
        const auto& s = c.student;
        IdCard card{"ប័ណ្ណសម្គាល់សិស្ស", "STUDENT ID CARD", khmer_name(s.first_name_kh, s.last_name_kh),
                    latin_name(s.first_name, s.last_name),
                    {{"អត្តលេខ Student code", s.student_code},
                     {"ថ្នាក់ Class", c.course_name.value_or("")},
                     {"ឆ្នាំសិក្សា School year", digits(job, c.school_year_name.value_or(""))}},
                    std::nullopt,
                    job.letterhead.school.public_url + std::string(kVerifyPath) +
                        tokens.token({CardKind::student, s.student_id})};
        if (c.photo_file_id) {
            card.photo = shop.image(files.content(*c.photo_file_id), kCardPhotoSide);
        }
        cards.push_back(std::move(card));
    }
    return cards;
}

}  // namespace

Result<Printed> PrintingService::student_card(const StudentDocumentRequest& request, const Principal& who)
{
    std::int64_t id = request.student_id;
    auto job = shop_.open(who, {.students = std::span(&id, 1)}, request.options, pdf::Orientation::landscape);
    if (!job) {
        return job.error();
    }
    std::vector<repo::CardStudent> found;
    {
        auto lease = db_.read();
        found = repo::card_students(*lease, std::span(&id, 1));
    }
    if (found.empty()) {
        return make_error(ErrorCode::not_found);
    }
    auto cards = student_id_cards(found, shop_, files_, tokens_, *job);
    auto bytes = shop_.render([&] { return render_id_card(cards.front(), *job); });
    if (!bytes) {
        return bytes.error();
    }
    return Printed{std::move(*bytes), "id-card-" + found.front().student.student_code, {id}, std::nullopt};
}

Result<Printed> PrintingService::student_cards(const IdCardsRequest& request, const Principal& who)
{
    if (request.student_ids.has_value() == request.course_id.has_value()) {
        FieldErrors errors;
        errors.add(request.course_id ? "studentIds" : "courseId", request.course_id ? "NOT_ALLOWED" : "REQUIRED");
        return errors.to_error();
    }
    std::vector<std::int64_t> ids;
    if (request.student_ids) {
        std::set<std::int64_t> unique(request.student_ids->begin(), request.student_ids->end());
        ids.assign(unique.begin(), unique.end());
        if (ids.empty()) {
            FieldErrors errors;
            errors.add("studentIds", "REQUIRED");
            return errors.to_error();
        }
        if (auto ok = at_most(ids.size(), "studentIds"); !ok) {
            return ok.error();
        }
    }
    auto job = shop_.open(who, {one(request.course_id), ids}, request.options, pdf::Orientation::portrait);
    if (!job) {
        return job.error();
    }
    sheet_margins(*job, request.options);
    std::vector<repo::CardStudent> found;
    {
        auto lease = db_.read();
        found = request.course_id ? repo::course_card_students(*lease, *request.course_id)
                                  : repo::card_students(*lease, ids);
    }
    if (request.student_ids && found.size() != ids.size()) {
        return make_error(ErrorCode::not_found);
    }
    if (found.empty()) {
        return nothing_to_print("course " + std::to_string(*request.course_id));
    }
    if (auto ok = at_most(found.size(), "courseId"); !ok) {
        return ok.error();
    }
    auto cards = student_id_cards(found, shop_, files_, tokens_, *job);
    auto bytes = shop_.render([&] { return render_id_card_sheets(cards, *job); });
    if (!bytes) {
        return bytes.error();
    }
    Printed printed{std::move(*bytes), "id-cards", {}, request.course_id};
    for (const auto& c : found) {
        printed.student_ids.push_back(c.student.student_id);
    }
    return printed;
}

Result<Printed> PrintingService::staff_cards(const TeacherCardsRequest& request, const Principal& who)
{
    if (request.user_ids) {
        if (auto ok = at_most(request.user_ids->size(), "userIds"); !ok) {
            return ok.error();
        }
    }
    // Staff cards are about no course: admins (reports:generate) only.
    auto job = shop_.open(who, {}, request.options, pdf::Orientation::portrait);
    if (!job) {
        return job.error();
    }
    sheet_margins(*job, request.options);
    std::vector<users::User> staff;
    std::optional<std::string> year;
    {
        auto lease = db_.read();
        if (request.user_ids) {
            for (auto id : std::set<std::int64_t>(request.user_ids->begin(), request.user_ids->end())) {
                auto user = users::repo::find_by_id(*lease, id);
                if (!user) {
                    return make_error(ErrorCode::not_found);
                }
                staff.push_back(std::move(*user));
            }
        } else {
            users::UserFilter filter{.role = "teacher", .status = "active", .order_by = "lastname, firstname, user_id",
                                     .limit = static_cast<std::int64_t>(kMaxCards)};
            staff = users::repo::list(*lease, filter).users;
        }
        if (auto current = school_years::repo::find_current(*lease)) {
            year = current->name;
        }
    }
    if (staff.empty()) {
        return nothing_to_print("teachers");
    }
    std::vector<IdCard> cards;
    Printed printed;
    for (const auto& u : staff) {
        IdCard card{"ប័ណ្ណសម្គាល់បុគ្គលិក", "STAFF ID CARD", "", latin_name(u.firstname, u.lastname),
                    {{"លេខបុគ្គលិក Staff no.", staff_code(u.user_id)},
                     {"តួនាទី Position", u.position.value_or(u.role == "admin" ? "Administrator" : "Teacher")},
                     {"ឆ្នាំសិក្សា School year", digits(*job, year.value_or(""))}},
                    shop_.image(files_.avatar(u.user_id), kCardPhotoSide),
                    job->letterhead.school.public_url + std::string(kVerifyPath) + tokens_.token({CardKind::staff, u.user_id})};
        cards.push_back(std::move(card));
    }
    auto bytes = shop_.render([&] { return render_id_card_sheets(cards, *job); });
    if (!bytes) {
        return bytes.error();
    }
    printed.bytes = std::move(*bytes);
    printed.filename = "staff-id-cards";
    return printed;
}

Result<CardCheckView> PrintingService::check_card(std::string_view token)
{
    auto card = tokens_.check(token);
    if (!card) {
        return make_error(ErrorCode::not_found);
    }
    auto lease = db_.read();
    auto school = settings::load_school(*lease).settings.name;
    if (card->kind == CardKind::student) {
        auto found = repo::card_students(*lease, std::span(&card->id, 1));
        if (found.empty()) {
            return make_error(ErrorCode::not_found);
        }
        const auto& c = found.front();
        const auto& s = c.student;
        auto kh = khmer_name(s.first_name_kh, s.last_name_kh);
        return CardCheckView{s.status == "active", "student", latin_name(s.first_name, s.last_name),
                             kh.empty() ? std::nullopt : std::optional(kh), s.student_code, c.course_name,
                             c.school_year_name, s.status, school};
    }
    auto user = users::repo::find_by_id(*lease, card->id);
    if (!user) {
        return make_error(ErrorCode::not_found);
    }
    return CardCheckView{user->status == "active", "staff", latin_name(user->firstname, user->lastname), std::nullopt,
                         staff_code(user->user_id), std::nullopt, std::nullopt, user->status, school};
}

}  // namespace sala::printing
