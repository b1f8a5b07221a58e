"""Makes llmtck's tiny chat model: a Llama-shaped model small enough to serve on two CPU cores, built here from
nothing that needs downloading (no model hub is reachable where the kit's CI runs).

  python make_tiny_model.py OUT_DIR [--steps N]

What it does, all from fixed seeds so two runs on one machine give the same files:
1. writes a synthetic corpus of chat-template conversations (plain answers, tool calls in the hermes format,
   parallel tool calls, answers after tool results, multi-turn talks) built from the sentences of the text files
   this directory ships (corpus/*.txt) and a fixed vocabulary of function names;
2. trains a byte-level BPE tokenizer (2,048 tokens) on that corpus;
3. initialises a LlamaForCausalLM with random weights (torch seed 20261203) and trains it for a few hundred steps on
   the corpus, so that it ends its answers (<|im_end|>) and, when tools are offered, answers with
   <tool_call>{"name": ..., "arguments": {...}}</tool_call>, which vLLM's hermes tool parser reads;
4. saves weights (safetensors), config, tokenizer and the chat template (chat_template.jinja) in OUT_DIR.

The model knows nothing; it only speaks the format. That is all a conformance kit needs from it: a real engine
(vLLM, llama.cpp) serving a real model through its real tokenizer, template and tool parser.
"""
import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261203
SPECIAL = ["<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>", "<tool_call>", "</tool_call>"]
VERBS = ["get", "read", "list", "search", "create", "update", "delete", "run", "find", "fetch", "add", "check"]
NOUNS = ["weather", "file", "issue", "project", "branch", "commit", "user", "note", "job", "pipeline", "time",
         "repository", "merge_request", "label", "city", "forecast", "comment", "epic", "wiki_page", "snippet"]
PARAMS = ["city", "path", "query", "id", "name", "title", "branch", "project_id", "text", "limit", "location", "ref"]
QUESTIONS = [
    "What is the {noun} for {value} right now? Use the {name} tool.",
    "Use the {name} tool for {value}.",
    "Please call {name} with {param} {value}.",
    "I need the {noun} of {value}. Use the {name} tool.",
    "Can you {verb} {value} with the {name} tool?",
]


def sentences(rng):
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((HERE / "corpus").glob("*.txt")))
    words = text.replace("\n", " ").split()
    out = []
    i = 0
    while i < len(words):
        n = rng.randint(4, 24)
        chunk = " ".join(words[i:i + n]).strip()
        if chunk:
            out.append(chunk[0].upper() + chunk[1:].rstrip(".,;:") + ".")
        i += n
    return out, sorted({w.strip(".,;:()\"'`").capitalize() for w in words if w.isalpha() and 3 <= len(w) <= 10})


def tool(rng):
    verb, noun = rng.choice(VERBS), rng.choice(NOUNS)
    name = verb + "_" + noun
    param = rng.choice(PARAMS)
    return {"type": "function", "function": {"name": name, "description": (verb + " the " + noun).capitalize(),
            "parameters": {"type": "object", "properties": {param: {"type": "string"}}, "required": [param]}}}


def call(t, value):
    f = t["function"]
    param = f["parameters"]["required"][0]
    return {"name": f["name"], "arguments": {param: value}}


def conversation(rng, says, values):
    """One training conversation: a list of (role, text) turns plus the tools offered, and which turns to learn."""
    kind = rng.random()
    system = rng.choice([None, None, "You are a helpful assistant.", rng.choice(says)])
    tools = None
    turns = []
    if kind < 0.45:  # tool calls, one or two at once
        tools = [tool(rng) for _ in range(rng.randint(1, 4))]
        picked = rng.sample(tools, 2) if len(tools) > 1 and rng.random() < 0.3 else [rng.choice(tools)]
        value = rng.choice(values)
        f = picked[0]["function"]
        q = rng.choice(QUESTIONS).format(noun=f["name"].split("_", 1)[1].replace("_", " "), value=value,
                                         name=f["name"], param=f["parameters"]["required"][0],
                                         verb=f["name"].split("_")[0])
        if len(picked) == 2:
            q = q.rstrip(".?") + " and the " + picked[1]["function"]["name"] + " tool."
        turns.append(("user", q, False))
        turns.append(("assistant", {"tool_calls": [call(t, value) for t in picked]}, True))
        if rng.random() < 0.4:  # the tool answered: the assistant says something
            turns.append(("tool", json.dumps({"result": rng.choice(values)}), False))
            turns.append(("assistant", rng.choice(says), True))
    else:  # talk: one to three exchanges
        if rng.random() < 0.2:
            tools = [tool(rng) for _ in range(rng.randint(1, 3))]  # tools offered, question needs none
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            turns.append(("user", rng.choice(says), False))
            turns.append(("assistant", rng.choice(says), True))
    return system, tools, turns


