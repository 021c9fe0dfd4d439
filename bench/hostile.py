"""A hostile run against the archive as `make run` serves it: `make hostile-test` (CI runs it).

It starts its own embedded PostgreSQL (no Redis: the default a newcomer gets), one
gunicorn with three workers, HOSTILE_MEETINGS demo meetings and one account per
editorial role, then sends HOSTILE_REQUESTS requests or more, CONCURRENCY at a time,
over public pages, the API and the admin, as an anonymous visitor, an editor, a
chief editor and a superuser: odd and oversized query strings, NUL and other control
characters, unknown parameters, forged Host and X-Forwarded-For headers, made-up
session cookies, every HTTP method, concurrent whole-archive downloads, floods of the
API and of the correction form, and the editorial moves an editor must not make
(reverting a published meeting to its review version, changing its sources).

It passes when no answer is a 5xx; each worker's resident memory ends within
MEMORY_MARGIN_MB of where it was after a warm-up pass (and no worker was replaced);
the API let no more than its rate through in any minute and the correction form no
more than its limit; the meeting the editor attacked is unchanged; and pages served
after forged Host headers name only the configured site address.

Figures go to bench/results/hostile.{json,md}.
"""

import asyncio
import collections
import datetime
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import httpx
from lxml import html
from services import RESULTS, Database, Instance, manage, resident_mb

MEETINGS = int(os.environ.get("HOSTILE_MEETINGS", "2000"))
REQUESTS = int(os.environ.get("HOSTILE_REQUESTS", "2400"))
CONCURRENCY = int(os.environ.get("HOSTILE_CONCURRENCY", "8"))
MEMORY_MARGIN_MB = 50
API_RATE = 120  # a minute, as configured by default
CORRECTIONS_LIMIT = 5  # an hour
SITE_URL = "https://archive.example"
PASSWORD = "hostile-run-Password-1"  # noqa: S105  (a throw-away database)
ROLES = ("anonymous", "editor", "chief", "superuser")
UNLIMITED = ("/api/schema/", "/api/docs/")


def log(message: str) -> None:
    print(f"[hostile {time.strftime('%H:%M:%S')}] {message}", flush=True)


def environment(database: Database) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DEBUG": "false",
        "SECRET_KEY": "hostile-run-only-" + "k" * 40,
        "DATABASE_URL": database.url,
        "REDIS_URL": "",  # every worker counts alone unless the archive shares its limits
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": SITE_URL,
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": "3",
        "CONN_MAX_AGE": "60",
    }


SETUP_SCRIPT = """
import json
import reversion
from django.contrib.auth.models import Group, User
from reversion.models import Version
from meetings.models import Meeting, Source
users = {}
for name, group in (("editor", "Editors"), ("chief", "Chief editors"), ("superuser", None)):
    user = User.objects.create_user(name, password=PASSWORD, is_staff=True,
                                    is_superuser=group is None)
    if group:
        user.groups.add(Group.objects.get(name=group))
    users[name] = user
chief = users["chief"]
target = Meeting.objects.published().order_by("pk").first()
for status in ("review", "published"):
    with reversion.create_revision():
        target.status = status
        target.save()
        reversion.set_user(chief)
review = next(v for v in Version.objects.get_for_object(target)
              if v.field_dict["status"] == "review")
source = target.sources.first() or Source.objects.create(
    meeting=target, url="https://news.example/hostile-run", language="en")
doomed = Meeting.objects.filter(status="draft").order_by("pk").first()
with reversion.create_revision():
    doomed.save()
with reversion.create_revision():
    doomed.delete()
deleted = Version.objects.get_deleted(Meeting).first()
print(json.dumps({
    "published": list(Meeting.objects.published().values_list("pk", flat=True)[:300]),
    "drafts": list(Meeting.objects.filter(status="draft").values_list("pk", flat=True)[:50]),
    "target": target.pk, "review_version": review.pk, "source": source.pk,
    "deleted_version": deleted.pk,
}))
"""

