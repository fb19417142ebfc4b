"""The measurements of `make bench` (bench/run.py): HTTP latency, queries, writes, scans."""
