// See student_import.hpp. An import is a plan (read the file, find the stored students, check every
// row, match guardians, compare with what is stored) and, for a real run without errors, its
// writing in the same transaction.
#include "school/students/student_import.hpp"

#include "core/i18n.hpp"
#include "core/validation.hpp"
#include "school/students/student_csv.hpp"
#include "school/students/student_repository.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace sala::students {
namespace {

using GuardianKey = std::tuple<std::string, std::string, std::string>;  // first name, last name, phone

GuardianKey key_of(const GuardianInput& g)
{
    return {g.first_name.value_or(""), g.last_name.value_or(""), g.phone.value_or("")};
}

GuardianKey key_of(const Guardian& g)
{
    return {g.first_name, g.last_name, g.phone};
}

enum class Action { create, update, unchanged };

struct PlannedRow {
    std::size_t number = 0;
    std::vector<std::string> record;         // the file's cells
    std::optional<std::int64_t> student_id;  // the stored student its code names
    StudentInput input;                      // validated
    bool fits = true;                        // has the header's cells
    bool valid = false;
    Action action = Action::create;
    std::array<std::optional<std::size_t>, 2> guardians;  // primary, secondary: into Plan::guardians
};

// A person the file names as a guardian: one already stored, or one the import creates.
struct KnownGuardian {
    std::optional<std::int64_t> id;
    Guardian stored;  // when `id`
    Guardian merged;  // with the details the file gives
};

// Everything decided before anything is written.
struct Plan {
    csv::Header header;
    std::vector<PlannedRow> rows;
    std::unordered_map<std::int64_t, StudentRecord> stored;
    std::vector<KnownGuardian> guardians;
    std::map<GuardianKey, std::size_t> by_key;
    ImportReport report;
};

using Progress = std::function<void(std::string_view, std::size_t, std::size_t)>;

void report_progress(const Progress& progress, std::string_view stage, std::size_t done, std::size_t total)
{
    if (progress && (done % kImportProgressEvery == 0 || done == total)) {
        progress(stage, done, total);
    }
}

void add_error(Plan& plan, std::size_t row, std::string column, std::string code, MessageArgs args = {})
{
    std::string key = "field." + ascii_lowered(code);
    plan.report.errors.push_back(ImportError{row, std::move(column), std::move(code), std::move(key), std::move(args)});
}

// The errors of a service call, by column.
void add_errors(Plan& plan, std::size_t row, const Error& e)
{
    if (e.details.empty()) {
        auto key = e.message_key.empty() ? default_message_key(e.code) : e.message_key;
        plan.report.errors.push_back(ImportError{row, "", std::string(error_code_name(e.code)), key, e.args});
        return;
    }
    for (const auto& d : e.details) {
        plan.report.errors.push_back(ImportError{row, csv::column_of_field(d.field), d.code, d.message_key, d.args});
    }
}

Error file_error(std::string key, MessageArgs args = {})
{
    return make_error(ErrorCode::validation_error, std::move(key), std::move(args));
}

// The header and the records under it, or why the text is not a CSV file we can read.
Result<std::vector<std::vector<std::string>>> read_table(std::string_view text, csv::Header& header)
{
    text = sala::csv::strip_bom(text);
    if (auto bad = sala::csv::invalid_utf8_at(text)) {
        auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*bad), '\n') + 1;
        return file_error("error.csv_not_utf8", {{"line", std::to_string(line)}});
    }
    auto parsed = sala::csv::read_records(text, sala::csv::sniff_delimiter(text));
    if (parsed.unclosed_quote) {
        return file_error("error.csv_unclosed_quote", {{"row", std::to_string(*parsed.unclosed_quote)}});
    }
    if (parsed.records.empty() || csv::is_blank(parsed.records.front())) {
        return file_error("error.csv_empty");
    }
    auto read = csv::read_header(parsed.records.front());
    if (!read) {
        return read.error();
    }
    header = *read;
    parsed.records.erase(parsed.records.begin());
    return std::move(parsed.records);
}

