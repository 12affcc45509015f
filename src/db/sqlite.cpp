// SQLite implementation of the Database seam. `$n` parameters are SQLite named parameters, bound
// by name, so `$2` before `$1` or `$1` used twice behave as in PostgreSQL.
#include "db/sqlite.hpp"

#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <unordered_map>

namespace sala::db {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what)
{
    int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
    std::string message = std::string(what) + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    DbError::Kind kind = DbError::Kind::other;
    switch (extended) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: kind = DbError::Kind::unique; break;
    case SQLITE_CONSTRAINT_FOREIGNKEY: kind = DbError::Kind::foreign_key; break;
    case SQLITE_CONSTRAINT_CHECK: kind = DbError::Kind::check; break;
    case SQLITE_CONSTRAINT_NOTNULL: kind = DbError::Kind::not_null; break;
    default:
        if ((extended & 0xff) == SQLITE_BUSY || (extended & 0xff) == SQLITE_LOCKED) {
            kind = DbError::Kind::busy;
        } else if ((extended & 0xff) == SQLITE_CANTOPEN) {
            kind = DbError::Kind::connection;
        }
    }
    throw DbError(kind, message);
}

class SqliteConnection final : public Connection {
public:
    SqliteConnection(const std::string& path, bool writer, const Options& options)
    {
        int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);
        int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            std::string message = "cannot open " + path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
            sqlite3_close(db_);
            db_ = nullptr;
            throw DbError(DbError::Kind::connection, message);
        }
        sqlite3_busy_timeout(db_, static_cast<int>(options.busy_timeout.count()));
        sqlite3_extended_result_codes(db_, 1);
        execute_script("PRAGMA foreign_keys = ON");
        if (writer) {
            execute_script("PRAGMA journal_mode = WAL");
            execute_script(options.synchronous_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        } else {
            execute_script("PRAGMA query_only = ON");
        }
    }

    ~SqliteConnection() override
    {
        for (auto& [sql, stmt] : statements_) {
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db_);
    }

    [[nodiscard]] Dialect dialect() const override { return Dialect::sqlite; }

    void execute_script(std::string_view sql) override
    {
        char* error = nullptr;
        std::string text(sql);
        int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
        if (rc != SQLITE_OK) {
            std::string message = error != nullptr ? error : "";
            sqlite3_free(error);
            fail(db_, rc, "script failed: " + message);
        }
    }

protected:
    Rows run(std::string_view sql, std::span<const Value> params) override
    {
        sqlite3_stmt* stmt = prepare(sql, params);
        struct Reset {
            sqlite3_stmt* s;
            ~Reset()
            {
                sqlite3_reset(s);
                sqlite3_clear_bindings(s);
            }
        } reset{stmt};
        int columns = sqlite3_column_count(stmt);
        std::vector<std::string> names;
        names.reserve(static_cast<std::size_t>(columns));
        for (int i = 0; i < columns; ++i) {
            names.emplace_back(sqlite3_column_name(stmt, i));
        }
        Rows rows(std::move(names));
        for (;;) {
            int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) {
                break;
            }
            if (rc != SQLITE_ROW) {
                fail(db_, rc, "query failed");
            }
            std::vector<Value> row;
            row.reserve(static_cast<std::size_t>(columns));
            for (int i = 0; i < columns; ++i) {
                switch (sqlite3_column_type(stmt, i)) {
                case SQLITE_INTEGER: row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i))); break;
                case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(stmt, i)); break;
                case SQLITE_NULL: row.emplace_back(nullptr); break;
                default: {
                    auto* text = reinterpret_cast<const char*>(sqlite3_column_blob(stmt, i));
                    auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, i));
                    row.emplace_back(std::string(text != nullptr ? text : "", size));
                }
                }
            }
            rows.append(std::move(row));
        }
        return rows;
    }

    std::int64_t run_execute(std::string_view sql, std::span<const Value> params) override
    {
        sqlite3_stmt* stmt = prepare(sql, params);
        int rc = sqlite3_step(stmt);
        while (rc == SQLITE_ROW) {
            rc = sqlite3_step(stmt);
        }
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (rc != SQLITE_DONE) {
            fail(db_, rc, "statement failed");
        }
        return sqlite3_changes64(db_);
    }

