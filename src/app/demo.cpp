// See demo.hpp.
#include "app/demo.hpp"

#include "auth/password.hpp"
#include "school/users/user_repository.hpp"
#include "school/users/user_service.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sys/stat.h>

namespace sala::app {
namespace {

constexpr std::string_view kFileName = "demo-credentials";

std::map<std::string, std::string> read_credentials(const std::filesystem::path& file)
{
    std::map<std::string, std::string> out;
    std::ifstream in(file);
    std::string username;
    std::string password;
    while (in >> username >> password) {
        out[username] = password;
    }
    return out;
}

void write_credentials(const std::filesystem::path& file, const std::vector<DemoAccount>& accounts)
{
    {
        std::ofstream out(file, std::ios::trunc);
        out << "# Demo accounts of this Sala data directory: username password\n";
        for (const auto& a : accounts) {
            out << a.username << ' ' << a.password << '\n';
        }
    }
    ::chmod(file.c_str(), 0600);
}

}  // namespace

std::vector<DemoAccount> ensure_demo_accounts(db::Database& db, const Clock& clock, const Config& config)
{
    auto file = std::filesystem::path(config.data_dir) / kFileName;
    auto known = read_credentials(file);
    std::vector<DemoAccount> accounts{{"admin", "", "admin"}, {"teacher", "", "teacher"}};
    bool changed = false;
    for (auto& account : accounts) {
        std::optional<users::User> existing;
        {
            auto lease = db.read();
            existing = users::repo::find_by_username(*lease, account.username);
        }
        auto it = known.find(account.username);
        if (existing && it != known.end() && auth::verify_password(existing->password_hash, it->second)) {
            account.password = it->second;
            continue;
        }
        account.password = auth::generate_password();
        changed = true;
        if (existing) {
            auto tx = db.write();
            users::repo::set_password_hash(*tx, existing->user_id, auth::hash_password(account.password), clock.now());
            tx.commit();
        } else {
            users::NewUser user{account.username, account.password, "Demo",
                                account.role == "admin" ? "Admin" : "Teacher", account.role,
                                std::nullopt, std::nullopt, std::nullopt};
            auto created = users::create_user(db, clock, user);
            if (!created) {
                throw Failure("could not create demo account " + account.username);
            }
        }
    }
    if (changed) {
        write_credentials(file, accounts);
    }
    return accounts;
}

std::optional<demo::DemoSchoolSummary> ensure_demo_school(db::Database& db, const Clock& clock, const Config& config,
                                                          std::ostream* progress)
{
    if (config.demo_students <= 0) {
        return std::nullopt;
    }
    demo::DemoSchoolOptions options;
    options.students = config.demo_students;
    options.seed = config.demo_seed;
    options.grade_levels = config.grade_levels;
    options.student_code_pattern = config.student_code_pattern;
    if (progress && config.demo_students > kDemoProgressEvery) {
        options.progress = [progress](std::int64_t done, std::int64_t total) {
            if (done % kDemoProgressEvery == 0 || done == total) {
                *progress << "sala: demo school: " << done << " of " << total << " students\n" << std::flush;
            }
        };
    }
    return demo::create_demo_school(db, clock, options);
}

}  // namespace sala::app
