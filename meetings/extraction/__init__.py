"""Article → draft meeting. Pure Python except ``database``, which reads the gazetteer."""

from meetings.extraction.article import Article, ExtractionError, read_article
from meetings.extraction.gazetteer import Gazetteer
from meetings.extraction.pipeline import Draft, extract

__all__ = ["Article", "Draft", "ExtractionError", "Gazetteer", "extract", "read_article"]
