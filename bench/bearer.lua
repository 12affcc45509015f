-- Authenticated GETs for wrk: the access token bench/run obtained (SALA_BENCH_TOKEN) as a Bearer header.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SALA_BENCH_TOKEN")
