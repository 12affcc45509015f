// See report_card_document.hpp.
#include "school/printing/report_card_document.hpp"

#include "reports/pdf/table.hpp"

namespace sala::printing {
namespace {

using pdf::Align;
using pdf::TextStyle;

std::string subject_name(const results::SubjectColumn& s)
{
    return s.name_kh ? *s.name_kh + "\n" + s.name : s.name;
}

std::string result_text(const PrintJob& job, const results::SubjectCell& cell)
{
    return number(job, cell.result);
}

void render_card(pdf::Document& doc, const PrintJob& job, const CardPeriod& cp)
{
    const auto& card = *cp.card;
    const auto& p = *cp.period;
    double y = draw_letterhead(doc, job);
    y = draw_title(doc, y, "ព្រឹត្តិបត្រពិន្ទុ", "STUDENT REPORT CARD",
                   period_name(job, p.period.name_kh, p.period.name));
    const auto& s = card.student;
    y = draw_fields(doc, y,
                    {{"ឈ្មោះ Name", khmer_name(s.first_name_kh, s.last_name_kh)},
                     {"អក្សរឡាតាំង Latin", latin_name(s.first_name, s.last_name)},
                     {"អត្តលេខ Student code", s.student_code},
                     {"ភេទ Gender", gender_label(s.gender)},
                     {"ថ្នាក់ Class", card.course.name},
                     {"ឆ្នាំសិក្សា School year", digits(job, card.school_year.name)}});

    pdf::Table table;
    table.columns = {{"ល.រ\nNo.", 0.5, Align::center}, {"មុខវិជ្ជា\nSubject", 3.2}, {"មេគុណ\nCoef.", 0.8, Align::center}};
    bool year = p.period.type == "year";
    if (year) {
        for (const auto& sem : card.semesters) {
            table.columns.push_back({digits(job, sem.period.name) + "\n(%)", 1.1, Align::right});
        }
        table.columns.push_back({"ប្រចាំឆ្នាំ\nYear (%)", 1.1, Align::right, true});
    } else {
        table.columns.push_back({"លទ្ធផល\nResult (%)", 1.2, Align::right, true});
    }
    table.columns.push_back({"និទ្ទេស\nGrade", 0.8, Align::center});
    for (std::size_t i = 0; i < card.subjects.size(); ++i) {
        const auto& subject = card.subjects[i];
        std::vector<std::string> row{digits(job, std::to_string(i + 1)), subject_name(subject),
                                     number(job, subject.coefficient, subject.coefficient == static_cast<int>(subject.coefficient) ? 0 : 2)};
        if (year) {
            for (const auto& sem : card.semesters) {
                row.push_back(i < sem.results.size() ? result_text(job, sem.results[i]) : "—");
            }
        }
        row.push_back(i < p.results.size() ? result_text(job, p.results[i]) : "—");
        row.push_back(i < p.results.size() ? p.results[i].grade.value_or("—") : "—");
        table.rows.push_back(std::move(row));
    }
    y = pdf::draw_table(doc, table, y) + pdf::mm(4);

    std::string grade = p.grade.value_or("—");
    if (p.grade_label_kh || p.grade_label_en) {
        grade += " (" + p.grade_label_kh.value_or("") + (p.grade_label_en ? " " + *p.grade_label_en : "") + ")";
    }
    std::string rank = p.rank ? digits(job, std::to_string(*p.rank) + " / " + std::to_string(p.ranked)) : "—";
    std::string passed = !p.passed ? "—" : *p.passed ? "ជាប់ Passed" : "ធ្លាក់ Failed";
    y = draw_fields(doc, y,
                    {{"មធ្យមភាគ Average", number(job, p.average)},
                     {"និទ្ទេស Grade", grade},
                     {"ចំណាត់ថ្នាក់ Rank", rank},
                     {"លទ្ធផល Result", passed}});
    const auto& a = p.attendance;
    y = draw_fields(doc, y,
                    {{"វត្តមាន Present (days)", number(job, a.present, 1)},
                     {"អវត្តមាន Absent (days)", number(job, a.absent, 1)},
                     {"មកយឺត Late (days)", number(job, a.late, 1)},
                     {"មានច្បាប់ Excused (days)", number(job, a.excused, 1)},
                     {"អត្រាវត្តមាន Attendance", a.attendance_rate ? number(job, a.attendance_rate) + " %" : "—"}});
    draw_signatures(doc, job, y + pdf::mm(2),
                    {{"មាតាបិតា ឬអាណាព្យាបាល", "Parent or guardian", ""},
                     {"គ្រូបន្ទុកថ្នាក់", "Homeroom teacher", ""},
                     {"នាយកសាលា", "Principal", principal_name(job)}});
}

}  // namespace

std::string render_report_cards(const std::vector<CardPeriod>& cards, const PrintJob& job)
{
    std::string title = "Report card";
    if (cards.size() == 1) {
        title += " — " + cards.front().card->student.student_code;
    }
    pdf::Document doc(job.setup.page, document_info(job, title));
    for (std::size_t i = 0; i < cards.size(); ++i) {
        if (i > 0) {
            doc.new_section();
        }
        render_card(doc, job, cards[i]);
    }
    return doc.finish();
}

}  // namespace sala::printing
