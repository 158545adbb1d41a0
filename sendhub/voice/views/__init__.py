"""Thin views for family voice: load through an access check, validate, call one service."""
