-- wrk script: a mix of suggestion requests over many reviewer ids (one id per line in $VOUCH_IDS).
-- 80% GET /api/reviewers/{id}/suggestions (plain, filtered, or with more results), 20% POST /api/suggestions
-- with a trust set of three random reviewers. Seeded per thread so runs are comparable.
LIST_ENV = "VOUCH_IDS"
dofile(os.getenv("VOUCH_BENCH_DIR") .. "/common.lua")

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
