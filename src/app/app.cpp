// See app.hpp. Route registration for every feature happens in routes.cpp.
#include "app/app.hpp"

#include "app/routes.hpp"
#include "auth/crypto.hpp"
#include "auth/password.hpp"
#include "db/migrations.hpp"
#include "http/openapi.hpp"
#include "school/activity/audit.hpp"
#include "school/idempotency/idempotency.hpp"

#include <algorithm>
#include <filesystem>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace sala::app {

namespace {

// How long a cached answer may be served at most: writes by this process end it at once, this
// bounds how long one made by another process (`sala import` beside a running server) can go
// unseen.
constexpr std::chrono::milliseconds kResponseCacheTtl{1000};

// The password-hashing threads run at the lowest priority (nice 19), each on one of the last CPUs
// when there are more CPUs than hashing threads: a sign-in storm then uses the CPU the rest of the
// server leaves over, and request threads are not woken onto a CPU busy with a hash. (Not
// SCHED_IDLE: the scheduler counts a CPU running only SCHED_IDLE work as idle and places waking
// request threads there, where they can wait a whole tick for the hash to be preempted.)
std::function<void(std::size_t)> background_thread_setup(std::size_t threads)
{
    return [threads](std::size_t index) {
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19);
        auto cpus = static_cast<std::size_t>(std::thread::hardware_concurrency());
        if (cpus > threads) {
            cpu_set_t set;
            CPU_ZERO(&set);
            CPU_SET(static_cast<int>(cpus - 1 - index % threads), &set);
            ::pthread_setaffinity_np(::pthread_self(), sizeof set, &set);
        }
    };
}

}  // namespace

std::unique_ptr<db::Database> open_and_migrate(const Config& config)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(config.data_dir, ec);
    if (ec) {
        throw Failure("cannot create data directory " + config.data_dir + ": " + ec.message());
    }
    fs::permissions(config.data_dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    db::Options options;
    options.pool_size = config.worker_threads() + config.write_threads();  // one connection per thread
    options.busy_timeout = config.busy_timeout;
    options.statement_timeout = config.server.handler_timeout;
    options.synchronous_full = config.synchronous_full;
    auto db = db::open_database(config.database_url(), options);
    db::migrate(*db);
    return db;
}

