#!/usr/bin/env bash
# Walks through every endpoint of the security-maturity API against the running
# local portal (bash scripts/portal.sh start), as the demo guest (a Payments
# engineer and security lead) and as the demo CI pipeline. Each call is printed
# with its status, so this doubles as the README's API examples.
set -euo pipefail

API=${API:-http://localhost:7007/api/security-maturity}
ENTITY=${ENTITY:-component/default/payments-api}
CI_TOKEN=${CI_TOKEN:-local-demo-ci-token-change-me}

TOKEN=$(curl -sf -X POST http://localhost:7007/api/auth/guest/refresh \
  -H 'X-Requested-With: XMLHttpRequest' | node -pe 'JSON.parse(require("fs").readFileSync(0)).backstageIdentity.token')

# call METHOD PATH [BODY] [TOKEN]: prints the request and the response.
call() {
  local method=$1 path=$2 body=${3:-} token=${4:-$TOKEN}
  echo "\$ curl -X $method $API$path${body:+ -d '$body'}" >&2
  local status
  status=$(curl -s -o /tmp/api-tour.json -w '%{http_code}' -X "$method" "$API$path" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${body:+-d "$body"})
  echo "HTTP $status $(node -pe 'JSON.stringify(JSON.parse(require("fs").readFileSync("/tmp/api-tour.json"))).slice(0, 240)')" >&2
}
field() { node -pe "JSON.parse(require('fs').readFileSync('/tmp/api-tour.json')).$1"; }
version() { field version; }

E="/entities/$ENTITY"
in30days=$(node -pe 'new Date(Date.now() + 30 * 864e5).toISOString()')

call GET /config
call GET /scorers
call GET "$E"
cp /tmp/api-tour.json /tmp/api-tour-picture.json
# The version each record has now (0 when it does not exist yet), so the tour can run again.
current() { node -pe "const p = JSON.parse(require('fs').readFileSync('/tmp/api-tour-picture.json')); ($1)?.version ?? 0"; }
call PUT "$E/intake" "{\"version\":$(current p.intake),\"dataClassification\":\"confidential\",\"newIntegrations\":true,\"authFlowChanges\":false,\"internetExposure\":true,\"regulatoryObligations\":[\"PCI DSS\"]}"
call PUT "$E/rasi/threat-modeling" '{"version":'"$(current "p.rasi.find(r => r.activityId === 'threat-modeling')")"',"responsible":["group:default/payments-team"],"accountable":"user:default/alex.rivera","supportive":["group:default/security-leads"],"informed":[]}'
call PUT "$E/stages/threat-modeling" '{"version":'"$(current "p.stages.find(s => s.stageId === 'threat-modeling')")"',"status":"passed","checklist":[{"criterionId":"risks-documented","done":true,"evidence":[{"title":"Threat model","url":"https://wiki.example.com/payments/threat-model"}]},{"criterionId":"decisions-tracked","done":true,"evidence":[]},{"criterionId":"definition-of-ready","done":true,"evidence":[]}]}'
call POST "$E/stages/threat-modeling/sign-off" "{\"version\":$(version)}"
call POST "$E/material-changes" '{"kind":"new-integration","description":"Adds the card network settlement webhook"}'
call POST "$E/exceptions" "{\"controlId\":\"run-as-non-root\",\"justification\":\"Terminal agent binds port 443\",\"compensatingControls\":\"Dedicated node pool, seccomp\",\"riskRating\":\"medium\",\"expiresAt\":\"$in30days\"}"
exception=$(field id)
# The guest requested it, so approving it is refused (segregation of duties).
call POST "$E/exceptions/$exception/transitions" '{"version":1,"action":"approve"}'
call POST "$E/exceptions/$exception/transitions" '{"version":1,"action":"close","note":"Agent rebuilt"}'
call GET "$E/exceptions?limit=5"
call POST "$E/worksheets" '{"kind":"drill","title":"Card vault credential leak drill"}'
worksheet=$(field id)
call PUT "$E/worksheets/$worksheet" '{"version":1,"title":"Card vault credential leak drill","status":"open","readiness":{"baselineControlsPresent":true,"runtimeVisibility":false},"containmentOwners":{"isolate":"user:default/alex.rivera","revoke":"group:default/security-leads","freeze":null,"recover":null},"timeline":[],"actions":[],"findings":["No alert on vault reads from new IPs"]}'
call POST "$E/worksheets/$worksheet/lessons" '{"version":2,"lesson":"Add vault read alerts before launch","reopensStageId":"launch"}'
call GET "$E/worksheets"
call POST "$E/decisions" '{"trigger":"Settlement webhook","decision":"Verify webhook signatures","rationale":"Spoofed callbacks would mark orders paid","ownerRef":"user:default/alex.rivera","status":"accepted","reReviewAt":"2027-05-01"}'
decision=$(field id)
call PUT "$E/decisions/$decision" '{"version":1,"trigger":"Settlement webhook","decision":"Verify webhook signatures","rationale":"Spoofed callbacks would mark orders paid","ownerRef":"user:default/alex.rivera","status":"implemented"}'
call GET "$E/decisions"
release_name="$(date +%Y.%m.%d)-$RANDOM"
call POST "$E/releases" "{\"release\":\"$release_name\"}"
release=$(field id)
call POST "$E/releases/$release/evidence" '{"kind":"provenance","title":"SLSA provenance","url":"https://ci.example.com/runs/981/provenance.json","result":"pass","slsaBuildLevel":3}' "$CI_TOKEN"
call POST "$E/releases/$release/decision" "{\"version\":$(version),\"decision\":\"go\",\"note\":\"Scans clean, provenance verified\"}"
call GET "$E/releases"
# Evidence from tools: CI pushes a scanner's SARIF as the tool wrote it; the
# same file again answers 200 with "unchanged": true.
sarif='{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Semgrep OSS","semanticVersion":"1.85.0","rules":[{"id":"python.django.security.audit.django-debug-true.django-debug-true","defaultConfiguration":{"level":"warning"}}]}},"results":[{"ruleId":"python.django.security.audit.django-debug-true.django-debug-true","message":{"text":"Detected Django app with DEBUG mode enabled."},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"checkout/settings.py"},"region":{"startLine":31}}}]}]}]}'
call POST "$E/evidence/sarif?link=https://ci.example.com/runs/981" "$sarif" "$CI_TOKEN"
call POST "$E/evidence/sarif?link=https://ci.example.com/runs/981" "$sarif" "$CI_TOKEN"
call GET "$E/evidence"
call PUT "$E/assessment/G-SM-A-1" '{"version":'"$(current "p.assessment.find(a => a.activityId === 'G-SM-1-A')")"',"value":0.5,"notes":"Tier targets are set"}'
call GET "$E/history?limit=3"
