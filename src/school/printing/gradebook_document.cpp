// See gradebook_document.hpp.
#include "school/printing/gradebook_document.hpp"

#include "reports/pdf/table.hpp"

#include <algorithm>

namespace sala::printing {
namespace {

using pdf::Align;
using pdf::TextStyle;

std::string subtitle(const PrintJob& job, const results::GradebookView& book)
{
    return book.course.name + "  ·  " + period_name(job, book.period.name_kh, book.period.name);
}

std::string passed_text(const std::optional<bool>& passed)
{
    return !passed ? "—" : *passed ? "ជាប់ Passed" : "ធ្លាក់ Failed";
}

// Class statistics: all, boys, girls × students, with an average, mean, pass rate and letters.
double draw_statistics(pdf::Document& doc, const PrintJob& job, const results::GradebookView& book, double y)
{
    pdf::Table table;
    table.style.stripes = false;
    table.columns = {{"ក្រុម\nGroup", 1.4}, {"សិស្ស\nStudents", 0.9, Align::right},
                     {"មានមធ្យមភាគ\nWith average", 1.1, Align::right}, {"មធ្យមភាគថ្នាក់\nClass mean", 1.1, Align::right},
                     {"ជាប់\nPassed", 0.8, Align::right}, {"អត្រាជាប់\nPass rate (%)", 1.1, Align::right},
                     {"និទ្ទេស\nLetters", 2.6}};
    auto row = [&](std::string name, const results::GroupView& g) {
        std::string letters;
        for (const auto& l : g.letters) {
            letters += (letters.empty() ? "" : "  ") + l.letter + ": " + digits(job, std::to_string(l.count));
        }
        table.rows.push_back({std::move(name), digits(job, std::to_string(g.students)),
                              digits(job, std::to_string(g.with_average)), number(job, g.mean),
                              digits(job, std::to_string(g.passed)), number(job, g.pass_rate), letters});
    };
    row("សរុប All", book.statistics.all);
    row("ប្រុស Boys", book.statistics.male);
    row("ស្រី Girls", book.statistics.female);
    return pdf::draw_table(doc, table, y);
}

}  // namespace

std::string render_gradebook(const results::GradebookView& book, const PrintJob& job)
{
    pdf::Document doc(job.setup.page, document_info(job, "Gradebook — " + book.course.name + " — " + book.period.name));
    double y = draw_letterhead(doc, job, true);
    y = draw_title(doc, y, "សៀវភៅពិន្ទុ", "GRADEBOOK", subtitle(job, book));

    pdf::Table table;
    table.style.header.size = 6.5;
    table.style.body.size = 7;
    table.style.padding = 2;
    table.columns = {{"ល.រ\nNo.", 0.45, Align::center}, {"អត្តលេខ\nCode", 1.1}, {"ឈ្មោះ\nName", 2.6},
                     {"ភេទ\nSex", 0.45, Align::center}};
    for (const auto& s : book.subjects) {
        table.columns.push_back({(s.name_kh ? *s.name_kh + "\n" : std::string()) + s.code, 0.85, Align::right});
    }
    table.columns.push_back({"មធ្យមភាគ\nAverage", 0.95, Align::right, true});
    table.columns.push_back({"និទ្ទេស\nGrade", 0.6, Align::center, true});
    table.columns.push_back({"ចំណាត់\nRank", 0.6, Align::center, true});
    for (std::size_t i = 0; i < book.students.size(); ++i) {
        const auto& s = book.students[i];
        std::vector<std::string> row{digits(job, std::to_string(i + 1)), s.student_code,
                                     both_names(s.first_name_kh, s.last_name_kh, s.first_name, s.last_name),
                                     s.gender};
        for (const auto& cell : s.results) {
            row.push_back(number(job, cell.result));
        }
        row.push_back(number(job, s.average));
        row.push_back(s.grade.value_or("—"));
        row.push_back(s.rank ? digits(job, std::to_string(*s.rank)) : "—");
        table.rows.push_back(std::move(row));
    }
    auto running_header = [&] {
        return doc.top() + doc.text(doc.left(), doc.top(), doc.content_width(), "GRADEBOOK · " + subtitle(job, book),
                                    TextStyle{.size = 7.5, .color = pdf::kGrey}) + pdf::mm(2);
    };
    y = pdf::draw_table(doc, table, y, running_header) + pdf::mm(5);
    y = draw_statistics(doc, job, book, y) + pdf::mm(4);
    draw_signatures(doc, job, y, {{"គ្រូបន្ទុកថ្នាក់", "Homeroom teacher", ""},
                                  {"នាយកសាលា", "Principal", principal_name(job)}});
    return doc.finish();
}

std::string render_grade_report(const results::GradebookView& book, const PrintJob& job)
{
    pdf::Document doc(job.setup.page,
                      document_info(job, "Grade report — " + book.course.name + " — " + book.period.name));
    double y = draw_letterhead(doc, job);
    y = draw_title(doc, y, "របាយការណ៍លទ្ធផលសិក្សា", "GRADE REPORT", subtitle(job, book));

    // By rank, then those without an average by name.
    std::vector<const results::GradebookRow*> order;
    for (const auto& s : book.students) {
        order.push_back(&s);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        if (a->rank.has_value() != b->rank.has_value()) {
            return a->rank.has_value();
        }
        return a->rank && *a->rank < *b->rank;
    });
    pdf::Table table;
    table.columns = {{"ចំណាត់\nRank", 0.7, Align::center, true}, {"អត្តលេខ\nCode", 1.3}, {"ឈ្មោះ\nName", 3.4},
                     {"ភេទ\nSex", 0.6, Align::center}, {"មធ្យមភាគ\nAverage", 1.1, Align::right, true},
                     {"និទ្ទេស\nGrade", 1.6, Align::center}, {"លទ្ធផល\nResult", 1.3, Align::center}};
    for (const auto* s : order) {
        std::string grade = s->grade.value_or("—");
        if (s->grade_label_kh) {
            grade += " " + *s->grade_label_kh;
        }
        table.rows.push_back({s->rank ? digits(job, std::to_string(*s->rank)) : "—", s->student_code,
                              both_names(s->first_name_kh, s->last_name_kh, s->first_name, s->last_name),
                              s->gender, number(job, s->average), grade, passed_text(s->passed)});
    }
    y = pdf::draw_table(doc, table, y) + pdf::mm(5);
    y = draw_statistics(doc, job, book, y) + pdf::mm(4);
    draw_signatures(doc, job, y, {{"គ្រូបន្ទុកថ្នាក់", "Homeroom teacher", ""},
                                  {"នាយកសាលា", "Principal", principal_name(job)}});
    return doc.finish();
}

}  // namespace sala::printing
