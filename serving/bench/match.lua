-- wrk script: POST /api/critics/match with 20 ratings of random films (one film id per line in $VOUCH_FILMS),
-- scores 1..5 (every film of the ml-latest-small model is rated out of 5). Seeded per thread.
LIST_ENV = "VOUCH_FILMS"
dofile(os.getenv("VOUCH_BENCH_DIR") .. "/common.lua")

function request()
  local ratings = {}
  for i = 1, 20 do
    ratings[i] = string.format('{"film":"%s","score":%d}', pick(), math.random(5))
  end
  local body = '{"ratings":[' .. table.concat(ratings, ",") .. '],"limit":10}'
  return wrk.format("POST", "/api/critics/match", {["Content-Type"] = "application/json"}, body)
end
