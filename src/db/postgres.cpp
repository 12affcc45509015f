// PostgreSQL implementation of the Database seam: text-format parameters and results, types
// mapped from column OIDs, SQLSTATE mapped to DbError kinds, broken connections reset on lease.
#include "db/postgres.hpp"

#include <libpq-fe.h>

#include <condition_variable>
#include <mutex>
#include <unordered_map>

namespace sala::db {
namespace {

// Column type OIDs (pg_type.h).
constexpr Oid kBool = 16;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kFloat4 = 700;
constexpr Oid kFloat8 = 701;
constexpr Oid kNumeric = 1700;

std::string first_line(const char* message)
{
    std::string s = message != nullptr ? message : "";
    auto nl = s.find('\n');
    return nl == std::string::npos ? s : s.substr(0, nl);
}

[[noreturn]] void fail_result(PGconn* conn, PGresult* result, std::string_view what)
{
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* constraint = result != nullptr ? PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME) : nullptr;
    std::string message = std::string(what) + ": " +
                          first_line(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn));
    std::string code = state != nullptr ? state : "";
    std::string constraint_name = constraint != nullptr ? constraint : "";
    if (result != nullptr) {
        PQclear(result);
    }
    DbError::Kind kind = DbError::Kind::other;
    if (code == "23505") {
        kind = DbError::Kind::unique;
    } else if (code == "23503") {
        kind = DbError::Kind::foreign_key;
    } else if (code == "23514") {
        kind = DbError::Kind::check;
    } else if (code == "23502") {
        kind = DbError::Kind::not_null;
    } else if (code == "40001" || code == "40P01" || code == "55P03" || code == "57014") {
        kind = DbError::Kind::busy;
    } else if (code.starts_with("08") || PQstatus(conn) != CONNECTION_OK) {
        kind = DbError::Kind::connection;
    }
    throw DbError(kind, message, constraint_name);
}

class PgConnection final : public Connection {
public:
    PgConnection(const std::string& url, const Options& options) : url_(url), options_(options) { connect(); }
    ~PgConnection() override { PQfinish(conn_); }

    [[nodiscard]] Dialect dialect() const override { return Dialect::postgres; }

    // A connection that broke (server restarted) is reset before it is lent again.
    void ensure_open()
    {
        if (PQstatus(conn_) != CONNECTION_OK) {
            PQreset(conn_);
            statements_.clear();
            if (PQstatus(conn_) != CONNECTION_OK) {
                throw DbError(DbError::Kind::connection, "cannot reconnect to PostgreSQL: " + first_line(PQerrorMessage(conn_)));
            }
            configure();
        }
    }

    void execute_script(std::string_view sql) override
    {
        PGresult* result = PQexec(conn_, std::string(sql).c_str());
        auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            fail_result(conn_, result, "script failed");
        }
        PQclear(result);
    }

protected:
    Rows run(std::string_view sql, std::span<const Value> params) override
    {
        PGresult* result = exec(sql, params);
        int columns = PQnfields(result);
        std::vector<std::string> names;
        std::vector<Oid> types;
        for (int i = 0; i < columns; ++i) {
            names.emplace_back(PQfname(result, i));
            types.push_back(PQftype(result, i));
        }
        Rows rows(std::move(names));
        int n = PQntuples(result);
        for (int r = 0; r < n; ++r) {
            std::vector<Value> row;
            row.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(result, r, c)) {
                    row.emplace_back(nullptr);
                    continue;
                }
                const char* text = PQgetvalue(result, r, c);
                std::string_view value(text, static_cast<std::size_t>(PQgetlength(result, r, c)));
                switch (types[static_cast<std::size_t>(c)]) {
                case kBool: row.emplace_back(value == "t"); break;
                case kInt2:
                case kInt4:
                case kInt8: row.emplace_back(static_cast<std::int64_t>(std::stoll(std::string(value)))); break;
                case kFloat4:
                case kFloat8:
                case kNumeric: row.emplace_back(std::stod(std::string(value))); break;
                default: row.emplace_back(std::string(value));
                }
            }
            rows.append(std::move(row));
        }
        PQclear(result);
        return rows;
    }

    std::int64_t run_execute(std::string_view sql, std::span<const Value> params) override
    {
        PGresult* result = exec(sql, params);
        const char* affected = PQcmdTuples(result);
        std::int64_t n = (affected != nullptr && *affected != '\0') ? std::stoll(affected) : 0;
        PQclear(result);
        return n;
    }

