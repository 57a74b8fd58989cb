-- Shared by the write benchmark's wrk scripts (scripts/benchmark.sh --writes): counts the answers that are not
-- 2xx per thread, keeps the first one's status and body, and prints one RESULT line the shell script reads; reads
-- the target files and builds the public feedback's body. Loaded with dofile() by each script, in each of wrk's
-- threads (every thread has its own Lua state).
local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("thread_index", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

non2xx = 0
first_failure = ""

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_failure == "" then
      first_failure = status .. " " .. string.sub(body or "", 1, 300)
    end
  end
end

function done(summary, latency, requests)
  local failed, failure = 0, ""
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("non2xx")
    local f = thread:get("first_failure")
    if failure == "" and f ~= nil and f ~= "" then failure = f end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, failed, e.connect + e.read + e.write + e.timeout))
  if failure ~= "" then
    io.write("FIRST_FAILURE " .. string.gsub(failure, "\n", " ") .. "\n")
  end
end

-- Lines of a file written by the benchmark script (appraisal paths, stream ids), read once per thread.
function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if line ~= "" then table.insert(lines, line) end
  end
  assert(#lines > 0, "no lines in " .. path)
  return lines
end

function bearer(token_variable)
  return { ["Authorization"] = "Bearer " .. assert(os.getenv(token_variable), token_variable .. " is not set"),
           ["Content-Type"] = "application/json" }
end

local groups = { "Student", "Parent", "Patient", "Citizen", "Other" }
local values = { "BerorientasiPelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif" }

-- Public feedback as the portal sends it: a submission id used once, a group, the seven values scored, a comment.
function feedback_body(tag, sent)
  local scores = {}
  for i, value in ipairs(values) do
    scores[i] = string.format('"%s":%d', value, math.random(1, 5))
  end
  return string.format('{"submissionId":"bench-%s-%d-%d","respondentGroup":"%s","scores":{%s},"comment":"%s"}',
    tag, thread_index or 0, sent, groups[math.random(1, #groups)], table.concat(scores, ","),
    "Pelayanan cepat dan ramah, tetapi antrean di loket masih panjang pada pagi hari.")
end
