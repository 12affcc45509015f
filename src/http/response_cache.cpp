// See response_cache.hpp.
#include "http/response_cache.hpp"

namespace sala::http {
namespace {

// What an entry costs: its bytes plus a fixed allowance for the bookkeeping around them.
std::size_t size_of(const std::string& key, const Response& r)
{
    std::size_t size = 256 + key.size() + r.body.size() + r.content_type.size();
    for (const auto& h : r.headers.list()) {
        size += h.name.size() + h.value.size() + 32;
    }
    return size;
}

}  // namespace

ResponseCache::ResponseCache(const ChangeCounter& changes, const Clock& clock, std::size_t max_bytes,
                             std::chrono::milliseconds ttl)
    : changes_(changes), clock_(clock), max_bytes_(max_bytes), ttl_(ttl)
{
}

std::shared_ptr<const Response> ResponseCache::find(const std::string& key)
{
    const auto current = changes_.value();
    const auto now = clock_.now();
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end()) {
        misses_.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    auto entry = it->second;
    if (entry->generation != current || now - entry->stored_at >= ttl_ || now < entry->stored_at) {
        erase(entry);
        misses_.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    lru_.splice(lru_.begin(), lru_, entry);
    hits_.fetch_add(1, std::memory_order_relaxed);
    return entry->response;
}

void ResponseCache::store(const std::string& key, std::uint64_t generation, const Response& response)
{
    const auto size = size_of(key, response);
    if (size > max_bytes_ / 8) {
        return;  // one answer may not crowd out everything else
    }
    auto shared = std::make_shared<const Response>(response);
    const auto now = clock_.now();
    std::lock_guard lock(mutex_);
    // Checked under the lock: an answer read before a write that has committed since is never kept.
    if (generation != changes_.value()) {
        return;
    }
    if (auto it = index_.find(key); it != index_.end()) {
        erase(it->second);
    }
    lru_.push_front(Entry{key, generation, now, size, std::move(shared)});
    index_.emplace(lru_.front().key, lru_.begin());
    bytes_ += size;
    while (bytes_ > max_bytes_ && !lru_.empty()) {
        erase(std::prev(lru_.end()));
    }
}

std::size_t ResponseCache::bytes() const
{
    std::lock_guard lock(mutex_);
    return bytes_;
}

void ResponseCache::erase(Lru::iterator it)
{
    bytes_ -= it->size;
    index_.erase(it->key);
    lru_.erase(it);
}

}  // namespace sala::http
