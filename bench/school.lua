-- Authenticated GETs on the benchmark school (a demo school made by bench/run) as its demo admin.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SALA_BENCH_SCHOOL_TOKEN")
