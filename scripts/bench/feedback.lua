-- Public feedback's body POSTed to a random path of the file BENCH_TARGETS (one path a line), a submission id used
-- once per request: "/api/v1/cycles/{id}/appraisals/{nip}/public-feedback" with a portal token for Kinerja, or
-- "/streams/{id}/events" without one for the floor (tools/Kinerja.WriteFloor).
-- Environment: BENCH_DIR (this folder), BENCH_TARGETS, BENCH_TOKEN (optional), BENCH_TAG (unique per run).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local targets, headers, tag, sent

function init(args)
  targets = read_lines(os.getenv("BENCH_TARGETS"))
  headers = (os.getenv("BENCH_TOKEN") or "") ~= "" and bearer("BENCH_TOKEN") or { ["Content-Type"] = "application/json" }
  tag = os.getenv("BENCH_TAG") or "run"
  sent = 0
  math.randomseed(os.time() * 100 + (thread_index or 0))
end

function request()
  sent = sent + 1
  return wrk.format("POST", targets[math.random(1, #targets)], headers, feedback_body(tag, sent))
end
