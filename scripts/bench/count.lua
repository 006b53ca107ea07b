-- wrk script for make bench: counts every answer by class and X-Cache value, and every 5xx whose
-- body is not the API's JSON error body. done() prints one line that tools/.../bench/WrkResult parses:
--   WRK requests=N s2xx=N s4xx=N s5xx=N s503=N other=N hit=N miss=N bypass=N bad5xx=N connect=N read=N write=N timeout=N
-- Optional: WRK_METHOD, WRK_BODY (e.g. a POST) through the environment.
local threads = {}
local keys = { "s2xx", "s4xx", "s5xx", "s503", "other", "hit", "miss", "bypass", "bad5xx" }

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for _, k in ipairs(keys) do _G[k] = 0 end
  local method, body = os.getenv("WRK_METHOD"), os.getenv("WRK_BODY")
  if method and method ~= "" then wrk.method = method end
  if body and body ~= "" then
    wrk.body = body
    wrk.headers["Content-Type"] = "application/json"
  end
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    s2xx = s2xx + 1
  elseif status >= 400 and status < 500 then
    s4xx = s4xx + 1
  elseif status >= 500 then
    s5xx = s5xx + 1
    if status == 503 then s503 = s503 + 1 end
    if not (body:find('"error"', 1, true) and body:find('"status":' .. status, 1, true)) then
      bad5xx = bad5xx + 1
    end
  else
    other = other + 1
  end
  local cache = headers["X-Cache"] or headers["x-cache"]
  if cache == "HIT" then hit = hit + 1 elseif cache == "MISS" then miss = miss + 1
  elseif cache == "BYPASS" then bypass = bypass + 1 end
end

function done(summary, latency, requests)
  local total = {}
  for _, k in ipairs(keys) do total[k] = 0 end
  for _, thread in ipairs(threads) do
    for _, k in ipairs(keys) do total[k] = total[k] + (thread:get(k) or 0) end
  end
  local e = summary.errors
  io.write(string.format(
    "WRK requests=%d s2xx=%d s4xx=%d s5xx=%d s503=%d other=%d hit=%d miss=%d bypass=%d bad5xx=%d connect=%d read=%d write=%d timeout=%d secs=%.1f rps=%.0f p50_ms=%.1f p99_ms=%.1f\n",
    summary.requests, total.s2xx, total.s4xx, total.s5xx, total.s503, total.other, total.hit, total.miss,
    total.bypass, total.bad5xx, e.connect, e.read, e.write, e.timeout, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