SNAPSHOT_SCRIPT = """
import json
from meetings.models import Meeting
meeting = Meeting.objects.get(pk=PK)
print(json.dumps({
    "status": meeting.status, "title_en": meeting.title_en,
    "sources": sorted(meeting.sources.values_list("url", "headline")),
}, default=str))
"""


@dataclass
class Attempt:
    role: str
    kind: str
    method: str
    path: str
    headers: dict
    data: list | None = None


@dataclass
class Answer:
    attempt: Attempt
    status: int
    at: float
    body: str = ""


# -- what the attackers send --------------------------------------------------------------

ODD_VALUES = [
    "%00", "%01", "a%00b", "%7F", "%1B%5B31m", "%ff%fe", "%", "%%", "%E2%80%AE", "\u202e",
    "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "-1", "0", "99999999999999999999",
    "1e999", "NaN", "[]", "{}", "null", "true", "😀" * 20, "ب" * 300, "x" * 5000, " ", "%20%20",
]  # fmt: skip
LIST_PARAMETERS = [
    "country", "counterpart", "group", "minister", "portfolio", "topic", "topic_match",
    "date_from", "date_to", "year", "host", "place", "q", "order", "after", "before", "page",
    "format", "v", "utm_source", "cursor", "page_size",
]  # fmt: skip
PAGES = [
    "/en/", "/ar/", "/fr/", "/en/meetings/", "/fr/meetings/", "/ar/meetings/", "/en/countries/",
    "/en/countries/ma/", "/ar/countries/be/", "/en/countries/ma/be/", "/fr/countries/be/ma/",
    "/en/topics/", "/en/topics/migration/", "/en/data/", "/en/data/codebook/",
    "/en/people/abdelouafi-laftit/", "/en/meetings/feed/atom/", "/fr/meetings/feed/rss/",
    "/en/corrections/new/", "/en/corrections/thanks/", "/healthz", "/en/nothing-here/",
    "/static/../config/settings/base.py", "/en/countries/zz/", "/en/countries/ma/ma/",
]  # fmt: skip
HEAVY = [
    "/en/meetings/export.csv", "/fr/meetings/export.json", "/en/meetings/dyad-years.csv",
    "/en/data/popolo.json", "/en/meetings/export.csv?country=MA", "/ar/meetings/?format=csv",
    "/en/data/releases/latest/",
]  # fmt: skip
API = [
    "/api/", "/api/meetings/", "/api/countries/", "/api/countries/MA/", "/api/ministers/",
    "/api/topics/", "/api/topics/migration/", "/api/schema/", "/api/meetings/999999999/",
]  # fmt: skip


def odd_query(rng: random.Random) -> str:
    pairs = []
    for _ in range(rng.randint(1, 5)):
        name = rng.choice([*LIST_PARAMETERS, "%00", "a%00", "x" * 300, "topic", "topic"])
        value = rng.choice(
            [
                *ODD_VALUES,
                "MA",
                "BE",
                "2024-01-01",
                "migration",
                "Rabat",
                "لفتيت",
                "-date",
                "relevance",
            ]
        )
        pairs.append(f"{name}={value if '%' in value else urllib.parse.quote(value)}")
    return "&".join(pairs)


