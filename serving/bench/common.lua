-- Shared by the wrk scripts (loaded with dofile from $VOUCH_BENCH_DIR): each thread seeded by its number, the ids
-- or films read from the file named by the environment variable in LIST_ENV (one a line), pick() draws one, and
-- done() prints the RESULT line the bench scripts parse.
local counter = 0
items = {}

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(seed or 1)
  for line in io.lines(os.getenv(LIST_ENV)) do
    if #line > 0 then items[#items + 1] = line end
  end
end

function pick()
  return items[math.random(#items)]
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "non_2xx=%d socket_errors=%d\n",
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
