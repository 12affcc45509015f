// The JSON shape of the grading settings, for the API and for how they are stored (the stored
// document is what PUT /settings/grading accepted).
#pragma once

#include "school/grading/calculations.hpp"

#include <boost/describe/class.hpp>

namespace sala::grading {

struct CategoryWeightBody {
    std::string grade_type;
    double weight = 0;
};
BOOST_DESCRIBE_STRUCT(CategoryWeightBody, (), (grade_type, weight))

struct ScaleStepBody {
    std::string letter;
    double min_percentage = 0;
    std::string label_en;
    std::string label_kh;
};
BOOST_DESCRIBE_STRUCT(ScaleStepBody, (), (letter, min_percentage, label_en, label_kh))

struct SemesterWeightBody {
    std::int64_t order = 0;
    double weight = 1;
};
BOOST_DESCRIBE_STRUCT(SemesterWeightBody, (), (order, weight))

struct GradingSettingsBody {
    std::vector<CategoryWeightBody> category_weights;
    std::vector<ScaleStepBody> grade_scale;
    double pass_mark = 50;
    std::vector<SemesterWeightBody> semester_weights;
};
BOOST_DESCRIBE_STRUCT(GradingSettingsBody, (), (category_weights, grade_scale, pass_mark, semester_weights))

inline GradingSettingsBody to_body(const GradingSettings& s)
{
    GradingSettingsBody b;
    for (const auto& c : s.category_weights) {
        b.category_weights.push_back({c.grade_type, c.weight});
    }
    for (const auto& g : s.grade_scale) {
        b.grade_scale.push_back({g.letter, g.min_percentage, g.label_en, g.label_kh});
    }
    b.pass_mark = s.pass_mark;
    for (const auto& w : s.semester_weights) {
        b.semester_weights.push_back({w.order, w.weight});
    }
    return b;
}

inline GradingSettings from_body(const GradingSettingsBody& b)
{
    GradingSettings s;
    for (const auto& c : b.category_weights) {
        s.category_weights.push_back({c.grade_type, c.weight});
    }
    for (const auto& g : b.grade_scale) {
        s.grade_scale.push_back({g.letter, g.min_percentage, g.label_en, g.label_kh});
    }
    s.pass_mark = b.pass_mark;
    for (const auto& w : b.semester_weights) {
        s.semester_weights.push_back({w.order, w.weight});
    }
    return s;
}

}  // namespace sala::grading
