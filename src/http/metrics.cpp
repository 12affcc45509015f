// Counters are per route (one small mutex each for the status map, atomics for the histogram), so
// concurrent requests on different routes never contend.
#include "http/metrics.hpp"

#include "http/router.hpp"

#include <array>
#include <cstdio>
#include <map>
#include <mutex>

namespace sala::http {
namespace {

constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                          0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

std::string format_number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

}  // namespace

struct Metrics::RouteStats {
    std::mutex mutex;
    std::map<std::pair<Method, unsigned>, std::uint64_t> counts;
    std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_micros{0};
};

Metrics::Metrics()
{
    routes_.push_back(std::make_unique<RouteStats>());
    route_labels_.emplace_back("unmatched");
}

Metrics::~Metrics() = default;

void Metrics::bind(const Router& router)
{
    routes_.clear();
    route_labels_.clear();
    for (const auto& r : router.routes()) {
        routes_.push_back(std::make_unique<RouteStats>());
        route_labels_.push_back(r->display_path);
    }
    routes_.push_back(std::make_unique<RouteStats>());
    route_labels_.emplace_back("unmatched");
}

void Metrics::observe(std::optional<std::size_t> route_index, Method method, unsigned status, double seconds)
{
    std::size_t slot = route_index && *route_index + 1 < routes_.size() ? *route_index : routes_.size() - 1;
    auto& stats = *routes_[slot];
    {
        std::lock_guard lock(stats.mutex);
        ++stats.counts[{method, status}];
    }
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            stats.buckets[i].fetch_add(1, std::memory_order_relaxed);
            break;
        }
    }
    stats.count.fetch_add(1, std::memory_order_relaxed);
    stats.sum_micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void Metrics::add_sampled(std::string name, std::string help, Kind kind, std::function<double()> sample)
{
    sampled_.push_back(Sampled{std::move(name), std::move(help), kind, std::move(sample)});
}

std::string Metrics::render() const
{
    std::string out;
    out += "# HELP sala_http_requests_total HTTP requests answered, by route template, method and status.\n";
    out += "# TYPE sala_http_requests_total counter\n";
    for (std::size_t i = 0; i < routes_.size(); ++i) {
        std::map<std::pair<Method, unsigned>, std::uint64_t> counts;
        {
            std::lock_guard lock(routes_[i]->mutex);
            counts = routes_[i]->counts;
        }
        for (const auto& [key, n] : counts) {
            out += "sala_http_requests_total{route=\"" + route_labels_[i] + "\",method=\"" +
                   std::string(method_name(key.first)) + "\",status=\"" + std::to_string(key.second) + "\"} " +
                   std::to_string(n) + "\n";
        }
    }
    out += "# HELP sala_http_request_duration_seconds Time from request read to response ready, by route.\n";
    out += "# TYPE sala_http_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i < routes_.size(); ++i) {
        const auto& stats = *routes_[i];
        auto total = stats.count.load(std::memory_order_relaxed);
        if (total == 0) {
            continue;
        }
        std::string label = "route=\"" + route_labels_[i] + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b < kBuckets.size(); ++b) {
            cumulative += stats.buckets[b].load(std::memory_order_relaxed);
            out += "sala_http_request_duration_seconds_bucket{" + label + ",le=\"" + format_number(kBuckets[b]) +
                   "\"} " + std::to_string(cumulative) + "\n";
        }
        out += "sala_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " + std::to_string(total) + "\n";
        out += "sala_http_request_duration_seconds_sum{" + label + "} " +
               format_number(static_cast<double>(stats.sum_micros.load()) / 1e6) + "\n";
        out += "sala_http_request_duration_seconds_count{" + label + "} " + std::to_string(total) + "\n";
    }
    out += "# HELP sala_http_requests_in_flight Requests being handled now.\n";
    out += "# TYPE sala_http_requests_in_flight gauge\n";
    out += "sala_http_requests_in_flight " + std::to_string(in_flight()) + "\n";
    for (const auto& s : sampled_) {
        out += "# HELP " + s.name + " " + s.help + "\n";
        out += "# TYPE " + s.name + (s.kind == Kind::counter ? " counter\n" : " gauge\n");
        out += s.name + " " + format_number(s.sample()) + "\n";
    }
    return out;
}

}  // namespace sala::http
