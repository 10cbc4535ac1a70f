-- wrk script: POST /v1/ask with a few different questions in turn (answered, suggested,
-- out of scope, misspelled), so the benchmark is not one cached path.
local questions = {
  "why is my mid back so stiff?",
  "how do I stretch my lower back?",
  "best exercises",
  "how do i relaxx my midle back",
  "how long should I hold a stretch?",
}
local requests = {}
for i, q in ipairs(questions) do
  requests[i] = wrk.format("POST", "/v1/ask", { ["Content-Type"] = "application/json" },
                           '{"question":"' .. q .. '"}')
end
local n = 0
request = function()
  n = n % #requests + 1
  return requests[n]
end
