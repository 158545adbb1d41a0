"""SEND Hub: an open-source platform for a local area's SEND partnership."""
