-- PUT /api/v1/courses/{id}/attendance/{date}/{session} (the path bench/run gives): the whole
-- class's register in one write, a mark for every student in SALA_BENCH_REGISTER_STUDENTS (ids,
-- comma-separated), as the benchmark school's admin. Requests cycle through a few registers that
-- mark different students absent or late, so every write changes some marks.
local token = os.getenv("SALA_BENCH_SCHOOL_TOKEN")
local ids = {}
for id in string.gmatch(os.getenv("SALA_BENCH_REGISTER_STUDENTS"), "%d+") do
  ids[#ids + 1] = id
end
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local bodies = {}
for variant = 1, 8 do
  local records = {}
  for i, id in ipairs(ids) do
    local status = "PRESENT"
    if (i + variant) % 17 == 0 then
      status = "ABSENT"
    elseif (i + 2 * variant) % 13 == 0 then
      status = "LATE"
    end
    records[#records + 1] = string.format('{"studentId":%s,"status":"%s"}', id, status)
  end
  bodies[variant] = '{"records":[' .. table.concat(records, ",") .. '],"markOthersPresent":false}'
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("PUT", nil, headers, bodies[n % #bodies + 1])
end
