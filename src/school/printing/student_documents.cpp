// See student_documents.hpp.
#include "school/printing/student_documents.hpp"

#include "core/time.hpp"
#include "reports/pdf/table.hpp"

#include <algorithm>

namespace sala::printing {
namespace {

using pdf::Align;
using pdf::TextStyle;

std::string text_or_dash(const std::optional<std::string>& v)
{
    return v && !v->empty() ? *v : "—";
}

std::string date_text(const PrintJob& job, const std::optional<Date>& d)
{
    return d ? digits(job, format_date(*d)) : "—";
}

double section(pdf::Document& doc, double y, std::string_view khmer, std::string_view english)
{
    if (y + pdf::mm(20) > doc.bottom()) {
        doc.new_page();
        y = doc.top();
    }
    y += doc.text(doc.left(), y, doc.content_width(), std::string(khmer) + "  " + std::string(english),
                  TextStyle{.size = 9.5, .bold = true});
    doc.line(doc.left(), y + 1, doc.right(), y + 1, 0.5, pdf::kRule);
    return y + pdf::mm(2.5);
}

// The current class: the active enrollment, else the latest.
std::string class_of(const students::StudentRecord& r)
{
    const students::EnrollmentSummary* best = nullptr;
    for (const auto& e : r.enrollments) {
        if (best == nullptr || e.status == "active" || (best->status != "active" && e.enrollment_date > best->enrollment_date)) {
            best = &e;
        }
    }
    return best ? best->course_name : "—";
}

}  // namespace

std::string render_registration(const students::StudentRecord& record, bool sensitive,
                                const std::optional<pdf::Image>& photo, const PrintJob& job)
{
    const auto& s = record.student;
    const auto& i = s.info;
    pdf::Document doc(job.setup.page, document_info(job, "Student registration — " + s.student_code));
    double y = draw_letterhead(doc, job);
    y = draw_title(doc, y, "ពាក្យចុះឈ្មោះចូលរៀន", "STUDENT REGISTRATION FORM", s.student_code);

    // The photo box (3 × 4) at the right; the particulars beside it.
    double photo_w = pdf::mm(30);
    double photo_h = pdf::mm(40);
    double photo_x = doc.right() - photo_w;
    doc.box(photo_x, y, photo_w, photo_h, std::nullopt, pdf::kRule);
    if (photo) {
        doc.image(*photo, photo_x + 1, y + 1, photo_w - 2, photo_h - 2);
    } else {
        doc.text(photo_x, y + photo_h / 2 - 6, photo_w, "រូបថត 3×4\nPhoto", TextStyle{.size = 7, .align = Align::center, .color = pdf::kGrey});
    }
    double top = y;
    std::vector<Field> particulars{
        {"ឈ្មោះ Name", khmer_name(i.first_name_kh, i.last_name_kh)},
        {"អក្សរឡាតាំង Latin", latin_name(i.first_name, i.last_name)},
        {"ភេទ Gender", gender_label(i.gender)},
        {"ថ្ងៃកំណើត Date of birth", date_text(job, i.date_of_birth)},
        {"ទីកន្លែងកំណើត Place of birth", i.place_of_birth},
        {"សញ្ជាតិ Nationality", i.nationality},
        {"សាសនា Religion", i.religion},
        {"ថ្នាក់ Class", class_of(record)},
        {"ស្ថានភាព Status", i.status},
        {"ថ្ងៃចូលរៀន Enrolled", date_text(job, i.enrollment_date)},
    };
    y = draw_fields(doc, y, particulars, 1, photo_x - doc.left() - pdf::mm(4));
    y = std::max(y, top + photo_h) + pdf::mm(3);

    y = section(doc, y, "អាសយដ្ឋាន និងទំនាក់ទំនង", "Address and contact");
    y = draw_fields(doc, y,
                    {{"អាសយដ្ឋាន Address", i.address},
                     {"ឃុំ/សង្កាត់ Commune", i.commune},
                     {"ស្រុក/ខណ្ឌ District", i.district},
                     {"ខេត្ត/ក្រុង Province", i.province},
                     {"ទូរស័ព្ទ Phone", text_or_dash(i.phone_number)},
                     {"អ៊ីមែល Email", text_or_dash(i.email)},
                     {"ទំនាក់ទំនងបន្ទាន់ Emergency contact", text_or_dash(i.emergency_contact)},
                     {"ទូរស័ព្ទបន្ទាន់ Emergency phone", text_or_dash(i.emergency_phone)}});

    y = section(doc, y, "អាណាព្យាបាល", "Guardians");
    pdf::Table guardians{.columns = {{"ទំនាក់ទំនង\nRelation", 1.2}, {"ឈ្មោះ\nName", 2.2}, {"ទូរស័ព្ទ\nPhone", 1.4},
                                     {"មុខរបរ\nOccupation", 1.4}, {"អាសយដ្ឋាន\nAddress", 2.4}}};
    for (const auto& g : record.guardians) {
        guardians.rows.push_back({g.relation + (g.is_primary ? " ★" : ""),
                                  latin_name(g.guardian.first_name, g.guardian.last_name), g.guardian.phone,
                                  text_or_dash(g.guardian.occupation), text_or_dash(g.guardian.address)});
    }
    y = pdf::draw_table(doc, guardians, y) + pdf::mm(4);

    if (record.family) {
        const auto& f = *record.family;
        y = section(doc, y, "គ្រួសារ", "Family");
        std::vector<Field> fields{{"សមាសភាពគ្រួសារ Composition", f.family_composition},
                                  {"ចំនួនសមាជិក Members", digits(job, std::to_string(f.family_size))},
                                  {"ប័ណ្ណក្រីក្រ Poverty card", f.has_poverty_card ? "មាន Yes" : "គ្មាន No"},
                                  {"កាលៈទេសៈពិសេស Circumstances", text_or_dash(f.special_circumstances)}};
        if (sensitive) {
            fields.push_back({"ចំណូលប្រចាំខែ Monthly income", number(job, f.monthly_income)});
            fields.push_back({"លេខប័ណ្ណក្រីក្រ Card number", text_or_dash(f.poverty_card_number)});
        }
        y = draw_fields(doc, y, fields);
    }
    if (sensitive) {
        y = section(doc, y, "សុខភាព", "Health");
        y = draw_fields(doc, y,
                        {{"ជំងឺ Conditions", text_or_dash(i.medical_conditions)},
                         {"អាឡែស៊ី Allergies", text_or_dash(i.allergies)},
                         {"ថ្នាំ Medications", text_or_dash(i.medications)},
                         {"ក្រុមឈាម Blood type", text_or_dash(i.blood_type)}});
    }
    if (!record.scholarships.empty()) {
        y = section(doc, y, "អាហារូបករណ៍", "Scholarships");
        pdf::Table table{.columns = {{"ប្រភេទ\nType", 1.6}, {"អ្នកឧបត្ថម្ភ\nSponsor", 2}, {"ចំនួន\nAmount", 1, Align::right},
                                    {"ចាប់ពី\nFrom", 1.2}, {"ដល់\nTo", 1.2}, {"ស្ថានភាព\nStatus", 1}}};
        for (const auto& sc : record.scholarships) {
            table.rows.push_back({sc.type, sc.sponsor, number(job, sc.amount), date_text(job, sc.start_date),
                                  date_text(job, sc.end_date), sc.status});
        }
        y = pdf::draw_table(doc, table, y) + pdf::mm(4);
    }
    if (!record.enrollments.empty()) {
        y = section(doc, y, "ការចុះឈ្មោះក្នុងថ្នាក់", "Enrollments");
        pdf::Table table{.columns = {{"ថ្នាក់\nClass", 1}, {"កម្រិត\nGrade", 0.8, Align::center},
                                    {"ចាប់ពី\nSince", 1.2}, {"ស្ថានភាព\nStatus", 1.2}}};
        for (const auto& e : record.enrollments) {
            table.rows.push_back({e.course_name, digits(job, std::to_string(e.grade_level)),
                                  date_text(job, e.enrollment_date), e.status});
        }
        y = pdf::draw_table(doc, table, y) + pdf::mm(4);
    }
    draw_signatures(doc, job, y, {{"មាតាបិតា ឬអាណាព្យាបាល", "Parent or guardian", ""},
                                  {"នាយកសាលា", "Principal", principal_name(job)}});
    return doc.finish();
}

std::string render_student_list(const std::vector<students::StudentRecord>& records, const std::string& filters,
                                const PrintJob& job)
{
    pdf::Document doc(job.setup.page, document_info(job, "Student list"));
    double y = draw_letterhead(doc, job, true);
    y = draw_title(doc, y, "បញ្ជីឈ្មោះសិស្ស", "STUDENT LIST", filters);
    pdf::Table table{.columns = {{"ល.រ\nNo.", 0.5, Align::center}, {"អត្តលេខ\nCode", 1.3}, {"ឈ្មោះ\nName", 2.6},
                                 {"ភេទ\nSex", 0.5, Align::center}, {"ថ្ងៃកំណើត\nBorn", 1.1}, {"ថ្នាក់\nClass", 0.7},
                                 {"ខេត្ត\nProvince", 1.3}, {"ស្ថានភាព\nStatus", 0.9}}};
    table.style.body.size = 7.5;
    std::int64_t boys = 0;
    for (std::size_t n = 0; n < records.size(); ++n) {
        const auto& i = records[n].student.info;
        boys += i.gender == "M" ? 1 : 0;
        table.rows.push_back({digits(job, std::to_string(n + 1)), records[n].student.student_code,
                              both_names(i.first_name_kh, i.last_name_kh, i.first_name, i.last_name),
                              i.gender, digits(job, format_date(i.date_of_birth)), class_of(records[n]), i.province,
                              i.status});
    }
    auto running_header = [&] {
        return doc.top() + doc.text(doc.left(), doc.top(), doc.content_width(), "STUDENT LIST · " + filters,
                                    TextStyle{.size = 7.5, .color = pdf::kGrey}) + pdf::mm(2);
    };
    y = pdf::draw_table(doc, table, y, running_header) + pdf::mm(3);
    auto total = static_cast<std::int64_t>(records.size());
    doc.text(doc.left(), y, doc.content_width(),
             digits(job, "សរុប " + std::to_string(total) + " នាក់ · ប្រុស " + std::to_string(boys) + " · ស្រី " +
                             std::to_string(total - boys)) +
                 "   Total " + std::to_string(total) + " · boys " + std::to_string(boys) + " · girls " +
                 std::to_string(total - boys),
             TextStyle{.size = 8.5, .bold = true});
    return doc.finish();
}

}  // namespace sala::printing
