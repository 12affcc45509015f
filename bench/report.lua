-- Appended to every wrk run by bench/run: prints one machine-readable line that bench/run parses.
-- A scenario's own script (headers, request()) is placed before this file and must not define done().

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "bench-result rps=%.2f p50_ms=%.3f p99_ms=%.3f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    summary.requests,
    errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
