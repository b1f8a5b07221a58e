"""Writes llmtck's tiny chat model (a Hugging Face Llama directory made by make_tiny_model.py) as one GGUF file, the
format llama.cpp serves, with the `gguf` package (PyPI, pinned in ci/python/llama-cpp.lock):

  python to_gguf.py MODEL_DIR OUT.gguf

Written here rather than with llama.cpp's convert_hf_to_gguf.py because that script recognises a byte-level BPE
tokenizer only by the hash of a known model's tokenizer output ("BPE pre-tokenizer was not recognized"), and ours
is trained locally. Ours is a GPT-2 style byte-level BPE (tokenizers' ByteLevel pre-tokenizer with its default
GPT-2 split pattern), which GGUF calls tokenizer model "gpt2", pre-tokenizer "gpt-2". Weights are written as
float32. The query and key projections are permuted from Hugging Face's rotate-half layout to the interleaved
layout llama.cpp's rope expects, as llama.cpp's own converter does for Llama models.
"""
import json
import sys
from pathlib import Path

import numpy as np
from gguf import GGUFWriter, LlamaFileType, TokenType
from safetensors.numpy import load_file


def permute(weights, heads):
    return (weights.reshape(heads, 2, weights.shape[0] // heads // 2, *weights.shape[1:])
            .swapaxes(1, 2).reshape(weights.shape))


def main(model_dir, out):
    model_dir = Path(model_dir)
    cfg = json.loads((model_dir / "config.json").read_text())
    tok = json.loads((model_dir / "tokenizer.json").read_text())
    tok_cfg = json.loads((model_dir / "tokenizer_config.json").read_text())
    template = (model_dir / "chat_template.jinja").read_text()
    heads, kv_heads, layers = cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["num_hidden_layers"]
    head_dim = cfg.get("head_dim") or cfg["hidden_size"] // heads

    w = GGUFWriter(out, "llama")
    w.add_name("llmtck-tiny-chat")
    w.add_context_length(cfg["max_position_embeddings"])
    w.add_embedding_length(cfg["hidden_size"])
    w.add_block_count(layers)
    w.add_feed_forward_length(cfg["intermediate_size"])
    w.add_head_count(heads)
    w.add_head_count_kv(kv_heads)
    w.add_layer_norm_rms_eps(cfg["rms_norm_eps"])
    w.add_rope_freq_base(float((cfg.get("rope_parameters") or {}).get("rope_theta", cfg.get("rope_theta", 10000.0))))
    w.add_rope_dimension_count(head_dim)
    w.add_file_type(LlamaFileType.ALL_F32)

    vocab = tok["model"]["vocab"]
    special = {t["content"]: t["id"] for t in tok["added_tokens"]}
    size = cfg["vocab_size"]
    tokens = [""] * size
    types = [TokenType.NORMAL] * size
    for text, index in vocab.items():
        tokens[index] = text
    for text, index in special.items():
        tokens[index] = text
        types[index] = TokenType.CONTROL
    for i, t in enumerate(tokens):
        if t == "":
            tokens[i], types[i] = "[PAD%d]" % i, TokenType.UNUSED
    w.add_vocab_size(size)
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("gpt-2")
    w.add_token_list(tokens)
    w.add_token_types(types)
    merges = [m if isinstance(m, str) else " ".join(m) for m in tok["model"]["merges"]]
    w.add_token_merges(merges)
    w.add_bos_token_id(special[tok_cfg.get("bos_token", "<s>")])
    w.add_eos_token_id(special[tok_cfg.get("eos_token", "<|im_end|>")])
    w.add_unk_token_id(special[tok_cfg.get("unk_token", "<unk>")])
    w.add_pad_token_id(special[tok_cfg.get("pad_token", "</s>")])
    w.add_add_bos_token(False)
    w.add_chat_template(template)

    t = load_file(str(model_dir / "model.safetensors"))
    names = {"model.embed_tokens.weight": "token_embd.weight", "model.norm.weight": "output_norm.weight",
             "lm_head.weight": "output.weight"}
    per_layer = {"self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
                 "self_attn.o_proj": "attn_output", "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up",
                 "mlp.down_proj": "ffn_down", "input_layernorm": "attn_norm",
                 "post_attention_layernorm": "ffn_norm"}
    for n in range(layers):
        for hf, gg in per_layer.items():
            names["model.layers.%d.%s.weight" % (n, hf)] = "blk.%d.%s.weight" % (n, gg)
    missing = sorted(set(t) - set(names))
    if missing:
        sys.exit("tensors this converter does not know: %s" % missing)
    for hf, gg in names.items():
        data = t[hf].astype(np.float32)
        if hf.endswith("q_proj.weight"):
            data = permute(data, heads)
        elif hf.endswith("k_proj.weight"):
            data = permute(data, kv_heads)
        w.add_tensor(gg, data)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    print("wrote %s (%d tensors, %d tokens)" % (out, len(names), size))


if __name__ == "__main__":
    main(*sys.argv[1:3])
