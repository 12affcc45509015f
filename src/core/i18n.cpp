// Catalogue contents and the lookup and negotiation around them. One place for every message, so a
// translator works in one file.
#include "core/i18n.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace sala {
namespace {

struct Entry {
    std::string_view en;
    std::string_view km;
};

const std::unordered_map<std::string_view, Entry>& catalogue()
{
    static const std::unordered_map<std::string_view, Entry> messages{
        // Defaults for each error code.
        {"error.bad_request", {"The request is malformed.", "សំណើមិនត្រឹមត្រូវ។"}},
        {"error.unauthorized", {"Authentication is required.", "តម្រូវឱ្យមានការផ្ទៀងផ្ទាត់អត្តសញ្ញាណ។"}},
        {"error.forbidden", {"You do not have permission to do this.", "អ្នកមិនមានសិទ្ធិធ្វើសកម្មភាពនេះទេ។"}},
        {"error.not_found", {"The requested resource was not found.", "រកមិនឃើញធនធានដែលបានស្នើសុំទេ។"}},
        {"error.method_not_allowed",
         {"This method is not allowed on this resource.", "វិធីសាស្ត្រនេះមិនត្រូវបានអនុញ្ញាតលើធនធាននេះទេ។"}},
        {"error.conflict", {"The request conflicts with the current state of the resource.",
                            "សំណើនេះប៉ះទង្គិចនឹងស្ថានភាពបច្ចុប្បន្ននៃធនធាន។"}},
        {"error.precondition_failed",
         {"The resource has changed since you read it.", "ធនធាននេះបានផ្លាស់ប្តូរតាំងពីអ្នកបានអានវា។"}},
        {"error.payload_too_large", {"The request body is too large.", "ខ្លឹមសារសំណើធំពេក។"}},
        {"error.unsupported_media_type",
         {"This content type is not supported; send application/json.",
          "ប្រភេទមាតិកានេះមិនត្រូវបានគាំទ្រទេ សូមផ្ញើ application/json។"}},
        {"error.headers_too_large", {"The request headers are too large.", "ក្បាលសំណើធំពេក។"}},
        {"error.validation_error", {"The request contains invalid data.", "សំណើមានទិន្នន័យមិនត្រឹមត្រូវ។"}},
        {"error.account_locked",
         {"The account is locked. Try again later.", "គណនីត្រូវបានចាក់សោ។ សូមព្យាយាមម្តងទៀតនៅពេលក្រោយ។"}},
        {"error.rate_limited",
         {"Too many requests. Try again later.", "សំណើច្រើនពេក។ សូមព្យាយាមម្តងទៀតនៅពេលក្រោយ។"}},
        {"error.internal", {"An unexpected error occurred.", "មានកំហុសដែលមិនបានរំពឹងទុកកើតឡើង។"}},
        {"error.unavailable",
         {"The service is temporarily unavailable.", "សេវាកម្មមិនអាចប្រើបានជាបណ្តោះអាសន្ន។"}},

        // Request-level messages.
        {"error.invalid_json", {"The request body is not valid JSON.", "ខ្លឹមសារសំណើមិនមែនជា JSON ត្រឹមត្រូវទេ។"}},
        {"error.invalid_path_param",
         {"Path parameter '{name}' must be {expected}.", "ប៉ារ៉ាម៉ែត្រផ្លូវ '{name}' ត្រូវតែជា {expected}។"}},
        {"error.unknown_query_param",
         {"Unknown query parameter '{name}'.", "មិនស្គាល់ប៉ារ៉ាម៉ែត្រសំណួរ '{name}' ទេ។"}},
        {"error.invalid_query_param",
         {"Query parameter '{name}' must be {expected}.", "ប៉ារ៉ាម៉ែត្រសំណួរ '{name}' ត្រូវតែជា {expected}។"}},
        {"error.handler_timeout",
         {"The request took too long to process.", "ការដំណើរការសំណើចំណាយពេលយូរពេក។"}},
        {"error.database_unavailable",
         {"The database is not answering.", "មូលដ្ឋានទិន្នន័យមិនឆ្លើយតបទេ។"}},
        {"error.unknown_sort_field",
         {"Cannot sort by '{name}'.", "មិនអាចតម្រៀបតាម '{name}' បានទេ។"}},
        {"error.bad_credentials",
         {"The username or password is incorrect.", "ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ។"}},
        {"error.account_inactive",
         {"This account is disabled. Ask an administrator.", "គណនីនេះត្រូវបានបិទ។ សូមសួរអ្នកគ្រប់គ្រង។"}},
        {"error.invalid_token", {"The access token is not valid.", "សញ្ញាសម្គាល់ចូលប្រើមិនត្រឹមត្រូវ។"}},
        {"error.token_expired",
         {"The access token has expired; refresh it.", "សញ្ញាសម្គាល់ចូលប្រើផុតកំណត់ហើយ។ សូមធ្វើឱ្យថ្មី។"}},
        {"error.session_expired",
         {"The session has ended; sign in again.", "វគ្គបានបញ្ចប់ហើយ។ សូមចូលម្តងទៀត។"}},
        {"error.invalid_api_key", {"The API key is not valid.", "កូនសោ API មិនត្រឹមត្រូវ។"}},
        {"error.api_key_revoked", {"This API key has been revoked.", "កូនសោ API នេះត្រូវបានដកហូតហើយ។"}},
        {"error.csrf",
         {"A request authenticated by cookie must send X-Requested-With or a matching Origin.",
          "សំណើដែលផ្ទៀងផ្ទាត់ដោយខូគីត្រូវផ្ញើ X-Requested-With ឬ Origin ដែលត្រូវគ្នា។"}},
        {"error.last_admin",
         {"This is the last active administrator; make another administrator first.",
          "នេះជាអ្នកគ្រប់គ្រងសកម្មចុងក្រោយ។ សូមបង្កើតអ្នកគ្រប់គ្រងម្នាក់ទៀតជាមុនសិន។"}},
        {"error.wrong_current_password",
         {"The current password is incorrect.", "ពាក្យសម្ងាត់បច្ចុប្បន្នមិនត្រឹមត្រូវ។"}},
        {"error.username_taken", {"This username is already taken.", "ឈ្មោះអ្នកប្រើនេះមានរួចហើយ។"}},
        {"error.invalid_idempotency_key",
         {"Idempotency-Key must be 1 to 255 visible characters.", "Idempotency-Key ត្រូវមាន 1 ដល់ 255 តួអក្សរដែលមើលឃើញ។"}},
        {"error.idempotency_key_reused",
         {"This Idempotency-Key was used for a different request.", "Idempotency-Key នេះត្រូវបានប្រើសម្រាប់សំណើផ្សេង។"}},
        {"error.idempotency_key_running",
         {"A request with this Idempotency-Key is still being processed.", "សំណើដែលមាន Idempotency-Key នេះកំពុងដំណើរការ។"}},

        // School structure and student records (academic structure).
        {"error.school_year_name_taken",
         {"A school year with this name already exists.", "ឆ្នាំសិក្សាដែលមានឈ្មោះនេះមានរួចហើយ។"}},
        {"error.no_current_school_year",
         {"No school year is marked as current.", "មិនមានឆ្នាំសិក្សាណាមួយត្រូវបានកំណត់ជាឆ្នាំបច្ចុប្បន្នទេ។"}},
        {"error.school_year_in_use",
         {"This school year still has semesters or classes.", "ឆ្នាំសិក្សានេះនៅមានឆមាស ឬថ្នាក់នៅឡើយ។"}},
        {"error.semester_order_taken",
         {"This school year already has a semester with this order.",
          "ឆ្នាំសិក្សានេះមានឆមាសដែលមានលំដាប់នេះរួចហើយ។"}},
        {"error.semester_in_use",
         {"Enrollments refer to this semester.", "មានការចុះឈ្មោះចូលរៀនដែលយោងទៅឆមាសនេះ។"}},
        {"error.subject_code_taken",
         {"A subject with this code already exists.", "មុខវិជ្ជាដែលមានលេខកូដនេះមានរួចហើយ។"}},
        {"error.subject_in_use", {"Classes still take this subject.", "នៅមានថ្នាក់ដែលរៀនមុខវិជ្ជានេះ។"}},
        {"error.subject_grade_level_in_use",
         {"Classes at a grade level being removed take this subject.",
          "ថ្នាក់នៅកម្រិតថ្នាក់ដែលកំពុងដកចេញ នៅរៀនមុខវិជ្ជានេះ។"}},
        {"error.course_section_taken",
         {"This school year already has this section at this grade level.",
          "ឆ្នាំសិក្សានេះមានផ្នែកនេះនៅកម្រិតថ្នាក់នេះរួចហើយ។"}},
        {"error.course_in_use", {"This class still has enrollments.", "ថ្នាក់នេះនៅមានការចុះឈ្មោះចូលរៀន។"}},
        {"error.course_has_records",
         {"This class has grades or attendance on record and cannot be deleted.",
          "ថ្នាក់នេះមានពិន្ទុ ឬវត្តមានក្នុងបញ្ជី ហើយមិនអាចលុបបានទេ។"}},
        {"error.capacity_below_enrolled",
         {"The capacity cannot be less than the number of students enrolled.",
          "ចំនួនសិស្សអតិបរមាមិនអាចតិចជាងចំនួនសិស្សដែលបានចុះឈ្មោះទេ។"}},
        {"error.course_not_taught",
         {"You can only change classes you teach.", "អ្នកអាចកែប្រែបានតែថ្នាក់ដែលអ្នកបង្រៀនប៉ុណ្ណោះ។"}},
        {"error.course_field_admin_only",
         {"Only an administrator can change a class's school year, grade level, section or homeroom teacher.",
          "មានតែអ្នកគ្រប់គ្រងទេ ដែលអាចប្តូរឆ្នាំសិក្សា កម្រិតថ្នាក់ ផ្នែក ឬគ្រូបន្ទុកថ្នាក់របស់ថ្នាក់បាន។"}},
        {"error.course_grade_excluded",
         {"A subject this class takes is not taught at the new grade level.",
          "មុខវិជ្ជាមួយដែលថ្នាក់នេះរៀន មិនត្រូវបានបង្រៀននៅកម្រិតថ្នាក់ថ្មីទេ។"}},
        {"field.end_before_start", {"Must be later than the start date.", "ត្រូវតែក្រោយកាលបរិច្ឆេទចាប់ផ្តើម។"}},
        {"field.span_too_long",
         {"Must be within {max} months of the start date.", "ត្រូវនៅក្នុងរយៈពេល {max} ខែ គិតពីកាលបរិច្ឆេទចាប់ផ្តើម។"}},
        {"field.outside_school_year",
         {"Must be within the school year ({start} to {end}).", "ត្រូវនៅក្នុងឆ្នាំសិក្សា ({start} ដល់ {end})។"}},
        {"field.overlaps",
         {"Overlaps semester {name} ({start} to {end}).", "ត្រួតគ្នាជាមួយឆមាស {name} ({start} ដល់ {end})។"}},
        {"field.excludes_semester",
         {"Semester {name} ({start} to {end}) would fall outside the school year.",
          "ឆមាស {name} ({start} ដល់ {end}) នឹងស្ថិតនៅក្រៅឆ្នាំសិក្សា។"}},
        {"field.not_later", {"Must be a later school year.", "ត្រូវតែជាឆ្នាំសិក្សាក្រោយ។"}},
        {"field.not_enrolled",
         {"Not an active student of this school year.", "មិនមែនជាសិស្សកំពុងសិក្សាក្នុងឆ្នាំសិក្សានេះទេ។"}},
        {"field.course_full", {"The course {course} is full.", "ថ្នាក់ {course} ពេញហើយ។"}},
        {"field.not_allowed", {"This field is not allowed here.", "វាលនេះមិនត្រូវបានអនុញ្ញាតនៅទីនេះទេ។"}},
        {"field.not_found", {"No such record exists.", "មិនមានកំណត់ត្រានេះទេ។"}},
        {"field.not_a_teacher",
         {"Must be an active teacher or administrator account.", "ត្រូវតែជាគណនីគ្រូ ឬអ្នកគ្រប់គ្រងដែលសកម្ម។"}},
        {"field.not_positive", {"Must be greater than 0.", "ត្រូវតែធំជាង 0។"}},
        {"field.grade_level_excluded",
         {"{subject} is not taught at grade level {gradeLevel}.",
          "{subject} មិនត្រូវបានបង្រៀននៅកម្រិតថ្នាក់ {gradeLevel} ទេ។"}},
        {"field.grade_level_in_use",
         {"Classes at grade level {gradeLevel} take this subject.",
          "ថ្នាក់នៅកម្រិតថ្នាក់ {gradeLevel} កំពុងរៀនមុខវិជ្ជានេះ។"}},
        {"field.not_taught", {"This subject is not taught in the course.", "មុខវិជ្ជានេះមិនត្រូវបានបង្រៀនក្នុងថ្នាក់នេះទេ។"}},
        {"field.wrong_school_year",
         {"Belongs to another school year than the course.", "ជារបស់ឆ្នាំសិក្សាផ្សេងពីឆ្នាំសិក្សារបស់ថ្នាក់។"}},
        {"field.not_in_course",
         {"Not enrolled in this course on that date.", "មិនបានចុះឈ្មោះក្នុងថ្នាក់នេះនៅកាលបរិច្ឆេទនោះទេ។"}},
        {"field.not_descending",
         {"Must be lower than the step above it.", "ត្រូវតែទាបជាងកម្រិតខាងលើ។"}},
        {"field.too_wide", {"The margins leave too little of the page to print on.", "រឹមទំព័រធំពេក នៅសល់កន្លែងបោះពុម្ពតិចពេក។"}},
        {"field.no_data", {"There is nothing to print for this period.", "មិនមានទិន្នន័យសម្រាប់បោះពុម្ពក្នុងរយៈពេលនេះទេ។"}},
        {"field.duplicate", {"Listed more than once.", "មានក្នុងបញ្ជីច្រើនជាងម្តង។"}},
        {"field.below_enrolled",
         {"Cannot be less than the {enrolled} students enrolled.",
          "មិនអាចតិចជាងសិស្ស {enrolled} នាក់ដែលបានចុះឈ្មោះទេ។"}},
        {"field.has_enrollments",
         {"Cannot change while the class has enrollments.",
          "មិនអាចប្តូរបានទេ ខណៈដែលថ្នាក់នៅមានការចុះឈ្មោះចូលរៀន។"}},
        // School structure and student records (students).
        {"error.not_an_image",
         {"Only JPEG and PNG images are accepted.", "ទទួលយកតែរូបភាព JPEG និង PNG ប៉ុណ្ណោះ។"}},
        {"error.malformed_multipart",
         {"The multipart/form-data body is malformed.", "តួ multipart/form-data មិនត្រឹមត្រូវ។"}},
        {"error.no_course_in_year",
         {"The student has no course in the school year {year}.", "សិស្សគ្មានថ្នាក់ក្នុងឆ្នាំសិក្សា {year} ទេ។"}},
        {"error.not_your_subject",
         {"Only the subject's teacher in this course, its homeroom teacher or an admin may record its grades.",
          "មានតែគ្រូបង្រៀនមុខវិជ្ជានេះក្នុងថ្នាក់ គ្រូបន្ទុកថ្នាក់ ឬអ្នកគ្រប់គ្រងប៉ុណ្ណោះដែលអាចកត់ត្រាពិន្ទុរបស់វាបាន។"}},
        {"error.printing_not_allowed",
         {"Printing documents is reserved for administrators, and for teachers of the course when the school allows it.",
          "ការបោះពុម្ពឯកសារសម្រាប់តែអ្នកគ្រប់គ្រង និងគ្រូនៃថ្នាក់នោះ ពេលសាលាអនុញ្ញាត។"}},
        {"error.nothing_to_print",
         {"There is nothing to print for {what}.", "មិនមានអ្វីសម្រាប់បោះពុម្ពសម្រាប់ {what} ទេ។"}},
        {"error.printer_busy",
         {"Too many documents are being printed; try again shortly.", "មានឯកសារច្រើនពេកកំពុងបោះពុម្ព សូមព្យាយាមម្តងទៀតបន្តិចទៀត។"}},
        {"error.not_your_course",
         {"Only the course's teachers (and admins) may see or change its enrollments, grades and attendance.",
          "មានតែគ្រូបង្រៀននៃថ្នាក់នេះ (និងអ្នកគ្រប់គ្រង) ប៉ុណ្ណោះដែលអាចមើល ឬផ្លាស់ប្ដូរការចុះឈ្មោះ ពិន្ទុ និងវត្តមានរបស់វាបាន។"}},
        // Attendance.
        {"error.attendance_exists",
         {"This student's attendance is already recorded in this course for that date and session.",
          "វត្តមានរបស់សិស្សនេះត្រូវបានកត់ត្រារួចហើយក្នុងថ្នាក់នេះ សម្រាប់កាលបរិច្ឆេទ និងវេននោះ។"}},
        {"error.attendance_session_conflict",
         {"The student already has a {session} mark that day; a whole-day (FULL) mark and a morning or afternoon "
          "mark cannot both be recorded.",
          "សិស្សនេះមានការកត់ត្រាវេន {session} នៅថ្ងៃនោះរួចហើយ។ មិនអាចកត់ត្រាទាំងពេញមួយថ្ងៃ (FULL) "
          "និងវេនព្រឹក ឬរសៀលបានទេ។"}},
        {"field.not_enrolled_in_course",
         {"Not enrolled in {course} on {date}.", "មិនបានចុះឈ្មោះក្នុងថ្នាក់ {course} នៅថ្ងៃ {date} ទេ។"}},
        {"field.in_future",
         {"Cannot be later than today ({today}).", "មិនអាចលើសពីថ្ងៃនេះ ({today}) បានទេ។"}},
        {"field.session_conflict",
         {"Already has a {session} mark that day (FULL and AM/PM cannot both be recorded).",
          "មានការកត់ត្រាវេន {session} នៅថ្ងៃនោះរួចហើយ (មិនអាចកត់ត្រាទាំង FULL និង AM/PM បានទេ)។"}},
        {"error.student_not_active",
         {"Only active students can be enrolled.", "មានតែសិស្សដែលកំពុងសិក្សាប៉ុណ្ណោះដែលអាចចុះឈ្មោះបាន។"}},
        {"error.already_enrolled",
         {"The student already has an active enrollment in this school year.",
          "សិស្សនេះមានការចុះឈ្មោះសកម្មក្នុងឆ្នាំសិក្សានេះរួចហើយ។"}},
        {"error.course_full",
         {"The course is full ({capacity} places).", "ថ្នាក់នេះពេញហើយ ({capacity} កន្លែង)។"}},
        {"error.promotion_problems",
         {"{count} students cannot be promoted; nothing was changed. A dry run lists them.",
          "សិស្ស {count} នាក់មិនអាចឡើងថ្នាក់បានទេ ហើយគ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។ ការសាកល្បងនឹងបង្ហាញពួកគេ។"}},
        {"error.student_code_taken",
         {"Another student already has this student code.", "សិស្សម្នាក់ទៀតមានលេខកូដសិស្សនេះរួចហើយ។"}},
        {"error.student_has_records",
         {"This student has grades or attendance on record and cannot be deleted; change their status "
          "instead.",
          "សិស្សនេះមានពិន្ទុ ឬវត្តមានក្នុងបញ្ជី ហើយមិនអាចលុបបានទេ។ សូមប្ដូរស្ថានភាពរបស់គាត់ជំនួសវិញ។"}},
        {"error.shutting_down",
         {"The server is shutting down.", "ម៉ាស៊ីនមេកំពុងបិទ។"}},

        // Student import and export.
        {"error.csv_empty",
         {"The file is empty; it needs a header row naming the columns.",
          "ឯកសារនេះទទេ។ វាត្រូវមានជួរក្បាលដែលដាក់ឈ្មោះជួរឈរ។"}},
        {"error.csv_not_utf8",
         {"The file is not UTF-8 text (line {line}); save it as \"CSV UTF-8\".",
          "ឯកសារនេះមិនមែនជាអត្ថបទ UTF-8 ទេ (បន្ទាត់ {line})។ សូមរក្សាទុកវាជា \"CSV UTF-8\"។"}},
        {"error.csv_charset",
         {"Send the file as UTF-8: Content-Type: text/csv; charset=utf-8.",
          "សូមផ្ញើឯកសារជា UTF-8៖ Content-Type: text/csv; charset=utf-8។"}},
        {"error.csv_unclosed_quote",
         {"A quoted cell that starts in row {row} is never closed.",
          "ក្រឡាក្នុងសញ្ញាសម្រង់ដែលចាប់ផ្តើមនៅជួរ {row} មិនត្រូវបានបិទទេ។"}},
        {"error.csv_header",
         {"The header row does not match the documented columns.",
          "ជួរក្បាលមិនត្រូវគ្នានឹងជួរឈរដែលបានកំណត់ទេ។"}},
        {"error.import_rejected",
         {"{count} of {rows} rows have errors; nothing was imported.",
          "ជួរ {count} ក្នុងចំណោម {rows} មានកំហុស។ គ្មានអ្វីត្រូវបាននាំចូលទេ។"}},
        {"field.unknown_column",
         {"This is not one of the documented columns.", "នេះមិនមែនជាជួរឈរមួយក្នុងចំណោមជួរឈរដែលបានកំណត់ទេ។"}},
        {"field.missing_column", {"This column is required.", "ជួរឈរនេះត្រូវតែមាន។"}},
        {"field.wrong_cell_count",
         {"This row has {cells} cells; the header has {columns}.",
          "ជួរនេះមាន {cells} ក្រឡា ប៉ុន្តែជួរក្បាលមាន {columns}។"}},
        {"field.not_a_date", {"Must be a date written YYYY-MM-DD.", "ត្រូវតែជាកាលបរិច្ឆេទដែលសរសេរជា YYYY-MM-DD។"}},
        {"field.not_a_number",
         {"Must be a number, with . as the decimal point.", "ត្រូវតែជាលេខ ដោយប្រើ . ជាសញ្ញាទសភាគ។"}},
        {"field.not_a_whole_number", {"Must be a whole number.", "ត្រូវតែជាចំនួនគត់។"}},
        {"field.not_a_boolean",
         {"Must be true or false (yes/no and 1/0 work too).", "ត្រូវតែជា true ឬ false (yes/no និង 1/0 ក៏ប្រើបានដែរ)។"}},
        {"field.duplicate_row",
         {"Row {row} has the same student code.", "ជួរ {row} មានលេខកូដសិស្សដូចគ្នា។"}},
        {"field.same_as_primary",
         {"The same person as the primary guardian.", "ជាមនុស្សតែមួយនឹងអាណាព្យាបាលចម្បង។"}},

        // Field-level messages: key is "field." + the lower-cased detail code.
        {"field.required", {"This field is required.", "វាលនេះត្រូវតែបំពេញ។"}},
        {"field.invalid_type", {"Must be of type {expected}.", "ត្រូវតែជាប្រភេទ {expected}។"}},
        {"field.unknown_field", {"This field is not allowed.", "វាលនេះមិនត្រូវបានអនុញ្ញាតទេ។"}},
        {"field.invalid_format", {"The format is invalid.", "ទម្រង់មិនត្រឹមត្រូវ។"}},
        {"field.too_long", {"Must be at most {max} characters.", "ត្រូវមានយ៉ាងច្រើន {max} តួអក្សរ។"}},
        {"field.too_short", {"Must be at least {min} characters.", "ត្រូវមានយ៉ាងតិច {min} តួអក្សរ។"}},
        {"field.too_many", {"Must have at most {max} items.", "ត្រូវមានយ៉ាងច្រើន {max} ធាតុ។"}},
        {"field.out_of_range", {"Must be between {min} and {max}.", "ត្រូវនៅចន្លោះ {min} និង {max}។"}},
        {"field.invalid_value", {"Must be one of: {allowed}.", "ត្រូវតែជាមួយក្នុងចំណោម៖ {allowed}។"}},
        {"field.contains_username",
         {"The password must not contain the username.", "ពាក្យសម្ងាត់មិនត្រូវមានឈ្មោះអ្នកប្រើទេ។"}},
        {"field.already_exists", {"This value is already taken.", "តម្លៃនេះត្រូវបានប្រើរួចហើយ។"}},
        {"field.incorrect", {"This is not correct.", "នេះមិនត្រឹមត្រូវទេ។"}},
        {"field.too_common",
         {"This password is too common or is a dictionary word; choose a longer phrase.",
          "ពាក្យសម្ងាត់នេះសាមញ្ញពេក ឬជាពាក្យក្នុងវចនានុក្រម។ សូមជ្រើសរើសឃ្លាវែងជាងនេះ។"}},
    };
    return messages;
}

std::string substitute(std::string_view text, const MessageArgs& args)
{
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            auto close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                auto name = text.substr(i + 1, close - i - 1);
                auto it = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
                if (it != args.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

double parse_quality(std::string_view params)
{
    // params looks like ";q=0.8" (possibly with other parameters); malformed q counts as 0.
    auto pos = params.find("q=");
    if (pos == std::string_view::npos) {
        return 1.0;
    }
    auto value = trim(params.substr(pos + 2));
    double q = 0.0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), q);
    if (ec != std::errc{} || q < 0.0 || q > 1.0) {
        return 0.0;
    }
    return q;
}

}  // namespace