def public_attempt(rng: random.Random, ids: dict) -> Attempt:
    kind = rng.choice(["page", "page", "odd", "odd", "odd", "host", "cookie", "method", "heavy",
                       "meeting", "control"])  # fmt: skip
    headers = {}
    if rng.random() < 0.3:
        headers["X-Forwarded-For"] = ".".join(str(rng.randint(1, 254)) for _ in range(4))
    method, path = "GET", rng.choice(PAGES)
    if kind == "odd":
        path = f"{rng.choice(PAGES)}?{odd_query(rng)}"
    elif kind == "host":
        headers["Host"] = rng.choice(
            ["localhost:31337", "127.0.0.1:9", "evil.example", "localhost"]
        )
        path = rng.choice([*PAGES[:12], f"/en/meetings/{rng.choice(ids['published'])}/"])
    elif kind == "cookie":
        headers["Cookie"] = (
            f"sessionid={rng.getrandbits(64):x}; csrftoken={'z' * rng.randint(1, 80)}"
        )
    elif kind == "method":
        method = rng.choice(["HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"])
        path = rng.choice(PAGES + HEAVY)
    elif kind == "heavy":
        path = rng.choice(HEAVY) + rng.choice(["", f"?v={rng.randint(1, 10**6)}"])
        path = path.replace("?country=MA?", "?country=MA&")
    elif kind == "meeting":
        pk = rng.choice([*ids["published"][:50], *ids["drafts"][:10], ids["target"], 0, -1])
        path = f"/{rng.choice(['en', 'fr', 'ar'])}/meetings/{pk}/" + rng.choice(["", "?x=1"])
    elif kind == "control":
        path = rng.choice([
            "/en/people/a%00b/", "/en/meetings/%00/", "/en/topics/%01/", "/api/ministers/%00/",
            "/en/meetings/?q=%00", "/en/%7F/", "/en/countries/m%00/",
        ])  # fmt: skip
    return Attempt("anonymous", kind, method, path, headers)


def api_attempt(rng: random.Random) -> Attempt:
    path = rng.choice(API)
    if rng.random() < 0.6:
        path += "?" + odd_query(rng)
    headers = {"X-Forwarded-For": ".".join(str(rng.randint(1, 254)) for _ in range(4))}
    if rng.random() < 0.2:
        path = rng.choice(["/api/ministers/%00/", "/api/topics/a%00/", "/api/countries/m%00/",
                           "/api/meetings/?page_size=%00"])  # fmt: skip
    return Attempt("anonymous", "api", "GET", path, headers)


def admin_attempt(rng: random.Random, role: str, ids: dict) -> Attempt:
    admin = "/en/admin/meetings/"
    models = ["meeting", "source", "minister", "mandate", "post", "country", "countrygroup",
              "city", "topic", "portfolio", "outlet", "correctionrequest", "meetingcorrection"]  # fmt: skip
    model = rng.choice(models)
    pk = rng.choice([rng.choice(ids["published"]), ids["target"], "abc", "%00", "-1", "9" * 25])
    choices = [
        f"{admin}{model}/?{rng.choice(['status', 'country', 'date_precision', 'q', 'o', 'p', 'e', 'language', 'state', 'kind', 'date__gte', 'topics__id__exact'])}={rng.choice(ODD_VALUES[:16])}",
        f"{admin}{model}/{pk}/change/",
        f"{admin}{model}/{pk}/history/",
        f"{admin}meeting/{ids['target']}/history/{rng.choice([ids['review_version'], 1, 999999, 'x'])}/",
        f"{admin}meeting/recover/{rng.choice([ids['deleted_version'], 999999])}/",
        f"{admin}meeting/recover/",
        f"{admin}{model}/{pk}/delete/",
        f"/en/admin/autocomplete/?app_label={rng.choice(['meetings', 'auth', '%00', 'x'])}"
        f"&model_name={rng.choice(['meeting', 'country', 'topic', 'zzz'])}"
        f"&field_name={rng.choice(['topics', 'country_a', 'x', ''])}&term={rng.choice(ODD_VALUES[:12])}",
        f"{admin}meeting/from-article/",
        f"{admin}meeting/{ids['target']}/history/compare/?version_id1=1&version_id2=%00",
    ]  # fmt: skip
    return Attempt(role, "admin", "GET", rng.choice(choices), {})


def plan(ids: dict, seed: int = 13) -> list[Attempt]:
    rng = random.Random(seed)
    attempts = []
    while len(attempts) < REQUESTS:
        draw = rng.random()
        if draw < 0.45:
            attempts.append(public_attempt(rng, ids))
        elif draw < 0.65:
            attempts.append(api_attempt(rng))
        else:
            attempts.append(admin_attempt(rng, rng.choice(ROLES), ids))
    return attempts


# -- sessions -----------------------------------------------------------------------------


