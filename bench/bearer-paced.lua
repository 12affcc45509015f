-- Authenticated GETs at a steady rate: the bearer token (bearer.lua) and the pacing (paced.lua) together.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SALA_BENCH_TOKEN")
function delay()
    return 4
end