std::string_view locale_tag(Locale locale)
{
    switch (locale) {
    case Locale::en: return "en";
    case Locale::km: return "km";
    }
    return "en";
}

std::optional<Locale> parse_locale(std::string_view tag)
{
    auto primary = tag.substr(0, tag.find_first_of("-_"));
    auto equals = [&](std::string_view want) {
        return primary.size() == want.size() &&
               std::equal(primary.begin(), primary.end(), want.begin(),
                          [](char a, char b) { return (a | 0x20) == b; });
    };
    if (equals("km")) {
        return Locale::km;
    }
    if (equals("en")) {
        return Locale::en;
    }
    return std::nullopt;
}

Locale negotiate_locale(std::string_view header, Locale fallback)
{
    std::optional<Locale> best;
    double best_q = 0.0;
    while (!header.empty()) {
        auto comma = header.find(',');
        auto item = trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        auto semi = item.find(';');
        auto tag = trim(item.substr(0, semi));
        double q = semi == std::string_view::npos ? 1.0 : parse_quality(item.substr(semi));
        auto locale = parse_locale(tag);
        if (locale && q > best_q) {
            best = locale;
            best_q = q;
        }
    }
    return best.value_or(fallback);
}

std::string translate(Locale locale, std::string_view key, const MessageArgs& args)
{
    const auto& messages = catalogue();
    auto it = messages.find(key);
    if (it == messages.end()) {
        return std::string(key);
    }
    return substitute(locale == Locale::km ? it->second.km : it->second.en, args);
}

bool has_message(std::string_view key)
{
    const auto& messages = catalogue();
    auto it = messages.find(key);
    return it != messages.end() && !it->second.en.empty() && !it->second.km.empty();
}

std::string default_message_key(ErrorCode code)
{
    switch (code) {
    case ErrorCode::bad_request: return "error.bad_request";
    case ErrorCode::unauthorized: return "error.unauthorized";
    case ErrorCode::forbidden: return "error.forbidden";
    case ErrorCode::not_found: return "error.not_found";
    case ErrorCode::method_not_allowed: return "error.method_not_allowed";
    case ErrorCode::conflict: return "error.conflict";
    case ErrorCode::precondition_failed: return "error.precondition_failed";
    case ErrorCode::payload_too_large: return "error.payload_too_large";
    case ErrorCode::unsupported_media_type: return "error.unsupported_media_type";
    case ErrorCode::headers_too_large: return "error.headers_too_large";
    case ErrorCode::validation_error: return "error.validation_error";
    case ErrorCode::account_locked: return "error.account_locked";
    case ErrorCode::rate_limited: return "error.rate_limited";
    case ErrorCode::internal: return "error.internal";
    case ErrorCode::unavailable: return "error.unavailable";
    }
    return "error.internal";
}

}  // namespace sala
