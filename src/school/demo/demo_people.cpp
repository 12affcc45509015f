// See demo_people.hpp. Proportions are rough Cambodian ones: most children live with both
// parents, some with grandparents while the parents work abroad; about one family in seven holds
// an IDPoor card; children start grade 1 at six.
#include "school/demo/demo_people.hpp"

#include "core/validation.hpp"
#include "school/demo/demo_data.hpp"

#include <algorithm>

namespace sala::demo {
namespace {

using students::GuardianInput;

std::string phone(Dice& dice)
{
    std::string out(dice.pick(phone_prefixes()));
    for (auto& c : out) {
        if (c == '#') {
            c = static_cast<char>('0' + dice.below(10));
        }
    }
    return out;
}

const Name& given_name(Dice& dice, bool female)
{
    return dice.pick(female ? female_names() : male_names());
}

const District& pick_district(Dice& dice)
{
    unsigned total = 0;
    for (const auto& d : districts()) {
        total += d.weight;
    }
    auto roll = static_cast<unsigned>(dice.below(total));
    for (const auto& d : districts()) {
        if (roll < d.weight) {
            return d;
        }
        roll -= d.weight;
    }
    return districts().front();
}

// Where a family lives, what it believes and who looks after its children.
struct Household {
    const District* district = nullptr;
    std::string commune;
    std::string address;
    std::string religion;
    Name family_name;
    std::optional<GuardianInput> primary;
    std::optional<GuardianInput> secondary;
    students::Family family;
    bool poor = false;
};

GuardianInput guardian(Dice& dice, const Name& family_name, bool female, std::string relation,
                       const std::string& address, std::optional<std::string_view> occupation = std::nullopt)
{
    GuardianInput g;
    g.first_name = std::string(given_name(dice, female).latin);
    g.last_name = std::string(family_name.latin);
    g.relation = std::move(relation);
    g.phone = phone(dice);
    g.occupation = std::string(occupation ? *occupation : dice.pick(occupations()));
    g.address = address;
    return g;
}

std::string address_of(Dice& dice, const District& district)
{
    if (district.urban) {
        auto house = dice.between(1, 320);
        auto street = dice.between(2, 610);
        return "House " + std::to_string(house) + ", Street " + std::to_string(street);
    }
    return std::string(dice.pick(villages())) + " Village";
}

std::string religion(Dice& dice)
{
    auto roll = dice.below(100);
    return roll < 94 ? "Buddhism" : roll < 98 ? "Islam" : "Christianity";
}

// Who the children live with, as guardians and the family's composition; gives the number of
// adults at home.
std::int64_t choose_guardians(Dice& dice, Household& h)
{
    auto father = [&] { return guardian(dice, h.family_name, false, "father", h.address); };
    auto mother = [&] { return guardian(dice, dice.pick(family_names()), true, "mother", h.address); };
    auto roll = dice.below(100);
    if (roll < 82) {
        bool extended = roll >= 70;
        h.family.family_composition = extended ? "Parents and grandparents" : "Both parents";
        auto f = father();
        auto m = mother();
        bool mother_first = extended || dice.chance(55);
        h.primary = mother_first ? m : f;
        h.secondary = mother_first ? f : m;
        return extended ? 4 : 2;
    }
    if (roll < 90) {
        h.family.family_composition = "Mother only";
        h.primary = mother();
        h.family.special_circumstances = dice.chance(50) ? "Father passed away" : "Parents separated";
        return 1;
    }
    if (roll < 93) {
        h.family.family_composition = "Father only";
        h.primary = father();
        h.family.special_circumstances = "Mother works in Thailand";
        return 1;
    }
    h.family.family_composition = "Grandparents";
    const auto& grandmother = dice.pick(family_names());
    std::string_view occupation = dice.chance(50) ? "Farmer" : "Homemaker";
    h.primary = guardian(dice, grandmother, true, "grandparent", h.address, occupation);
    if (dice.chance(60)) {
        h.secondary =
            guardian(dice, dice.pick(family_names()), true, "mother", h.address, "Migrant worker in Thailand");
    }
    h.family.special_circumstances = "Parents work in Thailand; the children live with their grandmother";
    return 2;
}

Household make_household(Dice& dice, std::int64_t children)
{
    Household h;
    h.district = &pick_district(dice);
    h.commune = std::string(dice.pick(h.district->communes));
    h.address = address_of(dice, *h.district);
    h.religion = religion(dice);
    h.family_name = dice.pick(family_names());
    auto adults = choose_guardians(dice, h);
    h.family.family_size = std::min<std::int64_t>(30, adults + children + dice.between(0, 2));
    h.poor = dice.chance(15);
    h.family.has_poverty_card = h.poor;
    if (h.poor) {
        h.family.monthly_income = static_cast<double>(dice.between(6, 18) * 10);
        auto province = dice.between(10, 25);
        auto household = dice.between(1000, 9999);
        auto member = dice.between(1000, 9999);
        h.family.poverty_card_number =
            "IDP-" + std::to_string(province) + "-" + std::to_string(household) + "-" + std::to_string(member);
    } else {
        auto extra = dice.chance(20) ? dice.between(0, 150) * 10 : 0;
        h.family.monthly_income = static_cast<double>(dice.between(20, 90) * 10 + extra);
    }
    return h;
}

// Health notes for about one child in ten, allergies for one in sixteen, a known blood type for
// one in three (O and B are the most common in Cambodia).
void add_health(Dice& dice, students::StudentInfo& info)
{
    if (dice.chance(10)) {
        const auto& note = dice.pick(health_notes());
        info.medical_conditions = std::string(note.condition);
        if (!note.medication.empty()) {
            info.medications = std::string(note.medication);
        }
    }
    if (dice.chance(6)) {
        info.allergies = std::string(dice.pick(allergies()));
    }
    if (dice.chance(35)) {
        auto roll = dice.below(100);
        info.blood_type = roll < 38   ? "O+"
                          : roll < 68 ? "B+"
                          : roll < 92 ? "A+"
                          : roll < 98 ? "AB+"
                          : roll < 99 ? "O-"
                                      : "B-";
    }
}

std::optional<students::Scholarship> scholarship(Dice& dice, bool poor, bool female, Date start, Date end)
{
    if (!dice.chance(poor ? 30 : 4)) {
        return std::nullopt;
    }
    const ScholarshipSpec* spec = &dice.pick(scholarships());
    while (spec->girls_only && !female) {
        spec = &dice.pick(scholarships());
    }
    students::Scholarship s;
    s.type = std::string(spec->type);
    s.sponsor = std::string(spec->sponsor);
    s.amount = spec->amount;
    s.start_date = start;
    s.end_date = end;
    return s;
}

// Aged grade + 5 on the first day of the school year (six in grade 1).
Date birth_date(Dice& dice, std::int64_t grade_level, Date year_start)
{
    using std::chrono::years;
    auto birthday = std::chrono::year_month_day(year_start) - years(grade_level + 5);
    return std::chrono::sys_days(birthday) - std::chrono::days(dice.between(0, 364));
}

DemoChild make_child(Dice& dice, const Household& h, std::int64_t grade_level, const std::vector<std::string>& taken,
                     Date year_start, Date year_end)
{
    DemoChild child;
    child.grade_level = grade_level;
    auto& info = child.input.info;
    bool female = dice.chance(50);
    const Name* given = &given_name(dice, female);
    for (int tries = 0; tries < 5 && std::find(taken.begin(), taken.end(), given->latin) != taken.end(); ++tries) {
        given = &given_name(dice, female);
    }
    info.first_name = std::string(given->latin);
    info.last_name = std::string(h.family_name.latin);
    info.first_name_kh = std::string(given->khmer);
    info.last_name_kh = std::string(h.family_name.khmer);
    info.gender = female ? "F" : "M";
    info.date_of_birth = birth_date(dice, grade_level, year_start);
    info.place_of_birth = std::string(dice.chance(65) ? h.district->province : dice.pick(birth_provinces()));
    info.nationality = "Khmer";
    info.religion = h.religion;
    info.address = h.address;
    info.commune = h.commune;
    info.district = std::string(h.district->district);
    info.province = std::string(h.district->province);
    if (grade_level >= 9 && dice.chance(40)) {
        info.phone_number = phone(dice);
    }
    if (dice.chance(60)) {
        bool aunt = dice.chance(50);
        const auto& first = given_name(dice, aunt);
        const auto& last = dice.pick(family_names());
        info.emergency_contact =
            std::string(first.latin) + " " + std::string(last.latin) + (aunt ? " (aunt)" : " (uncle)");
        info.emergency_phone = phone(dice);
    }
    add_health(dice, info);
    // Most started here in grade 1; the others came later, at the start of some school year.
    auto years_here = dice.chance(80) ? grade_level - 1 : dice.between(0, grade_level - 1);
    child.input.status = "active";
    child.input.enrollment_date =
        std::chrono::sys_days(std::chrono::year_month_day(year_start) - std::chrono::years(years_here));
    child.input.primary_guardian = *h.primary;
    child.input.secondary_guardian = h.secondary;
    child.input.family = h.family;
    child.scholarship = scholarship(dice, h.poor, female, year_start, year_end);
    return child;
}

}  // namespace

users::NewUser make_teacher(Dice& dice, std::string_view position)
{
    bool female = dice.chance(55);
    const auto& family = dice.pick(family_names());
    const auto& given = given_name(dice, female);
    users::NewUser u;
    u.username = "t." + ascii_lowered(family.latin) + "." + ascii_lowered(given.latin);
    u.firstname = std::string(given.latin);
    u.lastname = std::string(family.latin);
    u.role = std::string(users::kRoleTeacher);
    u.position = std::string(position);
    u.phonenumber1 = phone(dice);
    return u;
}

std::vector<DemoChild> make_family(Dice& dice, std::span<const std::int64_t> grade_levels, Date year_start,
                                   Date year_end)
{
    auto household = make_household(dice, static_cast<std::int64_t>(grade_levels.size()));
    std::vector<std::int64_t> oldest_first(grade_levels.begin(), grade_levels.end());
    std::sort(oldest_first.rbegin(), oldest_first.rend());
    std::vector<DemoChild> children;
    std::vector<std::string> taken;
    for (auto grade : oldest_first) {
        children.push_back(make_child(dice, household, grade, taken, year_start, year_end));
        taken.push_back(children.back().input.info.first_name);
    }
    return children;
}

}  // namespace sala::demo
