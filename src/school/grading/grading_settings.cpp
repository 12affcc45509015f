// See grading_settings.hpp.
#include "school/grading/grading_settings.hpp"

#include "core/validation.hpp"
#include "http/json.hpp"
#include "school/settings/settings_repository.hpp"

#include <cmath>
#include <set>

namespace sala::grading {
namespace {

constexpr std::string_view kName = "grading";

std::string at(std::string_view list, std::size_t i, std::string_view field)
{
    return std::string(list) + "[" + std::to_string(i) + "]." + std::string(field);
}

bool in_range(double v, double lo, double hi)
{
    return std::isfinite(v) && v >= lo && v <= hi;
}

}  // namespace

VersionedSettings load_settings(db::Connection& c)
{
    auto stored = settings::repo::find(c, kName);
    if (!stored || stored->row_version == 0) {
        return {default_grading_settings(), 0};
    }
    auto settings = json::parse<GradingSettings>(stored->value);
    if (!settings) {
        throw Failure("stored grading settings are not readable");
    }
    return {std::move(*settings), stored->row_version};
}

void check_settings(FieldErrors& errors, const GradingSettings& s)
{
    std::set<std::string> types;
    bool any_weight = false;
    for (std::size_t i = 0; i < s.category_weights.size(); ++i) {
        const auto& c = s.category_weights[i];
        if (!is_grade_type(c.grade_type)) {
            errors.add(at("categoryWeights", i, "gradeType"), "INVALID_VALUE",
                       {{"allowed", "ASSIGNMENT, QUIZ, EXAM, PARTICIPATION"}});
        } else if (!types.insert(c.grade_type).second) {
            errors.add(at("categoryWeights", i, "gradeType"), "DUPLICATE");
        }
        if (!in_range(c.weight, 0, 1000)) {
            errors.add(at("categoryWeights", i, "weight"), "OUT_OF_RANGE", {{"min", "0"}, {"max", "1000"}});
        }
        any_weight = any_weight || c.weight > 0;
    }
    if (!any_weight) {
        errors.add("categoryWeights", "REQUIRED");
    }
    if (s.grade_scale.empty() || s.grade_scale.size() > 20) {
        errors.add("gradeScale", "OUT_OF_RANGE", {{"min", "1"}, {"max", "20"}});
    }
    std::set<std::string> letters;
    for (std::size_t i = 0; i < s.grade_scale.size(); ++i) {
        const auto& g = s.grade_scale[i];
        if (g.letter.empty()) {
            errors.add(at("gradeScale", i, "letter"), "REQUIRED");
        } else if (utf8_length(g.letter) > 4) {
            errors.add(at("gradeScale", i, "letter"), "TOO_LONG", {{"max", "4"}});
        } else if (!letters.insert(g.letter).second) {
            errors.add(at("gradeScale", i, "letter"), "DUPLICATE");
        }
        if (!in_range(g.min_percentage, 0, 100)) {
            errors.add(at("gradeScale", i, "minPercentage"), "OUT_OF_RANGE", {{"min", "0"}, {"max", "100"}});
        } else if (i > 0 && g.min_percentage >= s.grade_scale[i - 1].min_percentage) {
            errors.add(at("gradeScale", i, "minPercentage"), "NOT_DESCENDING");
        }
        if (i + 1 == s.grade_scale.size() && g.min_percentage != 0) {
            errors.add(at("gradeScale", i, "minPercentage"), "INVALID_VALUE", {{"allowed", "0"}});
        }
        for (auto [field, label] : {std::pair{"labelEn", &g.label_en}, std::pair{"labelKh", &g.label_kh}}) {
            if (label->empty()) {
                errors.add(at("gradeScale", i, field), "REQUIRED");
            } else if (utf8_length(*label) > 50) {
                errors.add(at("gradeScale", i, field), "TOO_LONG", {{"max", "50"}});
            }
        }
    }
    if (!in_range(s.pass_mark, 0, 100)) {
        errors.add("passMark", "OUT_OF_RANGE", {{"min", "0"}, {"max", "100"}});
    }
    std::set<std::int64_t> orders;
    for (std::size_t i = 0; i < s.semester_weights.size(); ++i) {
        const auto& w = s.semester_weights[i];
        if (w.order < 1 || w.order > 12) {
            errors.add(at("semesterWeights", i, "order"), "OUT_OF_RANGE", {{"min", "1"}, {"max", "12"}});
        } else if (!orders.insert(w.order).second) {
            errors.add(at("semesterWeights", i, "order"), "DUPLICATE");
        }
        if (!in_range(w.weight, 0, 1000)) {
            errors.add(at("semesterWeights", i, "weight"), "OUT_OF_RANGE", {{"min", "0"}, {"max", "1000"}});
        }
    }
}

VersionedSettings GradingSettingsService::get()
{
    auto lease = db_.read();
    return load_settings(*lease);
}

Result<VersionedSettings> GradingSettingsService::put(GradingSettings s, std::optional<std::int64_t> required_version,
                                                      const Principal& writer)
{
    for (auto& g : s.grade_scale) {
        g.letter = trimmed(g.letter);
        g.label_en = trimmed(g.label_en);
        g.label_kh = trimmed(g.label_kh);
    }
    FieldErrors errors;
    check_settings(errors, s);
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto tx = db_.write();
    if (!settings::repo::save(*tx, kName, json::dump(s), required_version, writer.user_id, clock_.now())) {
        return make_error(ErrorCode::precondition_failed);
    }
    auto saved = load_settings(*tx);
    tx.commit();
    return saved;
}

}  // namespace sala::grading
