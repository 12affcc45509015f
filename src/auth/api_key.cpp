// See api_key.hpp.
#include "auth/api_key.hpp"

#include "auth/api_key_sql.hpp"
#include "auth/crypto.hpp"
#include "auth/permissions.hpp"
#include "school/activity/activity.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <sstream>

namespace sala::auth {
namespace {

std::string join_scopes(const std::vector<std::string>& scopes)
{
    std::string out;
    for (const auto& s : scopes) {
        out += (out.empty() ? "" : " ") + s;
    }
    return out;
}

std::vector<std::string> split_scopes(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string s; in >> s;) {
        out.push_back(s);
    }
    return out;
}

ApiKey from_row(const db::Row& r)
{
    ApiKey k;
    k.key_id = r.get<std::int64_t>("key_id");
    k.name = r.get<std::string>("name");
    k.prefix = r.get<std::string>("prefix");
    k.scopes = split_scopes(r.get<std::string>("scopes"));
    k.created_by = r.get<std::int64_t>("created_by");
    k.created_at = r.get<TimePoint>("created_at");
    k.last_used_at = r.get<std::optional<TimePoint>>("last_used_at");
    k.expires_at = r.get<std::optional<TimePoint>>("expires_at");
    k.rotated_at = r.get<std::optional<TimePoint>>("rotated_at");
    k.revoked_at = r.get<std::optional<TimePoint>>("revoked_at");
    k.previous_valid_until = r.get<std::optional<TimePoint>>("previous_valid_until");
    return k;
}

std::string new_secret()
{
    return std::string(kApiKeyPrefix) + random_token(32);
}

std::string prefix_of(const std::string& secret)
{
    return secret.substr(0, kApiKeyPrefix.size() + 8);
}

activity::Entry key_event(std::string action, const ApiKey& key, const Principal& by, const ClientInfo& client,
                          TimePoint now)
{
    boost::json::array scopes;
    for (const auto& s : key.scopes) {
        scopes.push_back(boost::json::value(s));
    }
    boost::json::object details{{"name", key.name}, {"prefix", key.prefix}, {"scopes", scopes}};
    return activity::Entry{by.user_id,      std::move(action), "api-keys",         std::to_string(key.key_id),
                           boost::json::serialize(details), client.ip, client.user_agent, client.request_id, now};
}

}  // namespace

ApiKeyService::ApiKeyService(db::Database& db, const Clock& clock, std::chrono::seconds rotation_grace,
                             std::chrono::seconds cache_ttl)
    : db_(db), clock_(clock), grace_(rotation_grace), cache_ttl_(cache_ttl)
{
}

