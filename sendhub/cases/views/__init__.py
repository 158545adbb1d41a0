"""Casework views: thin; load through access-checked selectors, call one service, redirect or render."""