private:
    sqlite3_stmt* prepare(std::string_view sql, std::span<const Value> params)
    {
        auto it = statements_.find(sql);
        sqlite3_stmt* stmt = nullptr;
        if (it != statements_.end()) {
            stmt = it->second;
        } else {
            int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                        &stmt, nullptr);
            if (rc != SQLITE_OK) {
                fail(db_, rc, "prepare failed for: " + std::string(sql.substr(0, 120)));
            }
            statements_.emplace(std::string(sql), stmt);
        }
        int expected = sqlite3_bind_parameter_count(stmt);
        if (static_cast<std::size_t>(expected) != params.size()) {
            throw Failure("statement takes " + std::to_string(expected) + " parameters, got " +
                          std::to_string(params.size()) + ": " + std::string(sql.substr(0, 120)));
        }
        for (std::size_t k = 0; k < params.size(); ++k) {
            std::string name = "$" + std::to_string(k + 1);
            int index = sqlite3_bind_parameter_index(stmt, name.c_str());
            if (index == 0) {
                throw Failure("statement does not use " + name + ": " + std::string(sql.substr(0, 120)));
            }
            bind(stmt, index, params[k]);
        }
        return stmt;
    }

    void bind(sqlite3_stmt* stmt, int index, const Value& v)
    {
        int rc = SQLITE_OK;
        if (std::holds_alternative<std::nullptr_t>(v)) {
            rc = sqlite3_bind_null(stmt, index);
        } else if (auto i = std::get_if<std::int64_t>(&v)) {
            rc = sqlite3_bind_int64(stmt, index, *i);
        } else if (auto d = std::get_if<double>(&v)) {
            rc = sqlite3_bind_double(stmt, index, *d);
        } else if (auto b = std::get_if<bool>(&v)) {
            rc = sqlite3_bind_int(stmt, index, *b ? 1 : 0);
        } else if (auto s = std::get_if<std::string>(&v)) {
            rc = sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        if (rc != SQLITE_OK) {
            fail(db_, rc, "bind failed");
        }
    }

    sqlite3* db_ = nullptr;
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> statements_;
};

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(std::string path, const Options& options) : path_(std::move(path))
    {
        writer_ = std::make_unique<SqliteConnection>(path_, true, options);
        for (std::size_t i = 0; i < std::max<std::size_t>(options.pool_size, 1); ++i) {
            readers_.push_back(std::make_unique<SqliteConnection>(path_, false, options));
            free_.push_back(readers_.back().get());
        }
    }

    [[nodiscard]] Dialect dialect() const override { return Dialect::sqlite; }

    Lease read() override
    {
        std::unique_lock lock(mutex_);
        if (free_.empty()) {
            auto start = std::chrono::steady_clock::now();
            available_.wait(lock, [&] { return !free_.empty(); });
            record_wait(start);
        }
        Connection* c = free_.back();
        free_.pop_back();
        return Lease(c, [this](Connection* conn) {
            {
                std::lock_guard release_lock(mutex_);
                free_.push_back(conn);
            }
            available_.notify_one();
        });
    }

    Transaction write() override
    {
        std::unique_lock<std::mutex> lock(writer_mutex_, std::try_to_lock);
        if (!lock.owns_lock()) {
            auto start = std::chrono::steady_clock::now();
            lock.lock();
            std::lock_guard stats_lock(mutex_);
            record_wait(start);
        }
        lock.release();
        return Transaction(Lease(writer_.get(), [this](Connection*) { writer_mutex_.unlock(); }), &changes_);
    }

    void ping() override
    {
        auto lease = read();
        lease->query("SELECT 1");
    }

    [[nodiscard]] PoolStats stats() const override
    {
        std::lock_guard lock(mutex_);
        return PoolStats{waits_, wait_seconds_, readers_.size() + 1};
    }

    [[nodiscard]] std::string describe() const override { return "sqlite:" + path_; }

private:
    void record_wait(std::chrono::steady_clock::time_point start)
    {
        ++waits_;
        wait_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }

    std::string path_;
    std::unique_ptr<SqliteConnection> writer_;
    std::mutex writer_mutex_;
    std::vector<std::unique_ptr<SqliteConnection>> readers_;
    std::vector<Connection*> free_;
    mutable std::mutex mutex_;
    std::condition_variable available_;
    std::uint64_t waits_ = 0;
    double wait_seconds_ = 0;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, const Options& options)
{
    return std::make_unique<SqliteDatabase>(path, options);
}

}  // namespace sala::db
