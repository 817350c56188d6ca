-- GET /health: the HTTP stack alone, the yardstick every other figure is divided by.
dofile("bench/wrk-report.lua")
wrk.path = "/health"