async def signed_in(base: str, role: str) -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=base, timeout=60)
    if role == "anonymous":
        return client
    page = await client.get("/en/admin/login/")
    values = dict(html.fromstring(page.text).forms[0].form_values())
    values.update(username=role, password=PASSWORD)
    response = await post_form(client, "/en/admin/login/", list(values.items()))
    if response.status_code != 302:
        sys.exit(f"{role} could not sign in: {response.status_code}")
    return client


async def post_form(client, url: str, values: list) -> httpx.Response:
    return await client.post(
        url,
        content=urllib.parse.urlencode(values),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": url},
    )


async def form_of(client, url: str, form_id: str | None = None):
    """The form's fields with their values, as the page gives them (none if no page)."""
    page = await client.get(url)
    if page.status_code != 200:
        return []
    forms = html.fromstring(page.text).forms
    form = next((f for f in forms if f.get("id") == form_id), forms[-1] if forms else None)
    return list(form.form_values()) if form is not None else []


async def send(client: httpx.AsyncClient, attempt: Attempt) -> Answer:
    try:
        # The path goes out as written, percent-escapes and all.
        request = client.build_request(attempt.method, attempt.path, headers=attempt.headers)
        response = await client.send(request)
        body = response.text if "31337" in response.text or response.status_code >= 500 else ""
        return Answer(attempt, response.status_code, time.monotonic(), body[:2000])
    except httpx.HTTPError as error:
        return Answer(attempt, 0, time.monotonic(), f"{type(error).__name__}: {error}")


# -- the editorial attacks, each a form posted back as a browser would ---------------------


async def editorial_attacks(clients: dict, ids: dict) -> list[Answer]:
    """The editor reverts the published meeting to its review version and edits its source;
    every role posts garbage to the meeting list's actions."""
    answers = []
    editor = clients["editor"]
    revert = f"/en/admin/meetings/meeting/{ids['target']}/history/{ids['review_version']}/"
    values = await form_of(editor, revert, "meeting_form")
    values = [(k, "Rewritten by an editor" if k == "title_en" else v) for k, v in values]
    response = await post_form(editor, revert, [*values, ("_save", "Save")])
    answers.append(Answer(Attempt("editor", "revert", "POST", revert, {}), response.status_code,
                          time.monotonic()))  # fmt: skip
    change = f"/en/admin/meetings/source/{ids['source']}/change/"
    values = await form_of(editor, change, "source_form")
    values = [(k, "Rewritten headline" if k == "headline" else v) for k, v in values]
    response = await post_form(editor, change, [*values, ("_save", "Save")])
    answers.append(Answer(Attempt("editor", "source", "POST", change, {}), response.status_code,
                          time.monotonic()))  # fmt: skip
    for role in ("editor", "chief", "superuser"):
        client = clients[role]
        values = await form_of(client, "/en/admin/meetings/meeting/", "changelist-form")
        token = dict(values).get("csrfmiddlewaretoken", "")
        for action, selected in [("publish", "abc"), ("delete_selected", "%00"),
                                 ("withdraw", str(ids["target"])), ("nothing", "1"),
                                 ("send_to_review", "9" * 30)]:  # fmt: skip
            data = [("csrfmiddlewaretoken", token), ("action", action), ("index", "0"),
                    ("_selected_action", urllib.parse.unquote(selected))]  # fmt: skip
            response = await post_form(client, "/en/admin/meetings/meeting/", data)
            answers.append(Answer(Attempt(role, "action", "POST", f"action={action}", {}),
                                  response.status_code, time.monotonic()))  # fmt: skip
    return answers


async def correction_flood(base: str, posts: int = 12) -> list[Answer]:
    """A reader's connection sends the correction form again and again (with its token)."""
    client = httpx.AsyncClient(base_url=base, timeout=30)
    values = await form_of(client, "/en/corrections/new/")
    values = [(k, v) for k, v in values if k not in ("message", "website")]
    answers = []
    for number in range(posts):
        data = [*values, ("message", f"Hostile message number {number}, sent again.")]
        response = await post_form(client, "/en/corrections/new/", data)
        answers.append(Answer(Attempt("anonymous", "corrections", "POST", "/en/corrections/new/",
                                      {}), response.status_code, time.monotonic()))  # fmt: skip
    await client.aclose()
    return answers


