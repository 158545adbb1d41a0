"""Open Referral UK (HSDS-UK-3.0): models, schema validation, paging, feed parsing and search scoring.

Plain Python (pydantic and jsonschema, no Django), so that it can be tested and reused on its own.
"""
