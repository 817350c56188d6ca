-- Shared by every wrk script of bench/run.sh: counts answers by status class in each thread and prints one
-- machine-readable RESULT line at the end, which run.sh turns into the table.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

fivexx, fourxx = 0, 0

function response(status, headers, body)
  if status >= 500 then
    fivexx = fivexx + 1
  elseif status >= 400 then
    fourxx = fourxx + 1
  end
end

function done(summary, latency, requests)
  local s5, s4 = 0, 0
  for _, thread in ipairs(threads) do
    s5 = s5 + thread:get("fivexx")
    s4 = s4 + thread:get("fourxx")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f http5xx=%d http4xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, s5, s4, e.connect + e.read + e.write + e.timeout))
end
