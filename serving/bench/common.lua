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

-- RATE (environment, requests per second over all threads): a paced load instead of wrk's flat-out one. Each thread
-- sends its share on a fixed schedule (a request's slot is reserved when a connection asks; a late connection sends at
-- once), so the offered rate stays at RATE while the server keeps up, and the latency is measured as wrk measures it.
local rate = tonumber(os.getenv("RATE") or "")
if rate and rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } vouch_timespec;
    int clock_gettime(int clock, vouch_timespec *ts);
  ]]
  local ts = ffi.new("vouch_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local interval, nextSlot
  local threadsEnv = tonumber(os.getenv("WRK_THREADS") or "2")
  function delay()
    local now = now_ms()
    interval = interval or (1000 * threadsEnv / rate)
    nextSlot = math.max(nextSlot or now, now)
    local wait = nextSlot - now
    nextSlot = nextSlot + interval
    return wait
  end
end
