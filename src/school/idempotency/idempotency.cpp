// See idempotency.hpp. The stored response is the handler's (data, status, Location and ETag),
// not the rendered envelope: a replay gets its own request id and timestamp.
#include "school/idempotency/idempotency.hpp"

#include "auth/crypto.hpp"
#include "core/time.hpp"
#include "school/idempotency/idempotency_sql.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace asio = boost::asio;
namespace bj = boost::json;

namespace sala::idempotency {
namespace {

bool valid_key(std::string_view key)
{
    if (key.empty() || key.size() > 255) {
        return false;
    }
    for (char c : key) {
        if (c < 0x21 || c > 0x7e) {
            return false;
        }
    }
    return true;
}

std::string owner_of(const http::RequestContext& ctx)
{
    if (ctx.principal && ctx.principal->api_key_id) {
        return "key:" + std::to_string(*ctx.principal->api_key_id);
    }
    if (ctx.principal) {
        return "user:" + std::to_string(ctx.principal->user_id);
    }
    return "ip:" + ctx.client_ip();
}

std::string fingerprint_of(const http::Request& request)
{
    return auth::sha256_hex(request.target + "\n" + request.body);
}

std::string serialize(const http::Response& r)
{
    bj::object o{{"status", static_cast<unsigned>(r.status)},
                 {"kind", static_cast<int>(r.kind)},
                 {"body", r.body},
                 {"contentType", r.content_type}};
    bj::array headers;
    for (const auto& h : r.headers.list()) {
        if (http::iequals(h.name, "Location") || http::iequals(h.name, "ETag")) {
            headers.push_back(bj::array{bj::value(h.name), bj::value(h.value)});
        }
    }
    o["headers"] = std::move(headers);
    if (r.error) {
        bj::object e{{"code", static_cast<int>(r.error->code)}, {"key", r.error->message_key}};
        bj::array args;
        for (const auto& [k, v] : r.error->args) {
            args.push_back(bj::array{bj::value(k), bj::value(v)});
        }
        e["args"] = std::move(args);
        bj::array details;
        for (const auto& d : r.error->details) {
            bj::array dargs;
            for (const auto& [k, v] : d.args) {
                dargs.push_back(bj::array{bj::value(k), bj::value(v)});
            }
            details.push_back(bj::object{{"field", d.field}, {"code", d.code}, {"key", d.message_key}, {"args", dargs}});
        }
        e["details"] = std::move(details);
        o["error"] = std::move(e);
    }
    return bj::serialize(o);
}

MessageArgs args_of(const bj::value& v)
{
    MessageArgs out;
    for (const auto& pair : v.as_array()) {
        out.emplace_back(std::string(pair.at(0).as_string()), std::string(pair.at(1).as_string()));
    }
    return out;
}

http::Response deserialize(std::string_view text)
{
    auto o = bj::parse(text).as_object();
    http::Response r;
    r.status = static_cast<http::Status>(o.at("status").to_number<unsigned>());
    r.kind = static_cast<http::Response::Kind>(o.at("kind").to_number<int>());
    r.body = std::string(o.at("body").as_string());
    r.content_type = std::string(o.at("contentType").as_string());
    for (const auto& h : o.at("headers").as_array()) {
        r.headers.set(std::string(h.at(0).as_string()), std::string(h.at(1).as_string()));
    }
    if (const auto* e = o.if_contains("error")) {
        Error error;
        error.code = static_cast<ErrorCode>(e->at("code").to_number<int>());
        error.message_key = std::string(e->at("key").as_string());
        error.args = args_of(e->at("args"));
        for (const auto& d : e->at("details").as_array()) {
            error.details.push_back(FieldError{std::string(d.at("field").as_string()), std::string(d.at("code").as_string()),
                                               std::string(d.at("key").as_string()), args_of(d.at("args"))});
        }
        r.error = std::move(error);
    }
    return r;
}

Error conflict(std::string key)
{
    return make_error(ErrorCode::conflict, std::move(key));
}

struct Claim {
    enum class Outcome { claimed, replay, mismatch, running } outcome = Outcome::claimed;
    std::string response;
};

}  // namespace

asio::awaitable<std::optional<http::Response>> IdempotentPosts::before(http::RequestContext& ctx)
{
    auto header = ctx.request().headers.get("Idempotency-Key");
    if (ctx.request().method != http::Method::post || !header || !ctx.route()->spec.replayable) {
        co_return std::nullopt;
    }
    std::string key(*header);
    if (!valid_key(key)) {
        co_return http::Response::from_error(make_error(ErrorCode::bad_request, "error.invalid_idempotency_key"));
    }
    auto owner = owner_of(ctx);
    auto fingerprint = fingerprint_of(ctx.request());
    auto now = clock_.now();
    auto claim = co_await ctx.offload([&]() -> Claim {
        auto tx = db_.write();
        tx->execute(sql::kPurge, now - retention_);
        if (tx->execute(sql::kClaim, owner, key, fingerprint, now) == 1) {
            tx.commit();
            return Claim{};
        }
        auto rows = tx->query(sql::kSelect, owner, key);
        auto row = rows.front();
        auto created = row.get<std::string>("created_at");
        bool running = row.get<std::int64_t>("status") == 0;
        // A running claim older than any request may live was left by a request that died.
        bool abandoned = running && row.get<TimePoint>("created_at") < now - std::chrono::minutes(5);
        if (abandoned) {
            tx->execute(sql::kReclaim, owner, key, fingerprint, now, created);
            tx.commit();
            return Claim{};
        }
        if (row.get<std::string>("fingerprint") != fingerprint) {
            return Claim{Claim::Outcome::mismatch, {}};
        }
        if (running) {
            return Claim{Claim::Outcome::running, {}};
        }
        return Claim{Claim::Outcome::replay, row.get<std::string>("response")};
    });
    switch (claim.outcome) {
    case Claim::Outcome::claimed: ctx.idempotency_claimed = true; co_return std::nullopt;
    case Claim::Outcome::mismatch: {
        Error e = make_error(ErrorCode::validation_error, "error.idempotency_key_reused");
        e.details.push_back(field_error("Idempotency-Key", "INVALID_VALUE", {{"allowed", "a new key for a new request"}}));
        co_return http::Response::from_error(std::move(e));
    }
    case Claim::Outcome::running: co_return http::Response::from_error(conflict("error.idempotency_key_running"));
    case Claim::Outcome::replay: {
        ctx.replayed = true;
        auto replay = deserialize(claim.response);
        replay.headers.set("Idempotent-Replayed", "true");
        co_return replay;
    }
    }
    co_return std::nullopt;
}

asio::awaitable<void> IdempotentPosts::after(http::RequestContext& ctx, const http::Response& response)
{
    if (!ctx.idempotency_claimed) {
        co_return;  // no claim was made: not a keyed POST, or refused before it got this far
    }
    auto owner = owner_of(ctx);
    std::string key(*ctx.request().headers.get("Idempotency-Key"));
    // Every answer is kept (a 422 stays a 422) except a server failure, which may be retried.
    bool keep = static_cast<unsigned>(response.status) < 500;
    auto status = static_cast<unsigned>(response.status);
    auto stored = keep ? serialize(response) : std::string();
    co_await ctx.offload([&] {
        auto tx = db_.write();
        if (keep) {
            tx->execute(sql::kComplete, owner, key, static_cast<std::int64_t>(status), stored);
        } else {
            tx->execute(sql::kRelease, owner, key);  // a failure may be retried with the same key
        }
        tx.commit();
    });
}

}  // namespace sala::idempotency
