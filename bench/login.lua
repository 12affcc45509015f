-- A sign-in for wrk: POST /api/v1/auth/login as the demo admin (bench/run puts the password in
-- SALA_BENCH_PASSWORD). Every request is a successful sign-in: one argon2id verification.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"admin","password":"' .. os.getenv("SALA_BENCH_PASSWORD") .. '"}'