// The data rows: blank ones skipped, rows of the wrong width and repeated codes reported.
void collect_rows(Plan& plan, std::vector<std::vector<std::string>> records)
{
    auto code_at = plan.header.position[csv::column("studentCode")];
    std::map<std::string, std::size_t> first_row_of_code;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (csv::is_blank(records[i])) {
            continue;
        }
        PlannedRow row;
        row.number = i + 1;
        row.record = std::move(records[i]);
        row.valid = true;
        if (!csv::fits_header(plan.header, row.record)) {
            add_error(plan, row.number, "", "WRONG_CELL_COUNT",
                      {{"cells", std::to_string(row.record.size())}, {"columns", std::to_string(plan.header.width)}});
            row.fits = false;
            row.valid = false;
        } else if (code_at) {
            auto code = sala::csv::unshield_formula(trimmed(row.record[*code_at]));
            auto [it, first] = first_row_of_code.try_emplace(code, row.number);
            if (!code.empty() && !first) {
                add_error(plan, row.number, "studentCode", "DUPLICATE_ROW", {{"row", std::to_string(it->second)}});
                row.valid = false;
            }
        }
        plan.rows.push_back(std::move(row));
    }
    plan.report.rows = plan.rows.size();
}

// The stored students the rows' codes name, with their guardians and families.
void load_stored(db::Connection& c, Plan& plan)
{
    auto code_at = plan.header.position[csv::column("studentCode")];
    if (!code_at) {
        return;
    }
    std::vector<std::int64_t> ids;
    for (auto& row : plan.rows) {
        if (!row.valid) {
            continue;
        }
        auto code = sala::csv::unshield_formula(trimmed(row.record[*code_at]));
        if (!code.empty()) {
            row.student_id = repo::find_by_code(c, code);
        }
        if (row.student_id) {
            ids.push_back(*row.student_id);
        }
    }
    for (auto& record : repo::records(c, ids)) {
        auto id = record.student.student_id;
        plan.stored.emplace(id, std::move(record));
    }
}

const StudentRecord* stored_of(const Plan& plan, const PlannedRow& row)
{
    return row.student_id ? &plan.stored.at(*row.student_id) : nullptr;
}

std::span<const LinkedGuardian> linked_guardians(const StudentRecord* stored)
{
    return stored ? std::span<const LinkedGuardian>(stored->guardians) : std::span<const LinkedGuardian>();
}

// Maps, fills in and validates one row; one error per cell (a cell that does not parse is not
// checked again by the rules).
void check_row(Plan& plan, PlannedRow& row, const StudentService& students)
{
    const auto* stored = stored_of(plan, row);
    csv::Row fallback = stored ? csv::row_of_stored(*stored) : csv::Row{};
    auto cells = csv::row_of_record(plan.header, row.record, fallback);
    FieldErrors cell_errors;
    auto input = csv::input_of_row(cells, cell_errors);
    students.fill_defaults(input, stored ? &stored->student : nullptr);
    auto valid = students.validate(std::move(input), stored ? &stored->student : nullptr);
    std::set<std::string> reported;
    for (const auto& e : cell_errors.list()) {
        add_error(plan, row.number, e.field, e.code, e.args);
        reported.insert(e.field);
    }
    if (!valid) {
        for (const auto& d : valid.error().details) {
            auto column = csv::column_of_field(d.field);
            if (!reported.contains(column)) {
                plan.report.errors.push_back(ImportError{row.number, column, d.code, d.message_key, d.args});
            }
        }
    }
    row.valid = row.valid && cell_errors.empty() && valid.has_value();
    if (!row.valid) {
        return;
    }
    row.input = std::move(*valid);
    if (row.input.secondary_guardian && key_of(*row.input.secondary_guardian) == key_of(row.input.primary_guardian)) {
        add_error(plan, row.number, "secondaryGuardianFirstName", "SAME_AS_PRIMARY");
        row.valid = false;
    }
}

