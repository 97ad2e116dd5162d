-- wrk script for the million-film bench: MODE=get sends GET /api/reviewers/{id}/suggestions?limit=10, MODE=post
-- sends POST /api/suggestions with five trusted reviewers drawn at random, MODE=kindred with five drawn as a reader
-- would (a line of $VOUCH_IDS each: a reviewer and four of their kindred, space-separated). Ids: one a line in
-- $VOUCH_IDS. Seeded per thread.
LIST_ENV = "VOUCH_IDS"
dofile(os.getenv("VOUCH_BENCH_DIR") .. "/common.lua")
local mode = os.getenv("MODE") or "get"

function request()
  if mode == "get" then
    return wrk.format("GET", "/api/reviewers/" .. pick() .. "/suggestions?limit=10")
  end
  local five = {}
  if mode == "kindred" then
    for id in pick():gmatch("%S+") do five[#five + 1] = id end
  else
    for i = 1, 5 do five[i] = pick() end
  end
  local body = string.format('{"trusted":[{"reviewer":"%s"},{"reviewer":"%s"},{"reviewer":"%s"},{"reviewer":"%s"},' ..
    '{"reviewer":"%s"}],"limit":10}', five[1], five[2], five[3], five[4], five[5])
  return wrk.format("POST", "/api/suggestions", {["Content-Type"] = "application/json"}, body)
end
