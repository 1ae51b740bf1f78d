"""Governance questions in Cypher and network analysis."""
