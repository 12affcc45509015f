// The pure rules of student records, kept apart so they are unit-tested without a database:
// student codes from a pattern, search tokens, and the validation of every input field.
#pragma once

#include "core/error.hpp"
#include "school/students/student.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sala::students {

// Code patterns: literal text with {year} (4 digits) and exactly one {seq:N} (the counter,
// zero-padded to N digits), e.g. "STU-{year}-{seq:4}".
[[nodiscard]] bool valid_code_pattern(std::string_view pattern);
[[nodiscard]] std::string expand_code(std::string_view pattern, int year, std::int64_t sequence);
// The counter a pattern uses in a year: a new year starts again at 1.
[[nodiscard]] std::string sequence_name(std::string_view pattern, int year);

// The words of a text for search: split at spaces and punctuation, lower-cased (ASCII).
[[nodiscard]] std::vector<std::string> words(std::string_view text);
// What a student can be found by: every prefix (1 to 20 characters) of every word of the Latin
// and Khmer names and of the code.
[[nodiscard]] std::vector<std::string> search_tokens(const Student& s);
// The tokens a search text must all match (each word, cut to 20 characters).
[[nodiscard]] std::vector<std::string> query_tokens(std::string_view q);

// Field checks of the inputs, with JSON paths ("studentInfo.dateOfBirth"); `today` decides what a
// plausible date is. With `stored` (a change to an existing record), dates that did not change are
// not checked against today again: a record stays editable as years pass.
void check_info(FieldErrors& errors, const std::string& path, StudentInfo& info, Date today,
                const StudentInfo* stored = nullptr);
// A student code given by hand (or imported): 1 to 30 letters, digits and . _ / -.
[[nodiscard]] bool valid_code(std::string_view code);
void check_guardian(FieldErrors& errors, const std::string& path, GuardianInput& guardian);
void check_family(FieldErrors& errors, const std::string& path, Family& family);
void check_scholarship(FieldErrors& errors, const std::string& path, Scholarship& scholarship);

}  // namespace sala::students