def render(system, tools, turns, template):
    """The same text the chat template renders (checked against the template below), split in learn/ignore parts."""
    parts = []
    head = ""
    if tools:
        head = "<|im_start|>system\n" + (system + "\n" if system else "") + "You may call functions. Signatures: <tools>" \
               + "".join(json.dumps(t, separators=(", ", ": ")) for t in tools) \
               + "</tools>\nReply with <tool_call>{\"name\": <name>, \"arguments\": <args>}</tool_call>.<|im_end|>\n"
    elif system:
        head = "<|im_start|>system\n" + system + "<|im_end|>\n"
    parts.append((head, False))
    for role, content, learn in turns:
        if role == "assistant":
            parts.append(("<|im_start|>assistant\n", False))
            if isinstance(content, dict):
                body = "".join("<tool_call>\n" + json.dumps(c) + "\n</tool_call>" for c in content["tool_calls"])
            else:
                body = content
            parts.append((body + "<|im_end|>", learn))
            parts.append(("\n", False))
        else:
            parts.append(("<|im_start|>" + role + "\n" + content + "<|im_end|>\n", False))
    return parts


TEMPLATE = (HERE / "chat_template.jinja").read_text(encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--steps", type=int, default=int(os.environ.get("LLMTCK_TINY_MODEL_STEPS", "600")))
    ap.add_argument("--conversations", type=int, default=6000)
    args = ap.parse_args()
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    started = time.time()
    torch.manual_seed(SEED)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    rng = random.Random(SEED)
    says, values = sentences(rng)
    data = [render(*conversation(rng, says, values), TEMPLATE) for _ in range(args.conversations)]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    corpus_file = out / "training-corpus.txt"
    corpus_file.write_text("\n".join("".join(p for p, _ in d) for d in data), encoding="utf-8")

    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train([str(corpus_file)], trainers.BpeTrainer(vocab_size=2048, special_tokens=SPECIAL, show_progress=False,
                                                       initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="<|im_end|>",
                                   unk_token="<unk>", pad_token="</s>")
    fast.chat_template = TEMPLATE
    # the template and the training text agree, or the model learns a format vLLM never shows it
    probe_system, probe_tools, probe_turns = conversation(random.Random(1), says, values)
    expected = "".join(p for p, _ in render(probe_system, probe_tools, probe_turns, TEMPLATE))
    messages = ([{"role": "system", "content": probe_system}] if probe_system else []) + [
        {"role": r, "content": c} if not isinstance(c, dict) else
        {"role": r, "content": None, "tool_calls": [{"type": "function", "id": "c%d" % i, "function": {
            "name": x["name"], "arguments": json.dumps(x["arguments"])}} for i, x in enumerate(c["tool_calls"])]}
        for r, c, _ in probe_turns]
    rendered = fast.apply_chat_template(messages, tools=probe_tools, tokenize=False)
    if rendered != expected:
        sys.exit("the chat template renders differently from the training text:\n%r\n%r" % (rendered, expected))

    seqs = []
    for d in data:
        ids, labels = [], []
        for text, learn in d:
            piece = fast(text, add_special_tokens=False)["input_ids"]
            ids += piece
            labels += piece if learn else [-100] * len(piece)
        seqs.append((ids[:256], labels[:256]))
    cfg = LlamaConfig(vocab_size=len(fast), hidden_size=256, intermediate_size=512, num_hidden_layers=2,
                      num_attention_heads=4, num_key_value_heads=4, max_position_embeddings=4096,
                      bos_token_id=fast.bos_token_id, eos_token_id=fast.eos_token_id, pad_token_id=fast.pad_token_id,
                      tie_word_embeddings=False)
    model = LlamaForCausalLM(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.0)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=args.steps, pct_start=0.1)
    model.train()
    batch = 16
    for step in range(args.steps):
        chosen = [seqs[rng.randrange(len(seqs))] for _ in range(batch)]
        width = max(len(i) for i, _ in chosen)
        ids = torch.full((batch, width), fast.pad_token_id)
        lab = torch.full((batch, width), -100)
        att = torch.zeros((batch, width), dtype=torch.long)
        for row, (i, l) in enumerate(chosen):
            ids[row, :len(i)] = torch.tensor(i)
            lab[row, :len(l)] = torch.tensor(l)
            att[row, :len(i)] = 1
        loss = model(input_ids=ids, attention_mask=att, labels=lab).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        if step % 50 == 0 or step == args.steps - 1:
            print("step %d loss %.3f (%.0f s)" % (step, loss.item(), time.time() - started), file=sys.stderr)
    model.eval()
    model.save_pretrained(out, safe_serialization=True)
    fast.save_pretrained(out)
    corpus_file.unlink()
    (out / "llmtck-model.json").write_text(json.dumps({"seed": SEED, "steps": args.steps, "final_loss": loss.item(),
        "parameters": sum(p.numel() for p in model.parameters()), "seconds": round(time.time() - started)}, indent=1))
    print("tiny model in %s: loss %.3f after %d steps, %.0f s" % (out, loss.item(), args.steps, time.time() - started))


if __name__ == "__main__":
    main()
