"""Benchmark of the generator next to MkDocs; see README, "Benchmarks"."""
