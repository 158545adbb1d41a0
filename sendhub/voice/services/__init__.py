"""Writes for family voice: one function per thing a user means to do (see the modules)."""
