-- Approvers approve the step that waits for them: "token TAB report" lines of the file given after
-- --, each used once — thread i takes lines i, i + threads, … — so no approval is repeated.
dofile("bench/load/common.lua")

local pairs_, next_, stride

function init(args)
    pairs_ = {}
    for line in io.lines(args[1]) do
        local token, report = line:match("^([^\t]+)\t(.+)$")
        pairs_[#pairs_ + 1] = { token, report }
    end
    stride = tonumber(args[2])
    next_ = id
end

function request()
    local pair = pairs_[(next_ - 1) % #pairs_ + 1]
    next_ = next_ + stride
    return wrk.format("POST", "/api/v1/reports/" .. pair[2] .. "/approve",
        { ["Authorization"] = "Bearer " .. pair[1], ["Content-Type"] = "application/json", ["If-Match"] = "*" }, "{}")
end
