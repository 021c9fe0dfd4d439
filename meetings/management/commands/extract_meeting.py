"""Print the meeting the extractor proposes for an article file (text or HTML).

    python manage.py extract_meeting PATH [--published YYYY-MM-DD] [--url URL]
                                          [--outlet NAME] [--format json|text]

The JSON form is a stable interface, documented in docs/extraction.md.
"""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.extraction import ExtractionError, extract, read_article
from meetings.extraction.database import gazetteer_from_database


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--published: {value!r} is not a date like 2024-04-15") from error


class Command(BaseCommand):
    help = "Propose a meeting from an article file (text or HTML); saves nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a .txt or .html file, or - for standard input")
        parser.add_argument("--published", type=iso_date, help="publication date, YYYY-MM-DD")
        parser.add_argument("--url", default="", help="the article's URL")
        parser.add_argument("--outlet", default="", help="the outlet's name")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, path, published, url, outlet, format, **options):
        content = self.read(path)
        try:
            article = read_article(content, published=published, url=url, outlet=outlet)
        except ExtractionError as error:
            raise CommandError(str(error)) from error
        draft = extract(article, gazetteer_from_database())
        if format == "json":
            self.stdout.write(json.dumps(draft.as_json(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(as_text(draft))

    def read(self, path):
        if path == "-":
            import sys

            return sys.stdin.buffer.read()
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        return file.read_bytes()


def as_text(draft) -> str:
    lines = [
        f"language      {draft.language}",
        f"date          {draft.date or '?'} ({draft.date_precision})",
        f"countries     {', '.join(draft.countries) or '?'}",
        f"place         {draft.place_name or '?'} ({draft.host_country or '?'})",
        f"topics        {', '.join(draft.topics) or '-'}",
        "ministers",
    ]
    for minister in draft.ministers:
        status = f"known #{minister.id}" if minister.known else "new"
        lines.append(
            f"  - {minister.name} [{minister.country or '?'}] {minister.post} "
            f"({minister.role}, {status})"
        )
    lines += [f"warning       {warning}" for warning in draft.warnings]
    return "\n".join(lines)
