"""Derived copies kept for speed (whole pages, meeting cards, facet totals) and the check
that every derived value is what its rows give."""