private:
    void connect()
    {
        conn_ = PQconnectdb(url_.c_str());
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string message = first_line(PQerrorMessage(conn_));
            PQfinish(conn_);
            conn_ = nullptr;
            throw DbError(DbError::Kind::connection, "cannot connect to PostgreSQL: " + message);
        }
        configure();
    }

    void configure()
    {
        PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
        execute_script("SET statement_timeout = " + std::to_string(options_.statement_timeout.count()));
        execute_script("SET lock_timeout = " + std::to_string(options_.busy_timeout.count()));
    }

    PGresult* exec(std::string_view sql, std::span<const Value> params)
    {
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size());
        for (std::size_t i = 0; i < params.size(); ++i) {
            const Value& v = params[i];
            if (std::holds_alternative<std::nullptr_t>(v)) {
                values[i] = nullptr;
                continue;
            }
            texts[i] = std::holds_alternative<bool>(v) ? (std::get<bool>(v) ? "true" : "false") : as_string(v);
            values[i] = texts[i].c_str();
        }
        auto it = statements_.find(sql);
        if (it == statements_.end()) {
            std::string name = "s" + std::to_string(statements_.size() + 1);
            PGresult* prepared = PQprepare(conn_, name.c_str(), std::string(sql).c_str(), static_cast<int>(params.size()), nullptr);
            if (PQresultStatus(prepared) != PGRES_COMMAND_OK) {
                fail_result(conn_, prepared, "prepare failed for: " + std::string(sql.substr(0, 120)));
            }
            PQclear(prepared);
            it = statements_.emplace(std::string(sql), std::move(name)).first;
        }
        PGresult* result = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(),
                                          nullptr, nullptr, 0);
        auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            fail_result(conn_, result, "statement failed");
        }
        return result;
    }

    std::string url_;
    Options options_;
    PGconn* conn_ = nullptr;
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> statements_;
};

class PgDatabase final : public Database {
public:
    PgDatabase(std::string url, const Options& options) : url_(std::move(url))
    {
        for (std::size_t i = 0; i < std::max<std::size_t>(options.pool_size, 1); ++i) {
            connections_.push_back(std::make_unique<PgConnection>(url_, options));
            free_.push_back(connections_.back().get());
        }
    }

    [[nodiscard]] Dialect dialect() const override { return Dialect::postgres; }

    Lease read() override { return acquire(); }
    Transaction write() override { return Transaction(acquire(), &changes_); }

    void ping() override
    {
        auto lease = acquire();
        lease->query("SELECT 1");
    }

    [[nodiscard]] PoolStats stats() const override
    {
        std::lock_guard lock(mutex_);
        return PoolStats{waits_, wait_seconds_, connections_.size()};
    }

    [[nodiscard]] std::string describe() const override
    {
        // postgresql://user:secret@host/db → postgresql://user@host/db
        auto scheme_end = url_.find("://");
        auto at = url_.find('@');
        if (scheme_end == std::string::npos || at == std::string::npos) {
            return url_;
        }
        auto colon = url_.find(':', scheme_end + 3);
        if (colon != std::string::npos && colon < at) {
            return url_.substr(0, colon) + url_.substr(at);
        }
        return url_;
    }

private:
    Lease acquire()
    {
        std::unique_lock lock(mutex_);
        if (free_.empty()) {
            auto start = std::chrono::steady_clock::now();
            available_.wait(lock, [&] { return !free_.empty(); });
            ++waits_;
            wait_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        PgConnection* c = free_.back();
        free_.pop_back();
        lock.unlock();
        Lease lease(c, [this](Connection* conn) {
            {
                std::lock_guard release_lock(mutex_);
                free_.push_back(static_cast<PgConnection*>(conn));
            }
            available_.notify_one();
        });
        c->ensure_open();
        return lease;
    }

    std::string url_;
    std::vector<std::unique_ptr<PgConnection>> connections_;
    std::vector<PgConnection*> free_;
    mutable std::mutex mutex_;
    std::condition_variable available_;
    std::uint64_t waits_ = 0;
    double wait_seconds_ = 0;
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& url, const Options& options)
{
    return std::make_unique<PgDatabase>(url, options);
}

}  // namespace sala::db
