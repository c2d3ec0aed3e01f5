"""Benchmarks run by `make bench` (`python -m bench`); each `bench/*_bench.py` has `main(argv) -> int`."""
