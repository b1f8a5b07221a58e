#!/usr/bin/env bash
# Serves llmtck's tiny model with llama.cpp's OpenAI-compatible server as llama-cpp-python ships it
# (`python -m llama_cpp.server`, ci/python/llama-cpp.lock): the model as GGUF under the name tiny-chat, an API key,
# a context window of 40,960 tokens (what GitLab's features need), the chat template the GGUF carries. Installs
# the engine, makes the model and converts it on first use (each cached per machine). Runs in the foreground until
# killed; ready when GET /v1/models lists the served name.
#   LLAMA_API_KEY=secret ci/engines/llama-cpp/serve.sh [--port 8000] [--host 127.0.0.1] [more llama_cpp.server flags]
# Environment: LLAMA_API_KEY (handed to the server in its environment, never on the command line; without it the
# server asks for no key), LLMTCK_SERVED_MODEL_NAME (default tiny-chat), LLMTCK_MAX_MODEL_LEN (default 40960).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port=8000
host=127.0.0.1
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
python="$(bash "$here/install.sh")"
model="$(bash "$here/../tiny-model/make.sh")"

# The GGUF file, next to the model directory it is made from and named after it, plus a hash of the converter and
# the packages it runs with: a new model, a changed to_gguf.py or lock, a new file.
to_gguf="$here/../tiny-model/to_gguf.py"
gguf="$model-$(cat "$to_gguf" "$here/../../python/llama-cpp.lock" | sha256sum | cut -c1-12).gguf"
if [ ! -f "$gguf" ]; then
  echo "llama-cpp: converting $model to $gguf" >&2
  started=$(date +%s)
  "$python" "$to_gguf" "$model" "$gguf.partial" >&2
  mv "$gguf.partial" "$gguf"
  echo "llama-cpp: converted in $(( $(date +%s) - started )) s" >&2
fi

# llama_cpp.server reads every one of its settings from the environment too (pydantic-settings, names matched in
# any case, no prefix: MODEL, PORT, N_CTX, CHAT_FORMAT, ...), and its __main__ lets HOST and PORT override the
# command line. So no variable of the caller's (a CI job's PORT or MODEL) may reach it except the key: unset each one
# whose name is a setting, then pass the key as API_KEY, its own setting. Never --api_key: a command line is readable
# by every user of the machine (ps, /proc/<pid>/cmdline).
settings="$("$python" -c 'from llama_cpp.server.settings import Settings; print(" ".join(Settings.model_fields))')"
declare -A setting=([config_file]=1)
for name in $settings; do setting[$name]=1; done
while IFS= read -r var; do
  [ -z "${setting[${var,,}]:-}" ] || unset "$var"
done < <(compgen -e)
if [ -n "${LLAMA_API_KEY:-}" ]; then
  export API_KEY="$LLAMA_API_KEY"
else
  echo "llama-cpp: LLAMA_API_KEY is not set: the server asks for no API key" >&2
fi
unset LLAMA_API_KEY

# --chat_format chat_template.default: the GGUF's own template (tokenizer.chat_template, our chat_template.jinja),
# said explicitly: unset, llama-cpp-python first compares the template with a few it knows and would switch to its
# own formatter for a match, and falls back to llama-2's format when a GGUF has none.
# --interrupt_requests false: by default a stream is cut short (a bare [DONE], no finish_reason) as soon as another
# request waits for the model; a gateway serving several users needs each stream to run to its end.
exec "$python" -m llama_cpp.server \
  --model "$gguf" \
  --model_alias "${LLMTCK_SERVED_MODEL_NAME:-tiny-chat}" \
  --n_ctx "${LLMTCK_MAX_MODEL_LEN:-40960}" \
  --chat_format chat_template.default \
  --interrupt_requests false \
  --host "$host" --port "$port" \
  "${extra[@]}"
