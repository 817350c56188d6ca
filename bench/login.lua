-- POST /api/v1/login with a fresh sandbox code per request; codes come from the file named by the
-- first script argument, one per line, split between wrk's threads so that none is sent twice.
dofile("bench/wrk-report.lua")

local codes, next_code, step

function init(args)
  codes = {}
  for line in io.lines(args[1]) do
    codes[#codes + 1] = line
  end
  step = tonumber(args[2])
  next_code = id + 1
end

function request()
  local code = codes[next_code]
  next_code = next_code + step
  if code == nil then
    code = "exhausted" -- the run outlived the minted codes: counted as a 4xx, and run.sh says so
  end
  return wrk.format("POST", "/api/v1/login", { ["Content-Type"] = "application/json" },
    '{"code":"' .. code .. '"}')
end