# -- the run ------------------------------------------------------------------------------


async def attack(base: str, ids: dict, instance: Instance) -> dict:
    clients = {role: await signed_in(base, role) for role in ROLES}
    # Warm-up: every kind of page once, so that memory is measured from a working worker.
    warm = plan(ids, seed=1)[:150]
    for attempt in warm:
        await send(clients[attempt.role], attempt)
    workers = instance.workers()
    memory_before = {pid: resident_mb(pid) for pid in workers}
    log(f"workers {workers}, memory after warm-up {memory_before}")

    attempts = plan(ids)
    queue = asyncio.Queue()
    for attempt in attempts:
        queue.put_nowait(attempt)
    answers: list[Answer] = []

    async def worker():
        while not queue.empty():
            attempt = queue.get_nowait()
            answers.append(await send(clients[attempt.role], attempt))

    started = time.monotonic()
    *_workers, flood = await asyncio.gather(
        *(worker() for _ in range(CONCURRENCY)), correction_flood(base)
    )
    answers += flood
    answers += await correction_flood(base)  # again, from the same address
    answers += await editorial_attacks(clients, ids)
    seconds = time.monotonic() - started
    memory_after = {pid: resident_mb(pid) for pid in instance.workers()}
    poisoned = []
    for path in ("/en/", f"/en/meetings/{ids['published'][0]}/", "/en/countries/ma/",
                 "/en/meetings/feed/atom/"):  # fmt: skip
        text = (await clients["anonymous"].get(path)).text
        if "31337" in text or "127.0.0.1:9" in text:
            poisoned.append(path)
    for client in clients.values():
        await client.aclose()
    return {
        "answers": answers,
        "seconds": seconds,
        "memory_before": memory_before,
        "memory_after": memory_after,
        "poisoned": poisoned,
    }


def most_in_a_minute(moments: list[float]) -> int:
    moments = sorted(moments)
    most, start = 0, 0
    for end, moment in enumerate(moments):
        while moment - moments[start] >= 60:
            start += 1
        most = max(most, end - start + 1)
    return most


def judge(result: dict, before: dict, after: dict) -> dict:
    answers = result["answers"]
    statuses = collections.Counter(answer.status for answer in answers)
    by_kind = collections.defaultdict(collections.Counter)
    for answer in answers:
        by_kind[f"{answer.attempt.role} {answer.attempt.kind}"][answer.status] += 1
    server_errors = [
        f"{a.status} {a.attempt.role} {a.attempt.method} {a.attempt.path} {a.body[:300]}"
        for a in answers
        if a.status >= 500 or a.status == 0
    ]
    # Answered in full: what the limit let through (a 400 or 404 may come before it counts;
    # the schema, a document that reads no table, is not counted).
    api_passed = [
        a.at
        for a in answers
        if a.attempt.kind == "api" and a.status == 200 and not a.attempt.path.startswith(UNLIMITED)
    ]
    corrections = [a for a in answers if a.attempt.kind == "corrections"]
    growth = {
        pid: round(result["memory_after"].get(pid, 0) - mb, 1)
        for pid, mb in result["memory_before"].items()
    }
    replaced = sorted(set(result["memory_after"]) ^ set(result["memory_before"]))
    checks = {
        "no 5xx": not server_errors,
        f"memory within {MEMORY_MARGIN_MB} MB": all(g <= MEMORY_MARGIN_MB for g in growth.values()),
        "no worker replaced": not replaced,
        f"API at most {API_RATE} a minute": most_in_a_minute(api_passed) <= API_RATE,
        f"corrections at most {CORRECTIONS_LIMIT}": sum(a.status == 303 for a in corrections)
        <= CORRECTIONS_LIMIT,
        "attacked meeting unchanged": before == after,
        "no page names a forged host": not result["poisoned"],
    }
    return {
        "requests": len(answers),
        "seconds": round(result["seconds"], 1),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "by_kind": {
            k: {str(s): n for s, n in sorted(v.items())} for k, v in sorted(by_kind.items())
        },
        "server_errors": server_errors[:50],
        "api_most_in_a_minute": most_in_a_minute(api_passed),
        "corrections_accepted": sum(a.status == 303 for a in corrections),
        "memory_before_mb": {str(k): round(v, 1) for k, v in result["memory_before"].items()},
        "memory_after_mb": {str(k): round(v, 1) for k, v in result["memory_after"].items()},
        "memory_growth_mb": {str(k): v for k, v in growth.items()},
        "replaced_workers": replaced,
        "attacked_meeting_before": before,
        "attacked_meeting_after": after,
        "poisoned_pages": result["poisoned"],
        "checks": checks,
        "passed": all(checks.values()),
    }


