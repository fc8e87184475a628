"""Quotes, speakers and credits: findings about who said what and who is credited.

Placeholder until the quotes-and-attribution issue lands: returns no findings.
"""

from __future__ import annotations

from reader.model import Article, Finding, Row
from reader.profile import Profile


def find_findings(base: Article, other: Article, rows: list[Row], profile: Profile) -> list[Finding]:
    return []
