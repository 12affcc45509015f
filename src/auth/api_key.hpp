// API keys for integrations: shown once, stored as SHA-256, scoped to permissions, revocable, and
// rotatable with a grace period during which the previous secret still works.
#pragma once

#include "auth/auth_service.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sala::auth {

inline constexpr std::string_view kApiKeyPrefix = "sala_";

struct ApiKey {
    std::int64_t key_id = 0;
    std::string name;
    std::string prefix;  // the first characters of the secret, to recognise a key in a list
    std::vector<std::string> scopes;
    std::int64_t created_by = 0;
    TimePoint created_at;
    std::optional<TimePoint> last_used_at;
    std::optional<TimePoint> expires_at;
    std::optional<TimePoint> rotated_at;
    std::optional<TimePoint> revoked_at;
    std::optional<TimePoint> previous_valid_until;  // after a rotation, until when the old secret works
};

struct NewApiKey {
    std::string name;
    std::vector<std::string> scopes;
    std::optional<TimePoint> expires_at;
};

struct IssuedApiKey {
    ApiKey key;
    std::string secret;  // returned once, never stored
};

class ApiKeyService {
public:
    ApiKeyService(db::Database& db, const Clock& clock, std::chrono::seconds rotation_grace,
                  std::chrono::seconds cache_ttl);

    // Blocking (SQL). Every change is recorded in the activity log.
    [[nodiscard]] Result<IssuedApiKey> create(NewApiKey input, const Principal& by, const ClientInfo& client);
    [[nodiscard]] std::vector<ApiKey> list();
    [[nodiscard]] Result<IssuedApiKey> rotate(std::int64_t key_id, std::optional<std::chrono::seconds> grace,
                                              const Principal& by, const ClientInfo& client);
    [[nodiscard]] Result<ApiKey> revoke(std::int64_t key_id, const Principal& by, const ClientInfo& client);
    [[nodiscard]] Result<ApiKey> get(std::int64_t key_id);
    // The keys a user made stop with the account; forget them at once when it closes.
    void forget_creator(std::int64_t user_id);

    // Authenticating a request. cached() never blocks; load() reads the database.
    [[nodiscard]] std::optional<Result<Principal>> cached(std::string_view secret) const;
    [[nodiscard]] Result<Principal> load(std::string_view secret);
    // Records the key's last use, at most once a minute per key (blocking when it writes).
    void touch(std::int64_t key_id);
    [[nodiscard]] bool touch_due(std::int64_t key_id) const;

private:
    Result<Principal> principal_for(const std::optional<ApiKey>& key) const;
    void forget(std::int64_t key_id);

    db::Database& db_;
    const Clock& clock_;
    std::chrono::seconds grace_;
    std::chrono::seconds cache_ttl_;
    struct Cached {
        std::optional<ApiKey> key;  // nullopt: no such key (cached too, against guessing floods)
        bool previous_secret = false;  // matched the secret before the last rotation
        TimePoint loaded_at;
    };
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Cached> cache_;  // by secret hash
    std::unordered_map<std::int64_t, TimePoint> touched_;
};

}  // namespace sala::auth