App::App(Config config, const Clock& clock, std::unique_ptr<db::Database> database)
    : config_(std::move(config)),
      clock_(clock),
      db_(database ? std::move(database) : open_and_migrate(config_)),
      workers_(std::make_unique<WorkerPool>(config_.worker_threads())),
      writers_(std::make_unique<WorkerPool>(config_.write_threads())),
      hashing_(std::make_unique<WorkerPool>(config_.hash_threads(), background_thread_setup(config_.hash_threads())))
{
    events_.subscribe(event_log_);
    auto signing_key = auth::load_signing_key(config_.jwt_secret, config_.data_dir);
    // ID cards are signed with a key of their own, derived from the server's.
    auto card_key = auth::hmac_sha256(signing_key, "sala id-card verification");
    auth::TokenSigner signer(std::move(signing_key), "sala", "sala-api");
    auth_ = std::make_unique<auth::AuthService>(*db_, clock_, std::move(signer), config_.sessions);
    api_keys_ = std::make_unique<auth::ApiKeyService>(*db_, clock_, config_.api_key_rotation_grace,
                                                      config_.sessions.cache_ttl);
    limiter_ = std::make_unique<auth::RateLimiter>(counters_, clock_);
    sign_in_limiter_ = std::make_unique<auth::SignInLimiter>(*limiter_, config_.rate_limits);
    users_ = std::make_unique<users::UserService>(*db_, clock_, *auth_, *api_keys_);
    students_ = std::make_unique<students::StudentService>(*db_, clock_, config_.student_code_pattern);
    enrollments_ = std::make_unique<enrollments::EnrollmentService>(*db_, clock_);
    attendance_ = std::make_unique<attendance::AttendanceService>(*db_, clock_, events_);
    auto final_grade = config_.grade_levels.empty()
                           ? std::int64_t{12}
                           : *std::max_element(config_.grade_levels.begin(), config_.grade_levels.end());
    promotion_ = std::make_unique<promotion::PromotionService>(*db_, clock_, *enrollments_, final_grade);
    grades_ = std::make_unique<grades::GradeService>(*db_, clock_, events_);
    files_ = std::make_unique<files::FileService>(*db_, clock_, std::filesystem::path(config_.data_dir) / "uploads");
    printing_ = std::make_unique<printing::PrintingService>(
        *db_, *files_, *students_, *attendance_, clock_,
        printing::PrintingLimits{.concurrency = config_.render_concurrency > 0
                                                    ? config_.render_concurrency
                                                    : std::max<std::size_t>(1, std::thread::hardware_concurrency()),
                                 .deterministic = config_.deterministic_pdf},
        printing::CardTokens(std::move(card_key)));

    register_routes(*this);
    metrics_.bind(router_);
    metrics_.add_sampled("sala_db_pool_waits_total", "Connection acquisitions that had to wait.",
                         http::Metrics::Kind::counter,
                         [this] { return static_cast<double>(db_->stats().waits); });
    metrics_.add_sampled("sala_db_pool_wait_seconds_total", "Time spent waiting for a database connection.",
                         http::Metrics::Kind::counter, [this] { return db_->stats().wait_seconds; });
    metrics_.add_sampled("sala_db_statements_total", "SQL statements run.", http::Metrics::Kind::counter,
                         [] { return static_cast<double>(db::statements_run()); });
    metrics_.add_sampled("sala_db_pool_size", "Database connections in the pool.", http::Metrics::Kind::gauge,
                         [this] { return static_cast<double>(db_->stats().size); });
    metrics_.add_sampled("sala_worker_queue_depth", "Blocking reads waiting for a worker thread.",
                         http::Metrics::Kind::gauge, [this] { return static_cast<double>(workers_->queued()); });
    metrics_.add_sampled("sala_writer_queue_depth", "Blocking writes waiting for a writer thread.",
                         http::Metrics::Kind::gauge, [this] { return static_cast<double>(writers_->queued()); });
    metrics_.add_sampled("sala_worker_active", "Worker threads running a task.", http::Metrics::Kind::gauge,
                         [this] { return static_cast<double>(workers_->active()); });
    metrics_.add_sampled("sala_password_hash_queue_depth", "Password hashes waiting for a hashing thread.",
                         http::Metrics::Kind::gauge, [this] { return static_cast<double>(hashing_->queued()); });
    metrics_.add_sampled("sala_password_verifications_total",
                         "Password verifications, including those against the dummy hash for unknown usernames.",
                         http::Metrics::Kind::counter, [] { return static_cast<double>(auth::verification_count()); });

    if (auto bytes = config_.response_cache_bytes(); bytes > 0) {
        response_cache_ = std::make_unique<http::ResponseCache>(db_->changes(), clock_, bytes, kResponseCacheTtl);
        metrics_.add_sampled("sala_response_cache_hits_total", "Reads answered from the response cache.",
                             http::Metrics::Kind::counter,
                             [this] { return static_cast<double>(response_cache_->hits()); });
        metrics_.add_sampled("sala_response_cache_misses_total", "Cacheable reads that ran.",
                             http::Metrics::Kind::counter,
                             [this] { return static_cast<double>(response_cache_->misses()); });
        metrics_.add_sampled("sala_response_cache_bytes", "Memory held by the response cache.",
                             http::Metrics::Kind::gauge,
                             [this] { return static_cast<double>(response_cache_->bytes()); });
    }
    http::PipelineOptions options;
    options.response_cache = response_cache_.get();
    options.default_locale = config_.default_locale();
    options.cors_origins = config_.cors_origins;
    options.json_body_limit = config_.json_body_limit;
    options.access_log = config_.access_log;
    options.trusted_proxies = config_.trusted_proxies;
    pipeline_ = std::make_unique<http::Pipeline>(router_, metrics_, http::Workers{*workers_, *writers_}, clock_,
                                                 options);
    pipeline_->use(std::make_shared<auth::Authenticate>(*auth_, *api_keys_));
    pipeline_->use(std::make_shared<auth::Throttle>(*limiter_, *sign_in_limiter_, config_.rate_limits));
    pipeline_->use(std::make_shared<auth::Authorize>(config_.cors_origins));
    pipeline_->use(std::make_shared<idempotency::IdempotentPosts>(*db_, clock_));
    pipeline_->use(std::make_shared<activity::AuditWrites>(*db_));
}

App::~App()
{
    workers_->join();
    writers_->join();
    hashing_->join();
}

const std::string& App::openapi()
{
    std::call_once(openapi_once_, [this] {
        openapi_ = http::build_openapi(router_, http::ApiInfo{"Sala API", std::string(kVersion),
                                                              "School management: students, guardians, classes, "
                                                              "grades, attendance and printed documents."});
    });
    return openapi_;
}

}  // namespace sala::app