def markdown(report: dict) -> str:
    lines = [
        f"# Hostile run, {report['date']}",
        "",
        f"{report['machine']}; {report['meetings']:,} demo meetings; one gunicorn with 3 workers,"
        f" embedded PostgreSQL, no Redis; {report['requests']:,} requests in {report['seconds']} s,"
        f" {CONCURRENCY} at a time.",
        "",
        "| check | result |",
        "| --- | --- |",
        *[f"| {name} | {'passed' if ok else 'FAILED'} |" for name, ok in report["checks"].items()],
        "",
        f"Answers by status: {', '.join(f'{k}: {v}' for k, v in report['statuses'].items())}.",
        "",
        "Worker memory (MB, after warm-up -> end): "
        + ", ".join(
            f"{report['memory_before_mb'][pid]} -> {report['memory_after_mb'].get(pid, '?')}"
            for pid in report["memory_before_mb"]
        )
        + ".",
        "",
        f"The API let {report['api_most_in_a_minute']} requests through in its busiest minute"
        f" (rate {API_RATE}); the correction form accepted {report['corrections_accepted']}"
        f" of 24 (limit {CORRECTIONS_LIMIT}).",
        "",
        "| who and what | answers |",
        "| --- | --- |",
        *[
            f"| {kind} | {', '.join(f'{s}: {n}' for s, n in counts.items())} |"
            for kind, counts in report["by_kind"].items()
        ],
    ]
    if report["server_errors"]:
        lines += ["", "Server errors:", "", *[f"- {line}" for line in report["server_errors"]]]
    return "\n".join(lines) + "\n"


def snapshot(env: dict, pk: int) -> dict:
    return json.loads(
        manage(env, "shell", "-c", SNAPSHOT_SCRIPT.replace("PK", str(pk))).strip().splitlines()[-1]
    )


def main() -> None:
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="hostile-run-"))
    instance = None
    log(f"own PostgreSQL in {workdir}")
    database = Database(workdir / "postgres")
    try:
        env = environment(database)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "load_reference_data", "-v0")
        log(f"{MEETINGS:,} demo meetings")
        manage(env, "generate_demo_data", "--meetings", str(MEETINGS), "--seed", "7",
               "--no-progress")  # fmt: skip
        ids = json.loads(
            manage(env, "shell", "-c", SETUP_SCRIPT.replace("PASSWORD", repr(PASSWORD)))
            .strip().splitlines()[-1]
        )  # fmt: skip
        manage(env, "release_dataset")
        instance = Instance("hostile", env, workdir)
        instance.wait()
        before = snapshot(env, ids["target"])
        log(f"gunicorn on {instance.port}; {REQUESTS:,} requests, {CONCURRENCY} at a time")
        result = asyncio.run(attack(instance.url, ids, instance))
        after = snapshot(env, ids["target"])
        report = {
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "machine": f"{os.cpu_count()} cores, {platform.platform()}",
            "meetings": MEETINGS,
            **judge(result, before, after),
            "total_seconds": round(time.monotonic() - started),
        }
    finally:
        if instance:
            instance.stop()
        database.server.cleanup()
        shutil.rmtree(workdir, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "hostile.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    text = markdown(report)
    (RESULTS / "hostile.md").write_text(text)
    print(text)
    log(f"{'passed' if report['passed'] else 'FAILED'} in {report['total_seconds']} s")
    sys.exit(0 if report["passed"] else 1)


if __name__ == "__main__":
    main()
