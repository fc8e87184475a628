"""Diff: the word changes inside a row, each with its category (typography, spelling, style, substantive)."""
