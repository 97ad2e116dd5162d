-- wrk script: POST /api/critics/match with 20 ratings of random films (one film id per line in $VOUCH_FILMS),
-- scores 1..5 (every film of the ml-latest-small model is rated out of 5). Seeded per thread.
local films = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(seed or 1)
  for line in io.lines(os.getenv("VOUCH_FILMS")) do
    if #line > 0 then films[#films + 1] = line end
  end
end

function request()
  local ratings = {}
  for i = 1, 20 do
    ratings[i] = string.format('{"film":"%s","score":%d}', films[math.random(#films)], math.random(5))
  end
  local body = '{"ratings":[' .. table.concat(ratings, ",") .. '],"limit":10}'
  return wrk.format("POST", "/api/critics/match", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "non_2xx=%d socket_errors=%d\n",
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
