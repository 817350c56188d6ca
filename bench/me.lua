-- GET /api/v1/me with tokens of a pool of logged-in users (file in the first script argument), round robin.
dofile("bench/wrk-report.lua")

local requests, n, i

function init(args)
  requests = {}
  for token in io.lines(args[1]) do
    requests[#requests + 1] = wrk.format("GET", "/api/v1/me", { ["Authorization"] = "Bearer " .. token })
  end
  n = #requests
  i = id
end

function request()
  i = i % n + 1
  return requests[i]
end
