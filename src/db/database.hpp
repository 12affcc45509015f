// The database seam: repositories talk to a Connection (run SQL with `$n` parameters, read typed
// rows); services get connections from a Database as read leases or RAII write transactions.
// SQLite and PostgreSQL implement it; nothing above src/db/ knows which one is running.
#pragma once

#include "core/change_counter.hpp"
#include "db/rows.hpp"

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace sala::db {

enum class Dialect { sqlite, postgres };
std::string_view dialect_name(Dialect d);

// A database error. Constraint violations are often expected outcomes (a repository may catch
// them and return a conflict); everything else is a Failure like any other.
class DbError : public Failure {
public:
    enum class Kind { unique, foreign_key, check, not_null, busy, connection, other };
    DbError(Kind kind, const std::string& what, std::string constraint = {})
        : Failure(what, kind == Kind::busy || kind == Kind::connection), kind_(kind), constraint_(std::move(constraint))
    {
    }
    [[nodiscard]] Kind kind() const { return kind_; }
    [[nodiscard]] bool is_unique_violation() const { return kind_ == Kind::unique; }
    [[nodiscard]] bool is_constraint() const
    {
        return kind_ == Kind::unique || kind_ == Kind::foreign_key || kind_ == Kind::check || kind_ == Kind::not_null;
    }
    [[nodiscard]] const std::string& constraint() const { return constraint_; }

private:
    Kind kind_;
    std::string constraint_;
};

// Statements run by every connection of this process: a metric, and how tests check that a page
// costs a fixed number of queries whatever its size.
std::uint64_t statements_run();

// One connection, used by one thread at a time.
class Connection {
public:
    virtual ~Connection() = default;
    [[nodiscard]] virtual Dialect dialect() const = 0;

    template <class... A>
    Rows query(std::string_view sql, const A&... args)
    {
        std::array<Value, sizeof...(A)> params{to_value(args)...};
        return query_params(sql, params);
    }
    Rows query_params(std::string_view sql, std::span<const Value> params)
    {
        count_statement();
        return run(sql, params);
    }

    // Runs a statement; returns the number of rows it changed.
    template <class... A>
    std::int64_t execute(std::string_view sql, const A&... args)
    {
        std::array<Value, sizeof...(A)> params{to_value(args)...};
        return execute_params(sql, params);
    }
    std::int64_t execute_params(std::string_view sql, std::span<const Value> params)
    {
        count_statement();
        return run_execute(sql, params);
    }

    // The single value of the first row, if any (`SELECT count(*) …`, `… RETURNING id`).
    template <class T, class... A>
    std::optional<T> query_value(std::string_view sql, const A&... args)
    {
        auto rows = query(sql, args...);
        if (rows.empty() || rows.front().is_null(0)) {
            return std::nullopt;
        }
        return rows.front().template get<T>(std::size_t{0});
    }

    // Several statements without parameters (migrations).
    virtual void execute_script(std::string_view sql) = 0;

protected:
    static void count_statement();
    virtual Rows run(std::string_view sql, std::span<const Value> params) = 0;
    virtual std::int64_t run_execute(std::string_view sql, std::span<const Value> params) = 0;
};

// A borrowed connection; returned to its pool when the lease ends.
class Lease {
public:
    Lease(Connection* connection, std::function<void(Connection*)> release)
        : connection_(connection), release_(std::move(release))
    {
    }
    Lease(Lease&& other) noexcept : connection_(other.connection_), release_(std::move(other.release_))
    {
        other.connection_ = nullptr;
    }
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease()
    {
        if (connection_ != nullptr && release_) {
            release_(connection_);
        }
    }
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_; }

private:
    Connection* connection_;
    std::function<void(Connection*)> release_;
};

// A write transaction: committed explicitly, rolled back if it goes out of scope uncommitted
// (an early return of an error, or an exception).
class Transaction {
public:
    // `changes` (if any) moves once the commit has succeeded.
    explicit Transaction(Lease lease, ChangeCounter* changes = nullptr);
    Transaction(Transaction&& other) noexcept
        : lease_(std::move(other.lease_)), changes_(other.changes_), done_(other.done_)
    {
        other.done_ = true;
    }
    ~Transaction();
    void commit();
    Connection& operator*() const { return *lease_; }
    Connection* operator->() const { return lease_.operator->(); }

private:
    Lease lease_;
    ChangeCounter* changes_;
    bool done_ = false;
};

struct PoolStats {
    std::uint64_t waits = 0;           // acquisitions that had to wait for a free connection
    double wait_seconds = 0;           // total time spent waiting
    std::size_t size = 0;              // connections in the pool
};

struct Options {
    std::size_t pool_size = 4;         // readers (SQLite) or connections (PostgreSQL)
    std::chrono::milliseconds busy_timeout{5000};
    std::chrono::milliseconds statement_timeout{30000};
    bool synchronous_full = true;      // SQLite: fsync every commit that acknowledges a user's write
};

class Database {
public:
    virtual ~Database() = default;
    [[nodiscard]] virtual Dialect dialect() const = 0;
    // A connection for reads.
    virtual Lease read() = 0;
    // A connection inside a write transaction (SQLite: the single writer, BEGIN IMMEDIATE).
    virtual Transaction write() = 0;
    // Throws a DbError when the database does not answer (readiness).
    virtual void ping() = 0;
    [[nodiscard]] virtual PoolStats stats() const = 0;
    // A description safe to print (no password).
    [[nodiscard]] virtual std::string describe() const = 0;
    // Moves with every write transaction this process commits.
    [[nodiscard]] const ChangeCounter& changes() const { return changes_; }

protected:
    ChangeCounter changes_;
};

// Opens "sqlite:PATH", a bare path, or "postgresql://…"/"postgres://…". Throws DbError when the
// database cannot be opened or reached.
std::unique_ptr<Database> open_database(const std::string& url, const Options& options);

}  // namespace sala::db
