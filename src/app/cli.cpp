// See cli.hpp. Each subcommand fills a Config and calls one function; nothing here knows HTTP.
#include "app/cli.hpp"

#include "app/app.hpp"
#include "app/demo.hpp"
#include "app/serve.hpp"
#include "auth/password.hpp"
#include "core/i18n.hpp"
#include "core/log.hpp"
#include "db/migrations.hpp"
#include "school/students/student_import.hpp"
#include "school/students/student_rules.hpp"
#include "school/students/student_service.hpp"
#include "school/users/user_service.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

namespace sala::app {
namespace {

// "250ms", "30s", "2m", "1h", "7d", or a bare number of seconds.
std::string parse_duration(std::string& text, std::chrono::milliseconds& out)
{
    std::string_view s = text;
    double factor = 1000.0;
    if (s.ends_with("ms")) {
        factor = 1.0;
        s.remove_suffix(2);
    } else if (s.ends_with("h")) {
        factor = 3600000.0;
        s.remove_suffix(1);
    } else if (s.ends_with("d")) {
        factor = 86400000.0;
        s.remove_suffix(1);
    } else if (s.ends_with("s")) {
        s.remove_suffix(1);
    } else if (s.ends_with("m")) {
        factor = 60000.0;
        s.remove_suffix(1);
    }
    double value = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || ptr != s.data() + s.size() || value < 0) {
        return "invalid duration '" + text + "' (use e.g. 500ms, 30s, 2m, 1h)";
    }
    out = std::chrono::milliseconds(static_cast<std::int64_t>(value * factor));
    return {};
}

void add_duration(CLI::App* cmd, const std::string& name, std::chrono::milliseconds& target, const std::string& env,
                  const std::string& help)
{
    cmd->add_option_function<std::string>(
           name,
           [&target](const std::string& value) {
               std::string copy = value;
               if (auto error = parse_duration(copy, target); !error.empty()) {
                   throw CLI::ValidationError(error);
               }
           },
           help)
        ->envname(env);
}

void add_data_options(CLI::App* cmd, Config& config)
{
    cmd->add_option("--data-dir", config.data_dir, "Directory for the SQLite file, uploads and keys")
        ->envname("SALA_DATA_DIR")
        ->capture_default_str();
    cmd->add_option("--database", config.database,
                    "Database URL: sqlite:PATH or postgresql://… (default: sqlite file in the data dir)")
        ->envname("SALA_DATABASE");
}

void add_log_options(CLI::App* cmd, Config& config)
{
    cmd->add_option("--log-level", config.log_level, "debug, info, warn, error or off")
        ->envname("SALA_LOG_LEVEL")
        ->check(CLI::IsMember({"debug", "info", "warn", "error", "off"}))
        ->capture_default_str();
    cmd->add_option("--log-file", config.log_file, "Write JSON log lines here instead of standard error")
        ->envname("SALA_LOG_FILE");
}

void add_locale_option(CLI::App* cmd, Config& config, const std::string& help)
{
    cmd->add_option("--locale", config.locale, help)
        ->envname("SALA_LOCALE")
        ->check(CLI::IsMember({"en", "km"}))
        ->capture_default_str();
}

void add_student_code_option(CLI::App* cmd, Config& config)
{
    cmd->add_option("--student-code-pattern", config.student_code_pattern,
                    "How new student codes are numbered: text with {year} and one {seq:N} (N digits)")
        ->envname("SALA_STUDENT_CODE_PATTERN")
        ->check(CLI::Validator(
            [](std::string& pattern) {
                return students::valid_code_pattern(pattern) ? std::string()
                                                             : std::string("needs exactly one {seq:N}, N from 1 to 12");
            },
            "PATTERN"))
        ->capture_default_str();
}

void add_grade_levels_option(CLI::App* cmd, Config& config)
{
    cmd->add_option("--grade-levels", config.grade_levels,
                    "Grade levels of the school: GET /api/v1/classes lists them while the current school year has "
                    "no classes, the demo school has classes for each; comma-separated (default 1 to 12)")
        ->envname("SALA_GRADE_LEVELS")
        ->delimiter(',')
        ->check(CLI::Range(1, 12));
}

// `sala demo --students --seed`, `sala serve --demo-students --demo-seed`.
void add_demo_school_options(CLI::App* cmd, Config& config, const std::string& students, const std::string& seed)
{
    cmd->add_option(students, config.demo_students,
                    "Students of the demo school, made on a database without a school year (0: accounts only)")
        ->envname("SALA_DEMO_STUDENTS")
        ->check(CLI::Range(0, 100000))
        ->capture_default_str();
    cmd->add_option(seed, config.demo_seed, "Seed of the demo school: the same seed and size give the same school")
        ->envname("SALA_DEMO_SEED")
        ->capture_default_str();
}

void add_serve_options(CLI::App* cmd, Config& config)
{
    cmd->add_option("--listen", config.listen, "HOST:PORT to listen on (port 0: any free port)")
        ->envname("SALA_LISTEN")
        ->capture_default_str();
    cmd->add_option("--threads", config.threads, "I/O threads (default: one per core)")
        ->envname("SALA_THREADS")
        ->check(CLI::Range(1, 256));
    cmd->add_option("--workers", config.workers, "Threads for blocking work: database, hashing, rendering (default: 2 per core, at least 4)")
        ->envname("SALA_WORKERS")
        ->check(CLI::Range(1, 512));
    add_locale_option(cmd, config, "Language of messages when a client sends no Accept-Language: en or km");
    cmd->add_option("--cors-origin", config.cors_origins, "Allowed browser origin (repeatable), e.g. https://school.example")
        ->envname("SALA_CORS_ORIGINS")
        ->delimiter(',');
    cmd->add_flag("--demo", config.demo,
                  "Create the demo accounts on start and print their credentials; on a database without a school "
                  "year, create the demo school first")
        ->envname("SALA_DEMO");
    cmd->add_option("--render-concurrency", config.render_concurrency,
                    "Documents (PDF, spreadsheets) rendered at once; more wait or get 503 (default: one per core)")
        ->envname("SALA_RENDER_CONCURRENCY")
        ->check(CLI::Range(1, 64));
    cmd->add_flag("--deterministic-pdf", config.deterministic_pdf,
                  "Give every generated PDF the same fixed creation date, so the same data prints byte-identical")
        ->envname("SALA_DETERMINISTIC_PDF");
    cmd->add_flag("!--no-access-log", config.access_log, "Do not log one line per request")->envname("SALA_ACCESS_LOG");
    cmd->add_option("--body-limit", config.json_body_limit, "Largest JSON request body in bytes")
        ->envname("SALA_BODY_LIMIT")
        ->capture_default_str();
    cmd->add_option("--response-cache-mb", config.response_cache_mb,
                    "Memory for answers to repeated reads, kept until the next write (0: off; default 64 on "
                    "SQLite, 0 on PostgreSQL, where another server may write)")
        ->envname("SALA_RESPONSE_CACHE_MB")
        ->check(CLI::Range(0, 4096));
    cmd->add_option("--header-limit", config.server.header_limit, "Largest request header block in bytes")
        ->envname("SALA_HEADER_LIMIT")
        ->capture_default_str();
    add_duration(cmd, "--read-timeout", config.server.read_timeout, "SALA_READ_TIMEOUT",
                 "Time allowed to receive a whole request (default 30s)");
    add_duration(cmd, "--write-timeout", config.server.write_timeout, "SALA_WRITE_TIMEOUT",
                 "Time allowed to send a response (default 30s)");
    add_duration(cmd, "--idle-timeout", config.server.idle_timeout, "SALA_IDLE_TIMEOUT",
                 "How long a keep-alive connection may wait for its next request (default 60s)");
    add_duration(cmd, "--handler-timeout", config.server.handler_timeout, "SALA_HANDLER_TIMEOUT",
                 "Time allowed to handle a request before answering 503 (default 30s)");
    add_duration(cmd, "--shutdown-grace", config.server.shutdown_grace, "SALA_SHUTDOWN_GRACE",
                 "On SIGTERM, how long in-flight requests may take to finish (default 10s)");

    cmd->add_flag("--login-user-list", config.login_user_list,
                  "Let GET /api/v1/auth/users list active users' names and avatars for a login picker")
        ->envname("SALA_LOGIN_USER_LIST");
    cmd->add_option("--trusted-proxy", config.trusted_proxies,
                    "Address or network of a reverse proxy whose X-Forwarded-For/-Proto to believe (repeatable)")
        ->envname("SALA_TRUSTED_PROXIES")
        ->delimiter(',');
    cmd->add_option("--hash-concurrency", config.hash_concurrency,
                    "Password hashes computed at once (each takes 19 MiB; default: half the cores)")
        ->envname("SALA_HASH_CONCURRENCY")
        ->check(CLI::Range(1, 64));
    auto& limits = config.rate_limits;
    cmd->add_option("--rate-limit-sign-in-failures-per-minute", limits.sign_in_failures_per_minute,
                    "Failed sign-ins allowed per client address per minute (0: unlimited)")
        ->envname("SALA_RATE_LIMIT_SIGN_IN_FAILURES_PER_MINUTE")
        ->capture_default_str();
    cmd->add_option("--rate-limit-sign-in-failures-per-hour", limits.sign_in_failures_per_hour,
                    "Failed sign-ins allowed per client address per hour (0: unlimited)")
        ->envname("SALA_RATE_LIMIT_SIGN_IN_FAILURES_PER_HOUR")
        ->capture_default_str();
    cmd->add_option("--rate-limit-per-user", limits.authenticated_per_minute,
                    "Requests per minute per signed-in user (0: unlimited)")
        ->envname("SALA_RATE_LIMIT_PER_USER")
        ->capture_default_str();
    cmd->add_option("--rate-limit-per-api-key", limits.api_key_per_minute, "Requests per minute per API key (0: unlimited)")
        ->envname("SALA_RATE_LIMIT_PER_API_KEY")
        ->capture_default_str();
    cmd->add_option("--rate-limit-anonymous", limits.anonymous_per_minute,
                    "Requests per minute per client address without credentials (0: unlimited)")
        ->envname("SALA_RATE_LIMIT_ANONYMOUS")
        ->capture_default_str();
    add_grade_levels_option(cmd, config);
    add_student_code_option(cmd, config);
    add_demo_school_options(cmd, config, "--demo-students", "--demo-seed");
}

// Secrets come from the environment only, never from a flag (flags show up in `ps`).
void read_secrets(Config& config)
{
    if (const char* secret = std::getenv("SALA_JWT_SECRET")) {
        config.jwt_secret = secret;
    }
}

void configure_logging(const Config& config)
{
    log::configure(log::parse_level(config.log_level).value_or(log::Level::info), config.log_file);
}

int cmd_migrate(const Config& config, std::ostream& out)
{
    configure_logging(config);
    auto db = open_and_migrate(config);
    int latest = db::embedded_migrations().empty() ? 0 : db::embedded_migrations().back().version;
    out << "database " << db->describe() << " is at schema version " << latest << "\n";
    return 0;
}

int cmd_user_add(const Config& config, users::NewUser user, bool password_stdin, std::istream& in,
                 std::ostream& out, std::ostream& err)
{
    configure_logging(config);
    // Names are optional on the command line; the account shows its username and role until an
    // admin or the user fills them in.
    if (user.firstname.empty()) {
        user.firstname = user.username;
    }
    if (user.lastname.empty()) {
        user.lastname = user.role;
    }
    bool generated = false;
    if (password_stdin) {
        std::getline(in, user.password);
        if (!user.password.empty() && user.password.back() == '\r') {
            user.password.pop_back();
        }
    } else {
        user.password = auth::generate_password();
        generated = true;
    }
    auto db = open_and_migrate(config);
    SystemClock clock;
    auto created = users::create_user(*db, clock, user);
    if (!created) {
        std::string message = translate(Locale::en, default_message_key(created.error().code));
        for (const auto& d : created.error().details) {
            message += " " + d.field + ": " + translate(Locale::en, d.message_key, d.args);
        }
        err << "sala: " << message << "\n";
        return 1;
    }
    out << "created " << user.role << " '" << user.username << "' (id " << *created << ")\n";
    if (generated) {
        out << "password: " << user.password << "\n";
    }
    return 0;
}

// The accounts come first: the demo school gives the demo teacher classes.
int cmd_demo(const Config& config, std::ostream& out, std::ostream& err)
{
    configure_logging(config);
    auto db = open_and_migrate(config);
    SystemClock clock;
    auto accounts = ensure_demo_accounts(*db, clock, config);
    auto school = ensure_demo_school(*db, clock, config, &err);
    for (const auto& account : accounts) {
        out << "demo " << account.role << ": username " << account.username << "  password " << account.password
            << "\n";
    }
    if (school) {
        out << "demo school: " << demo::describe(*school) << "\n";
    }
    return 0;
}

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Failure("cannot read " + path + ": " + std::strerror(errno));
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// "row 3, column dateOfBirth: Must be a date written YYYY-MM-DD."
std::string import_error_line(const students::ImportError& e, Locale locale)
{
    std::string line = "row " + std::to_string(e.row);
    if (!e.column.empty()) {
        line += ", column " + e.column;
    }
    return line + ": " + translate(locale, e.message_key, e.args);
}

std::string import_summary(const students::ImportReport& r)
{
    auto n = [](std::size_t v) { return std::to_string(v); };
    auto rows = n(r.rows) + (r.rows == 1 ? " row" : " rows");
    std::set<std::size_t> failed;
    for (const auto& e : r.errors) {
        failed.insert(e.row);
    }
    std::string errors = failed.empty() ? "" : ", " + n(failed.size()) + " with errors";
    if (r.dry_run) {
        return "dry run: " + rows + errors + "; " + n(r.created) + " to create, " + n(r.updated) + " to update, " +
               n(r.unchanged) + " unchanged; nothing was written";
    }
    if (!failed.empty()) {
        return rows + errors + "; nothing was imported";
    }
    return "imported " + rows + ": " + n(r.created) + " created, " + n(r.updated) + " updated, " + n(r.unchanged) +
           " unchanged";
}

// Errors of the file as a whole (its header, its encoding): one line, then one per column.
void print_file_error(const Error& e, Locale locale, std::ostream& err)
{
    auto key = e.message_key.empty() ? default_message_key(e.code) : e.message_key;
    err << "sala: " << translate(locale, key, e.args) << "\n";
    for (const auto& d : e.details) {
        err << "column " << d.field << ": " << translate(locale, d.message_key, d.args) << "\n";
    }
}

// Errors on standard output with the summary (they are the report); progress on standard error,
// for files of more than one progress step.
int cmd_import_students(const Config& config, const std::string& path, bool dry_run, std::ostream& out,
                        std::ostream& err)
{
    configure_logging(config);
    auto text = read_file(path);
    auto locale = config.default_locale();
    auto db = open_and_migrate(config);
    SystemClock clock;
    students::StudentService service(*db, clock, config.student_code_pattern);
    students::StudentImport importer(*db, service, clock);
    students::ImportOptions options;
    options.dry_run = dry_run;
    options.progress = [&err](std::string_view stage, std::size_t done, std::size_t total) {
        if (total > students::kImportProgressEvery) {
            err << "sala: " << stage << " " << done << " of " << total << " rows\n" << std::flush;
        }
    };
    auto report = importer.run(text, options);
    if (!report) {
        print_file_error(report.error(), locale, err);
        return 1;
    }
    for (const auto& e : report->errors) {
        out << import_error_line(e, locale) << "\n";
    }
    out << import_summary(*report) << "\n";
    return report->errors.empty() ? 0 : 1;
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err)
{
    CLI::App cli{"Sala: a school management server (students, grades, attendance, report cards)", "sala"};
    cli.require_subcommand(1);
    cli.set_version_flag("--version", std::string(kVersion));

    // One Config per subcommand: CLI11 applies environment variables to every subcommand's
    // options, so sharing one would let an unused subcommand's SALA_* value overwrite a flag.
    Config serve_config;
    auto* serve_cmd = cli.add_subcommand("serve", "Run the HTTP API server");
    add_data_options(serve_cmd, serve_config);
    add_log_options(serve_cmd, serve_config);
    add_serve_options(serve_cmd, serve_config);

    Config migrate_config;
    auto* migrate_cmd = cli.add_subcommand("migrate", "Create or upgrade the database schema, then exit");
    add_data_options(migrate_cmd, migrate_config);
    add_log_options(migrate_cmd, migrate_config);

    auto* user_cmd = cli.add_subcommand("user", "Manage staff accounts");
    user_cmd->require_subcommand(1);
    auto* user_add = user_cmd->add_subcommand("add", "Create an account (prints a generated password unless --password-stdin)");
    users::NewUser new_user;
    bool password_stdin = false;
    user_add->add_option("--username", new_user.username, "Sign-in name")->required();
    user_add->add_option("--role", new_user.role, "admin or teacher")->required()->check(CLI::IsMember({"admin", "teacher"}));
    user_add->add_option("--firstname", new_user.firstname, "Given name");
    user_add->add_option("--lastname", new_user.lastname, "Family name");
    user_add->add_flag("--password-stdin", password_stdin, "Read the password from the first line of standard input");
    Config user_config;
    add_data_options(user_add, user_config);
    add_log_options(user_add, user_config);

    Config demo_config;
    auto* demo_cmd = cli.add_subcommand(
        "demo", "Create the demo accounts and print their credentials; on a database without a school year, create "
                "the demo school (a current year, classes for every grade level, teachers, students and families)");
    add_data_options(demo_cmd, demo_config);
    add_log_options(demo_cmd, demo_config);
    add_demo_school_options(demo_cmd, demo_config, "--students", "--seed");
    add_grade_levels_option(demo_cmd, demo_config);
    add_student_code_option(demo_cmd, demo_config);

    Config import_config;
    auto* import_cmd = cli.add_subcommand("import", "Import records from a file");
    import_cmd->require_subcommand(1);
    auto* import_students = import_cmd->add_subcommand(
        "students", "Create and update students from CSV (the columns of GET /api/v1/students/export); a row whose "
                    "studentCode exists updates that student; all rows or, on any error, none");
    std::string import_file;
    bool import_dry_run = false;
    import_students->add_option("FILE", import_file, "CSV file: UTF-8 (with or without BOM), , ; or tab delimited")
        ->required();
    import_students->add_flag("--dry-run", import_dry_run, "Check every row and report the errors; write nothing");
    add_data_options(import_students, import_config);
    add_log_options(import_students, import_config);
    add_locale_option(import_students, import_config, "Language of the error messages: en or km");
    add_student_code_option(import_students, import_config);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {
            return cli.exit(e, out, err);
        }
        std::string message = e.what();
        std::replace(message.begin(), message.end(), '\n', ' ');
        err << "sala: " << message << " (see 'sala --help')\n";
        return 2;
    }

    try {
        if (serve_cmd->parsed()) {
            configure_logging(serve_config);
            read_secrets(serve_config);
            return serve(serve_config);
        }
        if (migrate_cmd->parsed()) {
            return cmd_migrate(migrate_config, out);
        }
        if (user_add->parsed()) {
            return cmd_user_add(user_config, std::move(new_user), password_stdin, in, out, err);
        }
        if (demo_cmd->parsed()) {
            return cmd_demo(demo_config, out, err);
        }
        if (import_students->parsed()) {
            return cmd_import_students(import_config, import_file, import_dry_run, out, err);
        }
    } catch (const std::exception& e) {
        std::string message = e.what();
        std::replace(message.begin(), message.end(), '\n', ' ');
        err << "sala: " << message << "\n";
        log::flush();
        return 1;
    }
    return 0;
}

}  // namespace sala::app
