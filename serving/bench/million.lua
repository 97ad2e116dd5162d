-- wrk script for the million-film bench: MODE=get sends GET /api/reviewers/{id}/suggestions?limit=10, MODE=post
-- sends POST /api/suggestions with five trusted reviewers. Ids: one a line in $VOUCH_IDS. Seeded per thread.
LIST_ENV = "VOUCH_IDS"
dofile(os.getenv("VOUCH_BENCH_DIR") .. "/common.lua")
local mode = os.getenv("MODE") or "get"

function request()
  if mode == "get" then
    return wrk.format("GET", "/api/reviewers/" .. pick() .. "/suggestions?limit=10")
  end
  local body = string.format('{"trusted":[{"reviewer":"%s"},{"reviewer":"%s"},{"reviewer":"%s"},{"reviewer":"%s"},' ..
    '{"reviewer":"%s"}],"limit":10}', pick(), pick(), pick(), pick(), pick())
  return wrk.format("POST", "/api/suggestions", {["Content-Type"] = "application/json"}, body)
end
