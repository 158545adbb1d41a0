"""Reads for the strategy pages, the board pack and the benchmarks, one module an area: `plan`, `measures`,
`board`, `reports`. Selectors take `today`."""