void check_rows(Plan& plan, const StudentService& students, const Progress& progress)
{
    std::size_t done = 0;
    for (auto& row : plan.rows) {
        if (row.fits) {
            check_row(plan, row, students);
        }
        report_progress(progress, "checked", ++done, plan.rows.size());
    }
    std::stable_sort(plan.report.errors.begin(), plan.report.errors.end(),
                     [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
}

std::array<GuardianInput*, 2> guardian_inputs(PlannedRow& row)
{
    return {&row.input.primary_guardian, row.input.secondary_guardian ? &*row.input.secondary_guardian : nullptr};
}

Guardian person_of(const GuardianInput& g)
{
    Guardian p;
    p.first_name = g.first_name.value_or("");
    p.last_name = g.last_name.value_or("");
    p.phone = g.phone.value_or("");
    p.occupation = g.occupation;
    p.email = g.email;
    p.address = g.address;
    return p;
}

// A detail the row gives replaces what is known; a detail it leaves empty keeps it.
void merge_details(Guardian& known, const GuardianInput& g)
{
    for (auto [from, to] : {std::pair{&g.occupation, &known.occupation}, std::pair{&g.email, &known.email},
                            std::pair{&g.address, &known.address}}) {
        if (*from) {
            *to = *from;
        }
    }
}

// Guardians with the same first name, last name and phone are one person: within the file, and
// with the guardians stored for the students the file updates (a student's own first).
void match_guardians(Plan& plan)
{
    std::unordered_map<std::int64_t, std::size_t> by_id;
    for (const auto& row : plan.rows) {
        const auto* stored = row.valid ? stored_of(plan, row) : nullptr;
        for (const auto& linked : linked_guardians(stored)) {
            const auto& g = linked.guardian;
            auto [it, added] = by_id.try_emplace(g.guardian_id, plan.guardians.size());
            if (added) {
                plan.guardians.push_back(KnownGuardian{g.guardian_id, g, g});
                plan.by_key.try_emplace(key_of(g), it->second);
            }
        }
    }
    for (auto& row : plan.rows) {
        if (!row.valid) {
            continue;
        }
        const auto* stored = stored_of(plan, row);
        auto inputs = guardian_inputs(row);
        for (std::size_t k = 0; k < inputs.size(); ++k) {
            if (inputs[k] == nullptr) {
                continue;
            }
            auto key = key_of(*inputs[k]);
            std::optional<std::size_t> index;
            for (const auto& linked : linked_guardians(stored)) {
                if (key_of(linked.guardian) == key) {
                    index = by_id.at(linked.guardian.guardian_id);
                }
            }
            if (auto it = plan.by_key.find(key); !index && it != plan.by_key.end()) {
                index = it->second;
            }
            if (!index) {
                index = plan.guardians.size();
                plan.guardians.push_back(KnownGuardian{std::nullopt, {}, person_of(*inputs[k])});
                plan.by_key.emplace(key, *index);
            }
            merge_details(plan.guardians[*index].merged, *inputs[k]);
            row.guardians[k] = index;
        }
    }
}

// Each row's guardians take the merged details; then the row is compared with what is stored.
void classify(Plan& plan)
{
    for (auto& row : plan.rows) {
        if (!row.valid) {
            continue;
        }
        auto inputs = guardian_inputs(row);
        for (std::size_t k = 0; k < inputs.size(); ++k) {
            if (inputs[k] != nullptr) {
                const auto& merged = plan.guardians[*row.guardians[k]].merged;
                inputs[k]->occupation = merged.occupation;
                inputs[k]->email = merged.email;
                inputs[k]->address = merged.address;
            }
        }
        const auto* stored = stored_of(plan, row);
        if (!stored) {
            row.action = Action::create;
            ++plan.report.created;
        } else if (csv::row_of_input(row.input) == csv::row_of_stored(*stored)) {
            row.action = Action::unchanged;
            ++plan.report.unchanged;
        } else {
            row.action = Action::update;
            ++plan.report.updated;
        }
    }
}

bool same_details(const Guardian& a, const Guardian& b)
{
    return a.occupation == b.occupation && a.email == b.email && a.address == b.address;
}

// Stored guardians whose details the file changes; every student linked to them shows the change.
void update_guardians(db::Connection& tx, const Plan& plan, TimePoint now)
{
    for (const auto& g : plan.guardians) {
        if (g.id && !same_details(g.stored, g.merged)) {
            auto changed = g.merged;
            changed.guardian_id = *g.id;
            if (repo::update_guardian(tx, changed, std::nullopt, now)) {
                repo::touch_many(tx, repo::students_of_guardian(tx, *g.id), now);
            }
        }
    }
}

// Links the row's guardians by id, creating the new ones the first time a row names them.
void link_known_guardians(db::Connection& tx, Plan& plan, PlannedRow& row, TimePoint now)
{
    auto inputs = guardian_inputs(row);
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        if (inputs[k] == nullptr) {
            continue;
        }
        auto& known = plan.guardians[*row.guardians[k]];
        if (!known.id) {
            known.id = repo::insert_guardian(tx, known.merged, now);
        }
        inputs[k]->guardian_id = known.id;
    }
}

// Rows with a code first, so a generated code never takes one a later row of the file gives.
std::vector<PlannedRow*> write_order(Plan& plan)
{
    std::vector<PlannedRow*> out;
    for (auto& row : plan.rows) {
        if (row.action != Action::unchanged && (row.action == Action::update || row.input.student_code)) {
            out.push_back(&row);
        }
    }
    for (auto& row : plan.rows) {
        if (row.action == Action::create && !row.input.student_code) {
            out.push_back(&row);
        }
    }
    return out;
}

// Writes the plan; false (with the errors in the report) when a row fails after all.
bool write_plan(db::Connection& tx, Plan& plan, StudentService& students, TimePoint now, const Progress& progress)
{
    update_guardians(tx, plan, now);
    auto order = write_order(plan);
    std::size_t done = 0;
    for (auto* row : order) {
        link_known_guardians(tx, plan, *row, now);
        if (row->action == Action::create) {
            auto created = students.create_in(tx, row->input);
            if (!created) {
                add_errors(plan, row->number, created.error());
                return false;
            }
        } else if (auto replaced = students.replace_in_batch(tx, *row->student_id, row->input); !replaced) {
            add_errors(plan, row->number, replaced.error());
            return false;
        }
        report_progress(progress, "saved", ++done, order.size());
    }
    repo::delete_orphan_guardians(tx);
    return true;
}

Plan make_plan(db::Connection& c, const csv::Header& header, std::vector<std::vector<std::string>> records,
               const StudentService& students, const ImportOptions& options)
{
    Plan plan;
    plan.header = header;
    plan.report.dry_run = options.dry_run;
    collect_rows(plan, std::move(records));
    load_stored(c, plan);
    check_rows(plan, students, options.progress);
    match_guardians(plan);
    classify(plan);
    return plan;
}

}  // namespace

Result<ImportReport> StudentImport::run(std::string_view text, const ImportOptions& options)
{
    csv::Header header;
    auto records = read_table(text, header);
    if (!records) {
        return records.error();
    }
    if (options.dry_run) {
        auto lease = db_.read();
        return make_plan(*lease, header, std::move(*records), students_, options).report;
    }
    auto tx = db_.write();
    auto plan = make_plan(*tx, header, std::move(*records), students_, options);
    if (plan.report.errors.empty() && write_plan(*tx, plan, students_, clock_.now(), options.progress)) {
        tx.commit();
    }
    return std::move(plan.report);
}

}  // namespace sala::students
