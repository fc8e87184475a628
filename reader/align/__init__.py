"""Align: which paragraph of a version stands for which of the wire (rows), and what the version is."""