Result<IssuedApiKey> ApiKeyService::create(NewApiKey input, const Principal& by, const ClientInfo& client)
{
    auto now = clock_.now();
    FieldErrors errors;
    auto first = input.name.find_first_not_of(" \t");
    input.name = first == std::string::npos ? std::string() : input.name.substr(first);
    while (!input.name.empty() && (input.name.back() == ' ' || input.name.back() == '\t')) {
        input.name.pop_back();
    }
    if (input.name.empty()) {
        errors.add("name", "REQUIRED");
    } else if (input.name.size() > 100) {
        errors.add("name", "TOO_LONG", {{"max", "100"}});
    }
    if (input.scopes.empty()) {
        errors.add("scopes", "REQUIRED");
    }
    std::string allowed;
    for (const auto& p : all_permissions()) {
        if (p.grantable) {
            allowed += (allowed.empty() ? "" : ", ") + std::string(p.name);
        }
    }
    for (std::size_t i = 0; i < input.scopes.size(); ++i) {
        if (!is_grantable_scope(input.scopes[i])) {
            errors.add("scopes[" + std::to_string(i) + "]", "INVALID_VALUE", {{"allowed", allowed}});
        }
    }
    if (input.expires_at && *input.expires_at <= now) {
        errors.add("expiresAt", "OUT_OF_RANGE", {{"min", format_timestamp(now)}, {"max", "-"}});
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    std::sort(input.scopes.begin(), input.scopes.end());
    input.scopes.erase(std::unique(input.scopes.begin(), input.scopes.end()), input.scopes.end());

    IssuedApiKey issued;
    issued.secret = new_secret();
    auto& key = issued.key;
    key.name = input.name;
    key.prefix = prefix_of(issued.secret);
    key.scopes = input.scopes;
    key.created_by = by.user_id;
    key.created_at = now;
    key.expires_at = input.expires_at;
    auto tx = db_.write();
    key.key_id = tx->query_value<std::int64_t>(sql::kInsertApiKey, key.name, key.prefix, sha256_hex(issued.secret),
                                               join_scopes(key.scopes), key.created_by, now, key.expires_at)
                     .value_or(0);
    activity::record(*tx, key_event("api_key.created", key, by, client, now));
    tx.commit();
    return issued;
}

std::vector<ApiKey> ApiKeyService::list()
{
    std::vector<ApiKey> out;
    auto lease = db_.read();
    for (auto r : lease->query(sql::kSelectApiKeys)) {
        out.push_back(from_row(r));
    }
    return out;
}

Result<IssuedApiKey> ApiKeyService::rotate(std::int64_t key_id, std::optional<std::chrono::seconds> grace,
                                           const Principal& by, const ClientInfo& client)
{
    auto now = clock_.now();
    auto tx = db_.write();
    auto rows = tx->query(sql::kSelectApiKeyById, key_id);
    if (rows.empty()) {
        return make_error(ErrorCode::not_found);
    }
    auto key = from_row(rows.front());
    if (key.revoked_at) {
        return make_error(ErrorCode::conflict, "error.api_key_revoked");
    }
    IssuedApiKey issued;
    issued.secret = new_secret();
    key.prefix = prefix_of(issued.secret);
    key.rotated_at = now;
    key.previous_valid_until = now + grace.value_or(grace_);
    tx->execute(sql::kRotateApiKey, key_id, *key.previous_valid_until, sha256_hex(issued.secret), key.prefix, now);
    activity::record(*tx, key_event("api_key.rotated", key, by, client, now));
    tx.commit();
    forget(key_id);
    issued.key = key;
    return issued;
}

Result<ApiKey> ApiKeyService::revoke(std::int64_t key_id, const Principal& by, const ClientInfo& client)
{
    auto now = clock_.now();
    auto tx = db_.write();
    auto rows = tx->query(sql::kSelectApiKeyById, key_id);
    if (rows.empty()) {
        return make_error(ErrorCode::not_found);
    }
    auto key = from_row(rows.front());
    if (!key.revoked_at) {
        tx->execute(sql::kRevokeApiKey, key_id, now);
        key.revoked_at = now;
        activity::record(*tx, key_event("api_key.revoked", key, by, client, now));
    }
    tx.commit();
    forget(key_id);
    return key;
}

Result<Principal> ApiKeyService::principal_for(const std::optional<ApiKey>& key) const
{
    auto now = clock_.now();
    if (!key || key->revoked_at || (key->expires_at && *key->expires_at <= now)) {
        return make_error(ErrorCode::unauthorized, "error.invalid_api_key");
    }
    Principal p;
    p.user_id = key->created_by;
    p.username = "api-key:" + key->prefix;
    p.role = "api-key";
    p.api_key_id = key->key_id;
    p.permissions = key->scopes;
    return p;
}

std::optional<Result<Principal>> ApiKeyService::cached(std::string_view secret) const
{
    auto hash = sha256_hex(secret);
    auto now = clock_.now();
    std::lock_guard lock(mutex_);
    auto it = cache_.find(hash);
    if (it == cache_.end() || now - it->second.loaded_at >= cache_ttl_ || now < it->second.loaded_at) {
        return std::nullopt;
    }
    // A cached previous secret stops working when its grace period ends, even inside the TTL.
    if (it->second.previous_secret && it->second.key->previous_valid_until &&
        *it->second.key->previous_valid_until <= now) {
        return std::nullopt;
    }
    return principal_for(it->second.key);
}

Result<Principal> ApiKeyService::load(std::string_view secret)
{
    if (!secret.starts_with(kApiKeyPrefix) || secret.size() > 128) {
        return make_error(ErrorCode::unauthorized, "error.invalid_api_key");
    }
    auto hash = sha256_hex(secret);
    auto now = clock_.now();
    std::optional<ApiKey> key;
    bool previous_secret = false;
    {
        auto lease = db_.read();
        auto rows = lease->query(sql::kSelectApiKeyBySecret, hash, now);
        if (!rows.empty()) {
            key = from_row(rows.front());
            previous_secret = !rows.front().get<bool>("current_secret");
        }
    }
    {
        std::lock_guard lock(mutex_);
        if (cache_.size() > 10'000) {
            cache_.clear();
        }
        cache_[hash] = Cached{key, previous_secret, now};
    }
    return principal_for(key);
}

bool ApiKeyService::touch_due(std::int64_t key_id) const
{
    std::lock_guard lock(mutex_);
    auto it = touched_.find(key_id);
    return it == touched_.end() || clock_.now() - it->second >= std::chrono::minutes(1);
}

void ApiKeyService::touch(std::int64_t key_id)
{
    auto now = clock_.now();
    {
        std::lock_guard lock(mutex_);
        touched_[key_id] = now;
    }
    auto tx = db_.write();
    tx->execute(sql::kTouchApiKey, key_id, now);
    tx.commit();
}

Result<ApiKey> ApiKeyService::get(std::int64_t key_id)
{
    auto lease = db_.read();
    auto rows = lease->query(sql::kSelectApiKeyById, key_id);
    if (rows.empty()) {
        return make_error(ErrorCode::not_found);
    }
    return from_row(rows.front());
}

void ApiKeyService::forget_creator(std::int64_t user_id)
{
    // Also every "no such key" answer: one of them may be this user's key, refused while the
    // account was closed.
    std::lock_guard lock(mutex_);
    std::erase_if(cache_, [&](const auto& kv) { return !kv.second.key || kv.second.key->created_by == user_id; });
}

void ApiKeyService::forget(std::int64_t key_id)
{
    std::lock_guard lock(mutex_);
    std::erase_if(cache_, [&](const auto& kv) { return kv.second.key && kv.second.key->key_id == key_id; });
}

}  // namespace sala::auth
