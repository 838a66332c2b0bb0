-- A member files a report: create it, add three lines (rail fares, no receipt needed), submit it;
-- then the next. One connection per thread (-t = -c), so each thread walks its own report.
-- Arguments after --: the file of tokens (a line each), the id of the transport category.
dofile("bench/load/common.lua")

local token, category, day
local step, report = 0, nil

function init(args)
    local tokens = {}
    for line in io.lines(args[1]) do
        tokens[#tokens + 1] = line
    end
    token = tokens[(id - 1) % #tokens + 1]
    category = args[2]
    day = os.date("!%Y-%m-%d", os.time() - 2 * 86400)
end

local function headers()
    return { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["If-Match"] = "*" }
end

function request()
    if step == 0 then
        return wrk.format("POST", "/api/v1/reports", headers(), '{"title": "負荷試験 出張精算"}')
    elseif step <= 3 then
        return wrk.format("POST", "/api/v1/reports/" .. report .. "/lines", headers(), string.format(
            '{"spentOn": "%s", "categoryId": "%s", "amountYen": %d, "payee": "JR東海", "routeFrom": "東京", "routeTo": "新大阪"}',
            day, category, 13000 + step * 10))
    end
    return wrk.format("POST", "/api/v1/reports/" .. report .. "/submit", headers(), "")
end

function response(status, headers, body)
    if status >= 300 then
        step = 0
        return
    end
    if step == 0 then
        report = body:match('"id":"([%x%-]+)"')
    elseif step == 4 then
        completed = (completed or 0) + 1
    end
    step = (step + 1) % 5
end
