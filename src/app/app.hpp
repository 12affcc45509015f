// The wiring: Config → Database (migrated) → worker pool → services → Router → Pipeline. One App
// is one running Sala; `sala serve` puts a Server in front of it, the API tests call its pipeline
// directly.
#pragma once

#include "app/config.hpp"
#include "auth/api_key.hpp"
#include "auth/auth_service.hpp"
#include "auth/middleware.hpp"
#include "auth/rate_limit.hpp"
#include "core/clock.hpp"
#include "core/worker_pool.hpp"
#include "db/database.hpp"
#include "http/metrics.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"
#include "school/activity/event_log.hpp"
#include "school/attendance/attendance_service.hpp"
#include "school/enrollments/enrollment_service.hpp"
#include "school/events/event_bus.hpp"
#include "school/files/file_service.hpp"
#include "school/grades/grade_service.hpp"
#include "school/printing/printing_service.hpp"
#include "school/promotion/promotion_service.hpp"
#include "school/students/student_service.hpp"
#include "school/users/user_service.hpp"

#include <memory>
#include <mutex>
#include <string>

namespace sala::app {

inline constexpr std::string_view kVersion = SALA_VERSION;

class App {
public:
    // `database` replaces the configured one (tests inject failures through it); it must be migrated.
    App(Config config, const Clock& clock, std::unique_ptr<db::Database> database = nullptr);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    [[nodiscard]] const Config& config() const { return config_; }
    [[nodiscard]] const Clock& clock() const { return clock_; }
    [[nodiscard]] db::Database& database() { return *db_; }
    [[nodiscard]] WorkerPool& workers() { return *workers_; }
    [[nodiscard]] WorkerPool& writers() { return *writers_; }
    [[nodiscard]] WorkerPool& hashing() { return *hashing_; }
    // Grade and attendance changes are published here; the activity log subscribes.
    [[nodiscard]] events::EventBus& events() { return events_; }
    [[nodiscard]] auth::AuthService& auth() { return *auth_; }
    [[nodiscard]] auth::ApiKeyService& api_keys() { return *api_keys_; }
    [[nodiscard]] auth::SignInLimiter& sign_in_limiter() { return *sign_in_limiter_; }
    [[nodiscard]] users::UserService& users() { return *users_; }
    [[nodiscard]] students::StudentService& students() { return *students_; }
    [[nodiscard]] files::FileService& files() { return *files_; }
    [[nodiscard]] enrollments::EnrollmentService& enrollments() { return *enrollments_; }
    [[nodiscard]] attendance::AttendanceService& attendance() { return *attendance_; }
    [[nodiscard]] promotion::PromotionService& promotion() { return *promotion_; }
    [[nodiscard]] grades::GradeService& grades() { return *grades_; }
    [[nodiscard]] printing::PrintingService& printing() { return *printing_; }
    [[nodiscard]] http::Router& router() { return router_; }
    [[nodiscard]] http::Metrics& metrics() { return metrics_; }
    [[nodiscard]] http::Pipeline& pipeline() { return *pipeline_; }
    [[nodiscard]] http::ResponseCache* response_cache() { return response_cache_.get(); }

    // The OpenAPI document, built once from the route table.
    [[nodiscard]] const std::string& openapi();

private:
    Config config_;
    const Clock& clock_;
    std::unique_ptr<db::Database> db_;
    // Declared after db_: the pools are joined before the database closes.
    std::unique_ptr<WorkerPool> workers_;  // reads
    std::unique_ptr<WorkerPool> writers_;  // writes: one thread on SQLite (its single writer)
    std::unique_ptr<WorkerPool> hashing_;  // password hashes only: few threads, lowest priority
    activity::EventLog event_log_;
    events::EventBus events_;
    std::unique_ptr<auth::AuthService> auth_;
    std::unique_ptr<auth::ApiKeyService> api_keys_;
    auth::InMemoryCounterStore counters_;
    std::unique_ptr<auth::RateLimiter> limiter_;
    std::unique_ptr<auth::SignInLimiter> sign_in_limiter_;
    std::unique_ptr<users::UserService> users_;
    std::unique_ptr<students::StudentService> students_;
    std::unique_ptr<files::FileService> files_;
    std::unique_ptr<enrollments::EnrollmentService> enrollments_;
    std::unique_ptr<attendance::AttendanceService> attendance_;
    std::unique_ptr<promotion::PromotionService> promotion_;
    std::unique_ptr<grades::GradeService> grades_;
    std::unique_ptr<printing::PrintingService> printing_;
    http::Router router_;
    http::Metrics metrics_;
    std::unique_ptr<http::ResponseCache> response_cache_;  // null when configured off
    std::unique_ptr<http::Pipeline> pipeline_;
    std::once_flag openapi_once_;
    std::string openapi_;
};

// Opens the configured database (creating the data directory, mode 0700) and migrates it.
std::unique_ptr<db::Database> open_and_migrate(const Config& config);

}  // namespace sala::app
