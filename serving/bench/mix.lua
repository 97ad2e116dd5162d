-- wrk script: a mix of suggestion requests over many reviewer ids (one id per line in $VOUCH_IDS).
-- 80% GET /api/reviewers/{id}/suggestions (plain, filtered, or with more results), 20% POST /api/suggestions
-- with a trust set of three random reviewers. Seeded per thread so runs are comparable.
local ids = {}
local counter = 0

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
  local r = math.random(100)
  if r <= 50 then
    return wrk.format("GET", "/api/reviewers/" .. pick() .. "/suggestions?limit=10")
  elseif r <= 65 then
    return wrk.format("GET", "/api/reviewers/" .. pick() .. "/suggestions?limit=20&min_year=1990")
  elseif r <= 80 then
    return wrk.format("GET", "/api/reviewers/" .. pick() .. "/suggestions?limit=10&genre=Drama")
  else
    local body = string.format('{"trusted":[{"reviewer":"%s","weight":2},{"reviewer":"%s"},{"reviewer":"%s"}],"limit":10}',
      pick(), pick(), pick())
    return wrk.format("POST", "/api/suggestions", {["Content-Type"] = "application/json"}, body)
  end
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "non_2xx=%d socket_errors=%d\n",
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
