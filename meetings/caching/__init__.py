"""Derived copies kept for speed: whole pages, meeting cards, facet totals, and the
signals that retire them."""
