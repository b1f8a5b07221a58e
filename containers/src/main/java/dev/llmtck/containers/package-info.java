/**
 * Testcontainers modules for llmtck's images: the Bedrock and Azure OpenAI mocks as containers, the images they run
 * ({@link dev.llmtck.containers.LlmtckImage}), built locally from a base image given as a build argument, and the
 * fault switch a test flips from outside a container.
 */
package dev.llmtck.containers;
