"""The national-scale data generator behind bench/generate.py; every part is seeded."""
