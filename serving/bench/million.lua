-- wrk script for the million-film bench: MODE=get sends GET /api/reviewers/{id}/suggestions?limit=10, MODE=post
-- sends POST /api/suggestions with five trusted reviewers. Ids: one a line in $VOUCH_IDS. Seeded per thread.
local ids = {}
local counter = 0
local mode = os.getenv("MODE") or "get"

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(seed or 1)
  for line in io.lines(os.getenv("VOUCH_IDS")) do
    if #line > 0 then ids[#ids + 1] = line end
  end
end

local function pick()
  return ids[math.random(#ids)]
end

function request()
  if mode == "get" then
    return wrk.format("GET", "/api/reviewers/" .. pick() .. "/suggestions?limit=10")
  end
  local body = string.format('{"trusted":[{"reviewer":"%s"},{"reviewer":"%s"},{"reviewer":"%s"},{"reviewer":"%s"},' ..
    '{"reviewer":"%s"}],"limit":10}', pick(), pick(), pick(), pick(), pick())
  return wrk.format("POST", "/api/suggestions", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "non_2xx=%d socket_errors=%d\n",
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
