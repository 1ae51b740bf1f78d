"""Loaders: reference data, news articles and researchers' records into the graph."""
