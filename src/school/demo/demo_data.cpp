// See demo_data.hpp. Places are real Cambodian provinces, districts and communes; people are
// invented from common names.
#include "school/demo/demo_data.hpp"

namespace sala::demo {
namespace {

constexpr Name kFamilyNames[] = {
    {"Sok", "សុខ"},   {"Chan", "ចាន់"}, {"Keo", "កែវ"},   {"Kim", "គីម"},    {"Heng", "ហេង"}, {"Ly", "លី"},
    {"Meas", "មាស"}, {"Chea", "ជា"},  {"Seng", "សេង"},  {"Som", "សំ"},     {"Phan", "ផាន"}, {"Nget", "ង៉ែត"},
    {"Hout", "ហួត"},  {"Touch", "ទូច"}, {"Prak", "ប្រាក់"}, {"Pich", "ពេជ្រ"}, {"Mao", "ម៉ៅ"},   {"Ouk", "អ៊ុក"},
    {"Chhim", "ឈឹម"}, {"Lim", "លឹម"},   {"Yim", "យឹម"},    {"Long", "ឡុង"},   {"Tep", "ទេព"},  {"Kong", "គង់"},
    {"Chhun", "ឈុន"}, {"Sun", "ស៊ុន"},   {"Hem", "ហែម"},   {"Nov", "នូវ"},    {"Pen", "ប៉ែន"},  {"Yin", "យិន"},
    {"Vong", "វង្ស"}, {"Eng", "អេង"},  {"Tan", "តាន់"},   {"Suon", "សួន"},
};

constexpr Name kMaleNames[] = {
    {"Dara", "ដារ៉ា"},    {"Vannak", "វណ្ណៈ"},     {"Sokha", "សុខា"},     {"Rithy", "រិទ្ធី"},     {"Visal", "វិសាល"},
    {"Piseth", "ពិសិដ្ឋ"},  {"Bunthoeun", "ប៊ុនធឿន"}, {"Chanthou", "ចាន់ធូ"}, {"Sovann", "សុវណ្ណ"},   {"Vichea", "វិជ្ជា"},
    {"Rathana", "រតនា"}, {"Sophal", "សុផល"},      {"Veasna", "វាសនា"},  {"Sambath", "សម្បត្តិ"}, {"Kosal", "កុសល"},
    {"Makara", "មករា"},  {"Chamroeun", "ចម្រើន"}, {"Sopheak", "សុភ័ក្រ"},  {"Kimhong", "គីមហុង"},  {"Narith", "ណារិទ្ធ"},
    {"Pheakdey", "ភក្ដី"}, {"Sothea", "សុធា"},      {"Bora", "បូរ៉ា"},      {"Vibol", "វិបុល"},     {"Samnang", "សំណាង"},
    {"Seyha", "សីហា"},    {"Chhay", "ឆាយ"},       {"Ratanak", "រតនៈ"},  {"Mony", "មុនី"},       {"Thearith", "ធារិទ្ធ"},
    {"Panha", "បញ្ញា"},   {"Virak", "វីរៈ"},
};

constexpr Name kFemaleNames[] = {
    {"Sreyneang", "ស្រីនាង"}, {"Sophea", "សុភា"},     {"Chanthy", "ចន្ធី"}, {"Bopha", "បុប្ផា"},     {"Sreymom", "ស្រីមុំ"},
    {"Kanha", "កញ្ញា"},      {"Malis", "ម្លិះ"},      {"Raksmey", "រស្មី"}, {"Sreypov", "ស្រីពៅ"},   {"Channary", "ច័ន្ទនារី"},
    {"Sokunthea", "សុគន្ធា"}, {"Sopheap", "សុភាព"},   {"Dalin", "ដាលីន"},  {"Leakhena", "លក្ខិណា"}, {"Nary", "នារី"},
    {"Pisey", "ពិសី"},        {"Sreyleak", "ស្រីល័ក្ខ"}, {"Theary", "ធារី"},  {"Vanna", "វណ្ណា"},     {"Kolab", "កុលាប"},
    {"Maly", "ម៉ាលី"},        {"Sothida", "សុធីដា"},   {"Chenda", "ចិន្តា"}, {"Rachana", "រចនា"},   {"Davy", "ដាវី"},
    {"Monika", "មុនីកា"},     {"Sreyroth", "ស្រីរ័ត្ន"}, {"Thida", "ធីតា"},   {"Phalla", "ផល្លា"},    {"Sokny", "សុខនី"},
    {"Lida", "លីដា"},        {"Somaly", "សុម៉ាលី"},
};

// Primary grades (1–6) learn fewer subjects, from one class teacher; lower and upper secondary
// (7–12) add the sciences and social sciences, each from its own teacher. Khmer and mathematics
// count double.
constexpr SubjectSpec kSubjects[] = {
    {"KHM", "Khmer Literature", "ភាសាខ្មែរ", 100, 2, 1, 12},
    {"MATH", "Mathematics", "គណិតវិទ្យា", 100, 2, 1, 12},
    {"ENG", "English", "ភាសាអង់គ្លេស", 50, 1, 4, 12},
    {"PHY", "Physics", "រូបវិទ្យា", 50, 1, 7, 12},
    {"CHEM", "Chemistry", "គីមីវិទ្យា", 50, 1, 7, 12},
    {"BIO", "Biology", "ជីវវិទ្យា", 50, 1, 7, 12},
    {"HIST", "History", "ប្រវត្តិវិទ្យា", 50, 1, 7, 12},
    {"GEO", "Geography", "ភូមិវិទ្យា", 50, 1, 7, 12},
    {"MORAL", "Moral-Civics", "សីលធម៌-ពលរដ្ឋវិជ្ជា", 50, 1, 7, 12},
    {"EARTH", "Earth Science", "ផែនដីវិទ្យា", 50, 1, 7, 12},
    {"ICT", "ICT", "ព័ត៌មានវិទ្យា", 50, 1, 7, 12},
    {"PE", "Physical Education", "អប់រំកាយ", 50, 1, 1, 12},
    {"SCI", "Science", "វិទ្យាសាស្ត្រ", 50, 1, 1, 6},
    {"SOC", "Social Studies", "សិក្សាសង្គម", 50, 1, 1, 6},
    {"ART", "Arts", "សិល្បៈ", 50, 1, 1, 6},
};

constexpr std::string_view kChamkarMon[] = {"Tonle Bassac", "Tuol Tumpung Ti Muoy", "Phsar Daeum Thkov"};
constexpr std::string_view kDaunPenh[] = {"Phsar Thmei Ti Muoy", "Wat Phnom", "Chakto Mukh"};
constexpr std::string_view kTuolKouk[] = {"Boeung Kak Ti Muoy", "Tuek L'ak Ti Muoy", "Phsar Depou Ti Muoy"};
constexpr std::string_view kSenSok[] = {"Phnom Penh Thmei", "Tuek Thla", "Khmuonh"};
constexpr std::string_view kMeanChey[] = {"Stueng Mean Chey", "Chak Angrae Leu", "Boeng Tumpun"};
constexpr std::string_view kTaKhmau[] = {"Ta Khmau", "Prek Ruessei", "Kampong Samnanh"};
constexpr std::string_view kKienSvay[] = {"Kokir", "Banteay Dek", "Chheu Teal"};
constexpr std::string_view kMukhKampul[] = {"Prek Anhchanh", "Roka Kaong"};
constexpr std::string_view kDounKaev[] = {"Roka Knong", "Baray"};
constexpr std::string_view kBati[] = {"Trapeang Sab", "Chambak"};
constexpr std::string_view kKampongCham[] = {"Veal Vong", "Boeung Kok"};
constexpr std::string_view kBatheay[] = {"Batheay", "Chbar Ampov"};
constexpr std::string_view kSiemReap[] = {"Sla Kram", "Svay Dankum", "Sala Kamreuk"};
constexpr std::string_view kPuok[] = {"Puok", "Keo Poar"};
constexpr std::string_view kBattambang[] = {"Svay Por", "Rattanak", "Prek Preah Sdach"};
constexpr std::string_view kSangkae[] = {"Anlong Vil", "Ou Dambang Muoy"};
constexpr std::string_view kPreyVeng[] = {"Kampong Leav", "Cheung Tuek"};
constexpr std::string_view kKampot[] = {"Kampong Kandal", "Andoung Khmer"};
constexpr std::string_view kChbarMon[] = {"Rokar Thum", "Kandaol Dom"};
constexpr std::string_view kSvayRieng[] = {"Svay Rieng", "Prey Chhlak"};

// About half of the families live in Phnom Penh, a fifth in Kandal around it.
constexpr District kDistricts[] = {
    {"Phnom Penh", "Chamkar Mon", kChamkarMon, true, 10},
    {"Phnom Penh", "Daun Penh", kDaunPenh, true, 10},
    {"Phnom Penh", "Tuol Kouk", kTuolKouk, true, 10},
    {"Phnom Penh", "Sen Sok", kSenSok, true, 10},
    {"Phnom Penh", "Mean Chey", kMeanChey, true, 10},
    {"Kandal", "Ta Khmau", kTaKhmau, false, 8},
    {"Kandal", "Kien Svay", kKienSvay, false, 6},
    {"Kandal", "Mukh Kampul", kMukhKampul, false, 6},
    {"Takeo", "Doun Kaev", kDounKaev, false, 3},
    {"Takeo", "Bati", kBati, false, 3},
    {"Kampong Cham", "Kampong Cham", kKampongCham, false, 3},
    {"Kampong Cham", "Batheay", kBatheay, false, 2},
    {"Siem Reap", "Siem Reap", kSiemReap, false, 3},
    {"Siem Reap", "Puok", kPuok, false, 2},
    {"Battambang", "Battambang", kBattambang, false, 3},
    {"Battambang", "Sangkae", kSangkae, false, 2},
    {"Prey Veng", "Prey Veng", kPreyVeng, false, 3},
    {"Kampot", "Kampot", kKampot, false, 2},
    {"Kampong Speu", "Chbar Mon", kChbarMon, false, 2},
    {"Svay Rieng", "Svay Rieng", kSvayRieng, false, 2},
};

constexpr std::string_view kBirthProvinces[] = {
    "Phnom Penh",  "Kandal",           "Takeo",           "Kampong Cham", "Siem Reap",      "Battambang",
    "Prey Veng",   "Kampot",           "Kampong Speu",    "Svay Rieng",   "Kampong Thom",   "Pursat",
    "Kratie",      "Banteay Meanchey", "Kampong Chhnang", "Tboung Khmum", "Preah Sihanouk", "Koh Kong",
    "Stung Treng", "Preah Vihear",     "Oddar Meanchey",  "Ratanakiri",   "Mondulkiri",     "Kep",
};

constexpr std::string_view kVillages[] = {
    "Trapeang Chhuk", "Prey Kuy",   "Svay Chrum", "Phum Thmei",    "Phum Kandal", "Ou Ruessei",
    "Tuol Pongro",    "Chroy Sdau", "Angk Kdei",  "Kampong Luong", "Prek Thmei",  "Trapeang Veng",
};

constexpr std::string_view kOccupations[] = {
    "Farmer",
    "Garment worker",
    "Market vendor",
    "Teacher",
    "Civil servant",
    "Moto-taxi driver",
    "Construction worker",
    "Shop owner",
    "Nurse",
    "Police officer",
    "Fisher",
    "Tuk-tuk driver",
    "Accountant",
    "Homemaker",
    "Mechanic",
    "Tailor",
    "Migrant worker in Thailand",
    "Soldier",
    "Rice trader",
    "Hairdresser",
    "Food seller",
    "Security guard",
    "Doctor",
    "Bank clerk",
    "Factory supervisor",
};

// Cellcard, Smart and Metfone prefixes; # is a digit.
constexpr std::string_view kPhonePrefixes[] = {
    "011 ### ###", "012 ### ###",  "017 ### ###",  "077 ### ###",  "078 ### ###",  "085 ### ###",
    "089 ### ###", "092 ### ###",  "095 ### ###",  "099 ### ###",  "010 ### ###",  "015 ### ###",
    "016 ### ###", "069 ### ###",  "070 ### ###",  "086 ### ###",  "087 ### ###",  "093 ### ###",
    "098 ### ###", "096 ### ####", "097 ### ####", "088 ### ####", "071 ### ####",
};

constexpr ScholarshipSpec kScholarships[] = {
    {"Scholarship for poor students", "Ministry of Education, Youth and Sport", 60},
    {"Scholarship for poor students", "Ministry of Education, Youth and Sport", 90},
    {"Merit scholarship", "School Support Committee", 120},
    {"Merit scholarship", "School Support Committee", 150},
    {"Girls' education scholarship", "Provincial Office of Education", 90, true},
    {"Bicycle and study materials", "Parents' Association", 50},
};

constexpr HealthNote kHealthNotes[] = {
    {"Asthma", "Salbutamol inhaler when needed"},
    {"Mild myopia; wears glasses", ""},
    {"Allergic rhinitis", "Antihistamine during the dry season"},
    {"Epilepsy, controlled", "Sodium valproate twice a day"},
    {"Type 1 diabetes", "Insulin before meals"},
    {"Thalassemia trait", ""},
    {"Heart murmur, followed by a cardiologist", ""},
    {"Hearing loss in the left ear; sits at the front", ""},
};

constexpr std::string_view kAllergies[] = {
    "Peanuts", "Shrimp and crab", "Penicillin", "Dust mites", "Cow's milk", "Insect stings",
};

}  // namespace

std::span<const Name> family_names()
{
    return kFamilyNames;
}
std::span<const Name> male_names()
{
    return kMaleNames;
}
std::span<const Name> female_names()
{
    return kFemaleNames;
}
std::span<const SubjectSpec> subjects()
{
    return kSubjects;
}
std::span<const District> districts()
{
    return kDistricts;
}
std::span<const std::string_view> birth_provinces()
{
    return kBirthProvinces;
}
std::span<const std::string_view> villages()
{
    return kVillages;
}
std::span<const std::string_view> occupations()
{
    return kOccupations;
}
std::span<const std::string_view> phone_prefixes()
{
    return kPhonePrefixes;
}
std::span<const ScholarshipSpec> scholarships()
{
    return kScholarships;
}
std::span<const HealthNote> health_notes()
{
    return kHealthNotes;
}
std::span<const std::string_view> allergies()
{
    return kAllergies;
}

}  // namespace sala::demo
