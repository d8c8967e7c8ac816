-- wrk script for Omniflow's POST /api/v1/runs: the anchors' post.lua body ({"n":3} / {"n":7}
-- alternately) as a run's input, with the API key and flow from the environment, and the same
-- machine-readable summary line run-load.sh reads.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("OMNIFLOW_BENCH_KEY")
local flow = os.getenv("OMNIFLOW_BENCH_FLOW")
local bodies = {
  '{"flowId":"' .. flow .. '","input":{"n":3}}',
  '{"flowId":"' .. flow .. '","input":{"n":7}}',
}
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, nil, nil, bodies[(i % 2) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"err_connect":%d,"err_read":%d,"err_write":%d,"err_status":%d,"err_timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
