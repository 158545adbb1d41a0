"""Benchmarks for every indicator, LA and period at once: the method (`compute`), its arithmetic on numpy
arrays (`arrays`) and the numba-compiled pass over one LA row (`kernel`)."""
