-- GET /api/v1/students/{id} over every student of the benchmark school in turn (ids 1 to
-- SALA_BENCH_STUDENTS, in a scattered order), as the benchmark school's demo admin.
local token = os.getenv("SALA_BENCH_SCHOOL_TOKEN")
local students = tonumber(os.getenv("SALA_BENCH_STUDENTS"))
local n = 0
request = function()
  n = n + 1
  local id = (n * 7919) % students + 1
  return wrk.format("GET", "/api/v1/students/" .. id, { ["Authorization"] = "Bearer " .. token })
end
