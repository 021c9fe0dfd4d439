"""Public pages: views, charts, citations, readers' corrections."""
