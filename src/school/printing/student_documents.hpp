// A student's registration form (particulars, photo, guardians, family, health, scholarships,
// enrollments) and the student list (the rows of GET /students with its filters).
#pragma once

#include "reports/pdf/image.hpp"
#include "school/printing/document_parts.hpp"
#include "school/students/student.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sala::printing {

// `sensitive`: whether the reader may see health details, income and the poverty-card number.
[[nodiscard]] std::string render_registration(const students::StudentRecord& record, bool sensitive,
                                              const std::optional<pdf::Image>& photo, const PrintJob& job);

// `filters`: what the list was chosen by, printed under the title ("Status: active · Class 7A").
[[nodiscard]] std::string render_student_list(const std::vector<students::StudentRecord>& records,
                                              const std::string& filters, const PrintJob& job);

}  // namespace sala::printing
