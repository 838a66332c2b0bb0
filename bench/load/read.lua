-- GET requests: each one a "token TAB path" line of the file given after --, chosen at random.
dofile("bench/load/common.lua")

local lines = {}

function init(args)
    for line in io.lines(args[1]) do
        local token, path = line:match("^([^\t]+)\t(.+)$")
        lines[#lines + 1] = { token, path }
    end
    math.randomseed(os.time() * 100 + id)
end

function request()
    local line = lines[math.random(#lines)]
    return wrk.format("GET", line[2], { ["Authorization"] = "Bearer " .. line[1] })
end
