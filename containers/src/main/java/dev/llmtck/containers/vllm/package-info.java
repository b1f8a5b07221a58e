/**
 * {@link dev.llmtck.containers.vllm.VllmContainer}: vLLM's OpenAI-compatible server (the GPU image {@code vllm/vllm-
 * openai}, the CPU build, or llmtck's simulator image) as a Testcontainers module, ready when {@code GET /v1/models}
 * lists the served name.
 */
package dev.llmtck.containers.vllm;
