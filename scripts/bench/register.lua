-- POST /api/v1/employees as hr-admin with a NIP no one holds: PNS NIPs born 1950-1956 with a TMT CPNS in
-- 2010-2019, which the city generator never makes (its TMT is at most 30 years after birth). Each run (BENCH_RUN,
-- a small integer) and wrk thread has its own range of numbers, so no NIP is sent twice in one database.
-- Environment: BENCH_DIR (this folder), BENCH_TOKEN (an hr-admin token), BENCH_RUN.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local headers, base, sent
local born = os.time({ year = 1950, month = 1, day = 1, hour = 12 })

function init(args)
  headers = bearer("BENCH_TOKEN")
  base = tonumber(os.getenv("BENCH_RUN") or "1") * 50000000 + (thread_index or 0) * 5000000
  sent = 0
end

-- 999 sequences x 2 genders x 120 TMT months per birth day.
local function nip(n)
  local sequence = n % 999 + 1
  n = math.floor(n / 999)
  local gender = n % 2 + 1
  n = math.floor(n / 2)
  local month = n % 120
  n = math.floor(n / 120)
  return string.format("%s%04d%02d%d%03d", os.date("!%Y%m%d", born + n * 86400), 2010 + math.floor(month / 12), month % 12 + 1, gender, sequence)
end

function request()
  sent = sent + 1
  local number = nip(base + sent)
  local body = string.format('{"nip":"%s","fullName":"Pegawai Uji %s","employmentType":"PNS","unitCode":"SETDA",'
    .. '"position":{"title":"Pengadministrasi Umum","kind":"Pelaksana","level":null},"golongan":"II/a","supervisorNip":null,"startDate":"2026-01-02"}',
    number, number)
  return wrk.format("POST", "/api/v1/employees", headers, body)
end
