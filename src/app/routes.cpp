// Calls each feature's register_*_routes. A new feature adds one line here.
#include "app/routes.hpp"

#include "app/app.hpp"
#include "app/ops_routes.hpp"
#include "auth/api_key_routes.hpp"
#include "auth/auth_routes.hpp"
#include "school/activity/activity_routes.hpp"
#include "school/attendance/attendance_routes.hpp"
#include "school/courses/course_routes.hpp"
#include "school/enrollments/enrollment_routes.hpp"
#include "school/exports/exports_routes.hpp"
#include "school/files/file_routes.hpp"
#include "school/grades/grade_routes.hpp"
#include "school/grading/grading_settings_routes.hpp"
#include "school/printing/printing_routes.hpp"
#include "school/promotion/promotion_routes.hpp"
#include "school/results/results_routes.hpp"
#include "school/school_years/school_year_routes.hpp"
#include "school/settings/school_settings_routes.hpp"
#include "school/subjects/subject_routes.hpp"
#include "school/students/student_bulk_routes.hpp"
#include "school/students/guardian_routes.hpp"
#include "school/students/student_routes.hpp"
#include "school/users/user_routes.hpp"

namespace sala::app {

void register_routes(App& app)
{
    auto& router = app.router();
    register_ops_routes(router, app);
    auth::register_auth_routes(router, app.auth(), app.sign_in_limiter(), app.hashing(), app.database(),
                               auth::AuthRouteOptions{app.config().login_user_list, app.config().cors_origins});
    auth::register_api_key_routes(router, app.api_keys());
    users::register_user_routes(router, app.users(), app.hashing());
    activity::register_activity_routes(router, app.database());
    school_years::register_school_year_routes(router, app.database(), app.clock());
    school_years::register_semester_routes(router, app.database(), app.clock());
    subjects::register_subject_routes(router, app.database(), app.clock());
    courses::register_course_routes(router, app.database(), app.clock(), app.config().grade_levels);
    students::register_student_routes(router, app.students(), app.files());
    students::register_guardian_routes(router, app.students());
    students::register_student_bulk_routes(router, app.database(), app.students(), app.clock(),
                                           app.config().upload_limit);
    enrollments::register_enrollment_routes(router, app.enrollments());
    attendance::register_attendance_routes(router, app.attendance());
    promotion::register_promotion_routes(router, app.promotion());
    files::register_file_routes(router, app.files(), app.config().upload_limit);
    grading::register_grading_settings_routes(router, app.database(), app.clock());
    settings::register_school_settings_routes(router, app.database(), app.clock());
    grades::register_grade_routes(router, app.grades());
    results::register_results_routes(router, app.database());
    printing::register_printing_routes(router, app.printing());
    exports::register_export_routes(router);
}

}  // namespace sala::app
