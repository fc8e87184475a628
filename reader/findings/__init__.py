"""Findings: quotes, speakers, attribution, credits, headline and corrections compared with the wire."""
