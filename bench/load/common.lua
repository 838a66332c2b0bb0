-- Shared by the load benchmark's wrk scripts (bench/load.sh): one machine-readable line at the end,
-- with the rate, the latency percentiles in milliseconds and every request that did not answer 2xx/3xx.
threads = {}

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

-- What completed: every answer 2xx or 3xx (a script with steps counts its own).
function response(status)
    if status < 300 then
        completed = (completed or 0) + 1
    end
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    local completed = 0
    for _, thread in ipairs(threads) do
        completed = completed + (thread:get("completed") or 0)
    end
    io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d done=%d\n",
        summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, e.connect + e.read + e.write + e.status + e.timeout, completed))
end
