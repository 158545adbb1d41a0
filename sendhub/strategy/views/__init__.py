"""Strategy pages, one module an area: `plan`, `measures`, `board`, `adulthood`, `reporting` (the progress
report and Local Offer visits), `edit` (changing and removing), `evidence`."""
