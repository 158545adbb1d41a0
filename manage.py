#!/usr/bin/env python
"""Kept for developers used to manage.py; operators use the `sendhub` command."""

from sendhub.__main__ import main

if __name__ == "__main__":
    main()
