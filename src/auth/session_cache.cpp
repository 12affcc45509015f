// See session_cache.hpp.
#include "auth/session_cache.hpp"

namespace sala::auth {

std::optional<SessionState> SessionCache::get(std::string_view session_id, TimePoint now) const
{
    std::lock_guard lock(mutex_);
    auto it = entries_.find(std::string(session_id));
    if (it == entries_.end() || now - it->second.loaded_at >= ttl_ || now < it->second.loaded_at) {
        return std::nullopt;
    }
    return it->second.state;
}

void SessionCache::put(const SessionState& state, TimePoint now)
{
    std::lock_guard lock(mutex_);
    if (entries_.size() >= kMaxEntries) {
        entries_.clear();  // crude but bounded; entries are cheap to reload
    }
    entries_[state.session.session_id] = Cached{state, now};
}

void SessionCache::forget(std::string_view session_id)
{
    std::lock_guard lock(mutex_);
    entries_.erase(std::string(session_id));
}

void SessionCache::forget_user(std::int64_t user_id)
{
    std::lock_guard lock(mutex_);
    std::erase_if(entries_, [&](const auto& kv) { return kv.second.state.session.user_id == user_id; });
}

}  // namespace sala::auth
