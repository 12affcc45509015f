// Prometheus metrics for the HTTP layer: requests by route template, method and status, a latency
// histogram per route, requests in flight, plus gauges other layers register (DB pool waits,
// worker queue). Rendered in the Prometheus text format by GET /metrics.
#pragma once

#include "http/message.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sala::http {

class Router;

class Metrics {
public:
    Metrics();
    ~Metrics();

    // Sizes the per-route tables; called once when the route table is complete.
    void bind(const Router& router);

    // `route_index` is Route::index, or nullopt for requests that matched no route.
    void observe(std::optional<std::size_t> route_index, Method method, unsigned status, double seconds);
    void request_started() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
    void request_finished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
    [[nodiscard]] std::int64_t in_flight() const { return in_flight_.load(std::memory_order_relaxed); }

    enum class Kind { counter, gauge };
    // A value read at scrape time ("sala_db_pool_waits_total" …).
    void add_sampled(std::string name, std::string help, Kind kind, std::function<double()> sample);

    [[nodiscard]] std::string render() const;

private:
    struct RouteStats;
    std::vector<std::unique_ptr<RouteStats>> routes_;  // last slot: unmatched requests
    std::vector<std::string> route_labels_;
    std::atomic<std::int64_t> in_flight_{0};
    struct Sampled {
        std::string name;
        std::string help;
        Kind kind;
        std::function<double()> sample;
    };
    std::vector<Sampled> sampled_;
};

}  // namespace sala::http
