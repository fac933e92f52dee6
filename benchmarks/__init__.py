"""Benchmarks that prove the performance figures of issue 5 (``make bench``).

One script per figure, each runnable alone as ``python -m benchmarks.<name>`` and all of them
through ``python -m benchmarks.run_all``. They read the dev articles from ``../shared`` and skip,
saying why, when the data, textrank4zh or the CLI is missing.
"""
