-- GET /internal/v1/access-token on the internal listener, as a business server asks for the AppID's token;
-- the API key in the first script argument.
dofile("bench/wrk-report.lua")

local req

function init(args)
  req = wrk.format("GET", "/internal/v1/access-token", { ["Authorization"] = "Bearer " .. args[1] })
end

function request()
  return req
end
