"""Write the 10-year archive as a git repository with a synthetic history (issue 19, item 9).

Usage: python benchmarks/make_history.py OUT [--commits 2000] [--years 10] [--partners 400]
                                             [--merges 6] [--seed 19] [--verify]

The archive of make_archive.py, brought into git the way a kansli would have
committed it over the ten years: a first commit with the site and the
organisation (the data brought into git), then one commit per piece of
work, dated on the day it was done (GIT_AUTHOR_DATE/GIT_COMMITTER_DATE,
always increasing):

* partners joining, one entry of partners.yaml per commit on the day they
  joined; some with no or an old web address at first, corrected years later;
* every meeting planned (a short agenda), its agenda and matters set, the
  notice sent (kallelse_skickad, the underlag), held (närvaro, decisions, the
  protocol as utkast with the first part of protokoll.md), the protocol
  written in several commits, färdigställt on its typed date, godkänt the day
  after the meeting that approved it;
* the arbetsordning versions as drafts, then adopted; an annual report for
  each finished year but the first, as a draft, then published on its
  publicerad day (these 8 reports are the only files the archive lacks);
* a few meeting folders renamed (``git mv``: a date corrected before the
  notice, and after a protocol was public), a few planned meetings removed;
* a handful of short branches merged with ``--no-ff``.

Protocol drafting steps and partner address corrections fill the history up
to --commits commits on the first-parent line of main (fewer asked for:
neighbouring commits are combined). One ``git fast-import`` writes it all;
the work tree is then checked out and compared with the archive. The result
passes ``check`` without data errors as of 2036-01-15, like the archive.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's swecan_site
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_archive import FIRST_YEAR, make

STOCKHOLM = ZoneInfo("Europe/Stockholm")
AUTHOR = b"Kansliet <kansliet@swecan.example.se>"
PARTNERS = "partners.yaml"
ORGANISATION = "organisation.yaml"
RULES = "content/arbetsordning"
REPORTS = "content/rapporter"
PLANNED_RENAMES = 3  # meeting folders renamed while planned (the date moved)
PUBLIC_RENAMES = 2  # renamed after the protocol was public (a wrong date in the id)
REMOVALS = 3  # planned meetings removed again


# --- what one commit does ----------------------------------------------------------------


@dataclass
class Event:
    """One piece of work: files written (bytes) or removed (None), partner entries set."""

    day: date
    message: str
    files: dict[str, bytes | None] = field(default_factory=dict)
    partners: dict[str, str] = field(default_factory=dict)  # partner id -> variant
    seq: int = 0


class Events:
    """The events in the order made. An event's day is never before the day of the event
    it follows (``after``), so the events of one subject stay in order when sorted."""

    def __init__(self, first: date, last: date) -> None:
        self.first, self.last = first, last
        self.items: list[Event] = []
        self.files: dict[str, bytes | None] = {}  # each file as the last event left it

    def add(
        self,
        day: date,
        message: str,
        after: date | None = None,
        files: dict[str, bytes | None] | None = None,
        partners: dict[str, str] | None = None,
    ) -> date:
        """An event on ``day`` (not before ``after``); none if it would change nothing."""
        day = min(max(day, after or self.first, self.first + timedelta(days=1)), self.last)
        files = {p: c for p, c in (files or {}).items() if self.files.get(p) != c}
        if files or partners:
            self.files |= files
            self.items.append(Event(day, message, files, partners or {}, len(self.items)))
        return day


# --- partners.yaml, entry by entry --------------------------------------------------------


@dataclass
class PartnerList:
    """partners.yaml as a header and one text block per partner (a block carries the
    comment lines before it), so that any subset renders and all of them give the file."""

    header: str
    blocks: dict[str, str]  # id -> block, in file order
    joined: dict[str, date]

    @classmethod
    def parse(cls, text: str) -> PartnerList:
        lines = text.splitlines(keepends=True)
        starts = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
        cut = [_leading_comments(lines, s) for s in starts] + [len(lines)]
        header = "".join(lines[: cut[0]])
        blocks, joined = {}, {}
        for index, start in enumerate(starts):
            block = "".join(lines[cut[index] : cut[index + 1]])
            pid = lines[start].split(": ", 1)[1].strip()
            blocks[pid] = block
            found = re.search(r"ansluten: (\S+)", block)
            assert found is not None, pid
            joined[pid] = date.fromisoformat(found.group(1))
        assert header + "".join(blocks.values()) == text
        return cls(header, blocks, joined)

    def render(self, state: dict[str, str]) -> bytes:
        parts = [self.header]
        for pid, block in self.blocks.items():
            variant = state.get(pid)
            if variant is not None:
                parts.append(_variant(block, pid, variant))
        return "".join(parts).encode()


def _leading_comments(lines: list[str], start: int) -> int:
    """The first of the comment and blank lines right above ``start``."""
    while start > 0 and lines[start - 1].strip().startswith("#"):
        start -= 1
    return start


def _variant(block: str, pid: str, variant: str) -> str:
    if variant == "noweb":
        return re.sub(r"\n    webbplats: [^\n]*", "", block)
    if variant == "oldweb":
        old = rf"\1https://www.gammal-{pid}.example.se/"
        return re.sub(r"(\n    webbplats: )[^\n]*", old, block)
    return block


# --- a meeting's versions -------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: dict) -> bytes:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return ("exempeldata: true\n" + text if "exempeldata" not in data else text).encode()


def planned(final: dict, full_agenda: bool) -> dict:
    """The meeting as first planned: no notice, attendance, protocol or decisions; a short
    agenda without matters, or (``full_agenda``) the agenda and matters without underlag."""
    data = {k: v for k, v in final.items()
            if k not in ("närvaro", "protokoll", "beslut", "mötesordförande",
                         "kallelse_skickad")}  # fmt: skip
    data["status"] = "planerat"
    if full_agenda:
        data["ärenden"] = [
            {k: v for k, v in m.items() if k != "underlag"} for m in final.get("ärenden", [])
        ]
        return data
    items = [dict(i) for i in final.get("dagordning", []) if "ärende" not in i]
    for number, item in enumerate(items, start=1):
        item["punkt"] = number
    data["dagordning"] = items
    data.pop("ärenden", None)
    return data


def notified(final: dict) -> dict:
    data = planned(final, True)
    data["ärenden"] = final.get("ärenden", [])
    if "kallelse_skickad" in final:
        data["kallelse_skickad"] = final["kallelse_skickad"]
    return _ordered(data, final)


def held(final: dict, protocol: dict) -> dict:
    data = dict(final)
    data["protokoll"] = protocol
    return data


def _ordered(data: dict, final: dict) -> dict:
    return {k: data[k] for k in final if k in data} | data


def drafts(text: str) -> list[int]:
    """Where the protocol can be cut as a draft: after each paragraph, from a fifth on."""
    cuts = [m.end() for m in re.finditer(r"\n\n", text) if m.end() >= len(text) // 5]
    return [c for c in cuts if c < len(text)]


@dataclass
class Meeting:
    """One meeting of the archive and what its history needs."""

    id: str
    text: bytes  # the final mote.yaml
    protocol: bytes | None  # the final protokoll.md
    data: dict = field(repr=False)
    cuts: list[int] = field(default_factory=list)
    steps: int = 0  # protocol drafting commits chosen (filler)
    wrong_id: str | None = None  # a folder name used before a rename
    renamed_when: str = ""  # "planned" or "public"

    @property
    def day(self) -> date:
        return self.data["datum"]  # type: ignore[no-any-return]

    @property
    def body(self) -> str:
        return self.id.split("-", 3)[3]


def meeting_events(m: Meeting, events: Events) -> None:
    """planned → agenda → notice → held (utkast) → drafts → färdigställt → godkänt."""
    final = m.data
    folder = f"meetings/{m.wrong_id or m.id}"
    wrong = {"datum": date.fromisoformat(m.wrong_id[:10])} if m.wrong_id else {}
    notice = final.get("kallelse_skickad") or m.day - timedelta(days=14)
    day = events.add(
        notice - timedelta(days=40),
        f"Nytt möte {m.id} (planerat)",
        files={f"{folder}/mote.yaml": dump(planned(final, False) | wrong)},
    )
    if m.renamed_when == "planned":
        day = events.add(
            notice - timedelta(days=25),
            f"Flytta mötet {m.wrong_id} till {m.day}",
            day,
            files={f"{folder}/mote.yaml": None,
                   f"meetings/{m.id}/mote.yaml": dump(planned(final, False))},
        )  # fmt: skip
        folder, wrong = f"meetings/{m.id}", {}
    day = events.add(
        notice - timedelta(days=12),
        f"Dagordning för {m.id}",
        day,
        files={f"{folder}/mote.yaml": dump(planned(final, True) | wrong)},
    )
    version = m.text if final["status"] == "planerat" else dump(notified(final) | wrong)
    day = events.add(notice, f"Kallelse till {m.id}", day, files={f"{folder}/mote.yaml": version})
    if m.protocol is None:
        return
    protocol = final["protokoll"]
    text = m.protocol.decode()
    utkast = protocol["status"] == "utkast"
    version = m.text if utkast else dump(held(final, {"status": "utkast"}) | wrong)
    cuts = sorted(random.Random(m.id).sample(m.cuts, min(m.steps + 1, len(m.cuts)))) or [
        len(text) // 2
    ]
    day = events.add(
        m.day + timedelta(days=1),
        f"Protokollsutkast {m.id}",
        day,
        files={f"{folder}/mote.yaml": version, f"{folder}/protokoll.md": text[: cuts[0]].encode()},
    )
    done = protocol.get("färdigställt") or m.day + timedelta(days=20)
    span = max((done - day).days - 1, 0)
    for index, cut in enumerate(cuts[1:], start=1):
        step = day + timedelta(days=span * index // len(cuts))
        events.add(
            step, f"Protokoll {m.id}: fler paragrafer", day,
            files={f"{folder}/protokoll.md": text[:cut].encode()},
        )  # fmt: skip
    if utkast:
        events.add(done, f"Protokoll {m.id}: hela utkastet", day,
                   files={f"{folder}/protokoll.md": m.protocol})  # fmt: skip
        return
    approved = protocol["status"] == "godkänt"
    version = dump(held(final, {"status": "färdigställt", "färdigställt": done}) | wrong)
    day = events.add(
        done,
        f"Protokoll {m.id} färdigställt",
        day,
        files={f"{folder}/mote.yaml": m.text if not approved and not wrong else version,
               f"{folder}/protokoll.md": m.protocol},
    )  # fmt: skip
    if m.renamed_when == "public":
        day = events.add(
            done + timedelta(days=10),
            f"Rätta mötets datum: {m.wrong_id} → {m.id}",
            day,
            files={f"{folder}/mote.yaml": None, f"{folder}/protokoll.md": None,
                   f"meetings/{m.id}/mote.yaml":
                       dump(held(final, {"status": "färdigställt", "färdigställt": done})),
                   f"meetings/{m.id}/protokoll.md": m.protocol},
        )  # fmt: skip
        folder = f"meetings/{m.id}"
    if approved:
        at = date.fromisoformat(protocol["godkänt_vid"][:10])
        events.add(at + timedelta(days=1), f"Protokoll {m.id} godkänt", day,
                   files={f"{folder}/mote.yaml": m.text})  # fmt: skip


def removed_meeting(source: Meeting, taken: set[str], events: Events) -> None:
    """A planned extra meeting, notified, then cancelled and removed."""
    day = source.day + timedelta(days=49)
    while f"{day.isoformat()}-{source.body}" in taken:
        day += timedelta(days=1)
    meeting_id = f"{day.isoformat()}-{source.body}"
    taken.add(meeting_id)
    data = planned(source.data, False) | {"datum": day}
    path = f"meetings/{meeting_id}/mote.yaml"
    first = events.add(day - timedelta(days=45), f"Nytt möte {meeting_id} (planerat)",
                       files={path: dump(data)})  # fmt: skip
    notice = data | {"kallelse_skickad": day - timedelta(days=21)}
    first = events.add(day - timedelta(days=21), f"Kallelse till {meeting_id}", first,
                       files={path: dump(_ordered(notice, source.data))})  # fmt: skip
    events.add(day - timedelta(days=10), f"Mötet {meeting_id} ställs in och tas bort", first,
               files={path: None})  # fmt: skip


# --- content ----------------------------------------------------------------------------


def front_matter_with(text: bytes, line: str) -> bytes:
    """``text`` with ``line`` added last in its front matter."""
    head, sep, rest = text.decode().partition("\n---\n")
    return (head + "\n" + line + sep + rest).encode()


def content_events(final: dict[str, bytes], years: int, events: Events) -> dict[str, bytes]:
    """Arbetsordning versions as drafts, then adopted; annual reports drafted and published.
    Returns the report files the archive lacks."""
    adopted = {"1.0": date(FIRST_YEAR, 3, 13), "1.1": date(FIRST_YEAR, 10, 2)}
    for version, day in adopted.items():
        path = f"{RULES}/{version}.md"
        if path in final:
            draft = front_matter_with(final[path], "utkast: true")
            first = events.add(day - timedelta(days=35), f"Förslag till arbetsordning {version}",
                               files={path: draft})  # fmt: skip
            events.add(day, f"Arbetsordning {version} antagen", first, files={path: final[path]})
    reports = {}
    for year in range(FIRST_YEAR + 1, FIRST_YEAR + years - 1):
        path = f"{REPORTS}/{year}-arsrapport.md"
        reports[path] = report(year, draft=False)
        first = events.add(date(year + 1, 2, 10), f"Utkast till årsrapport {year}",
                           files={path: report(year, draft=True)})  # fmt: skip
        events.add(date(year + 1, 3, 20), f"Årsrapport {year} publicerad", first,
                   files={path: reports[path]})  # fmt: skip
    draft_report = f"{REPORTS}/{FIRST_YEAR}-arsrapport.md"
    if draft_report in final:
        events.add(date(FIRST_YEAR, 11, 20), f"Utkast till årsrapport {FIRST_YEAR}",
                   files={draft_report: final[draft_report]})  # fmt: skip
    return reports


def report(year: int, draft: bool) -> bytes:
    meta = "utkast: true\n" if draft else (
        f"antagen: {year + 1}-03-12\npublicerad: {year + 1}-03-20\n"
    )  # fmt: skip
    body = (
        f"# Årsrapport {year}\n\nExempeltext. Här beskrivs SweCans verksamhetsår {year}: "
        "partnerskapets sammanträden, arbetsutskottets arbete, beslut och arbetsgrupper.\n"
    )
    head = f"exempeldata: true\ntitel: Årsrapport {year}\når: {year}\ntyp: årsrapport\n"
    return f"---\n{head}{meta}---\n\n{body}".encode()


# --- the history ----------------------------------------------------------------------------


def read_tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(folder).parts
    }


def load_meetings(final: dict[str, bytes]) -> list[Meeting]:
    meetings = []
    for path in sorted(p for p in final if p.endswith("/mote.yaml")):
        folder = path.rsplit("/", 1)[0]
        text = final[path]
        protocol = final.get(f"{folder}/protokoll.md")
        m = Meeting(folder.split("/")[1], text, protocol, yaml.safe_load(text))
        m.cuts = drafts(protocol.decode()) if protocol else []
        meetings.append(m)
    return meetings


def choose_special(meetings: list[Meeting], taken: set[str], rng: random.Random) -> list[Meeting]:
    """Meetings renamed before the notice and after their protocol was public; the
    meetings whose copies are removed again. Returns the sources of the removals."""
    done = [m for m in meetings if m.protocol and m.data.get("protokoll", {}).get("status")
            == "godkänt" and m.data.get("kallelse_skickad")]  # fmt: skip
    plans = [m for m in meetings if m.data.get("kallelse_skickad") and _free(m, -7, taken)]
    for m in rng.sample(plans, min(PLANNED_RENAMES, len(plans))):
        m.wrong_id, m.renamed_when = _shifted(m, -7, taken), "planned"
    rest = [m for m in done if m.wrong_id is None and _free(m, 1, taken)]
    for m in rng.sample(rest, min(PUBLIC_RENAMES, len(rest))):
        m.wrong_id, m.renamed_when = _shifted(m, 1, taken), "public"
    return rng.sample([m for m in meetings if m.body == "arbetsutskottet"], REMOVALS)


def _free(m: Meeting, days: int, taken: set[str]) -> bool:
    return f"{(m.day + timedelta(days=days)).isoformat()}-{m.body}" not in taken


def _shifted(m: Meeting, days: int, taken: set[str]) -> str:
    """The meeting's folder name with its date moved ``days`` (a name no other uses)."""
    new = f"{(m.day + timedelta(days=days)).isoformat()}-{m.body}"
    taken.add(new)
    return new


def plan(final: dict[str, bytes], years: int, commits: int, seed: int
         ) -> tuple[list[Event], PartnerList, dict[str, bytes]]:  # fmt: skip
    """Every event of the history, in order (``commits`` of them, if the archive has work
    enough); the partner list; the files the archive lacks."""
    rng = random.Random(seed)
    start = date(FIRST_YEAR - 1, 12, 1)
    last = date(FIRST_YEAR + years - 1, 12, 31)
    events = Events(start, last)
    partners = PartnerList.parse(final[PARTNERS].decode())
    meetings = load_meetings(final)
    taken = {m.id for m in meetings}
    removals = choose_special(meetings, taken, rng)
    extra = content_events(final, years, events)
    org = final[ORGANISATION]
    events.add(date(FIRST_YEAR, 4, 15), "Rätta ordförandens telefonnummer",
               files={ORGANISATION: org})  # fmt: skip
    for source in removals:
        removed_meeting(source, taken, events)
    # What must be there; then protocol drafting steps and corrected partner addresses.
    own = Events(start, last)
    for m in meetings:
        meeting_events(m, own)
    first_partner = next(iter(partners.blocks))
    mandatory = 1 + len(events.items) + len(own.items) + len(partners.blocks) - 1
    pool = [("draft", m.id) for m in meetings for _ in m.cuts[1:]]
    pool += [("web", p) for p, b in partners.blocks.items() if "\n    webbplats: " in b]
    wanted = max(commits - mandatory, 0)
    if wanted > len(pool):
        raise SystemExit(f"this archive has work for at most {mandatory + len(pool)} commits")
    web: dict[str, str] = {}
    by_id = {m.id: m for m in meetings}
    for kind, subject in rng.sample(pool, wanted):
        if kind == "draft":
            by_id[subject].steps += 1
        else:
            web[subject] = rng.choice(("noweb", "oldweb"))
    for m in meetings:
        meeting_events(m, events)
    for pid, joined in partners.joined.items():
        variant = web.get(pid, "final")
        day = start
        if pid != first_partner:
            day = events.add(joined - timedelta(days=rng.randint(0, 3)), f"Ny partner: {pid}",
                             partners={pid: variant})  # fmt: skip
        if pid in web:
            fixed = day + timedelta(days=rng.randint(30, 365 * (years - 1)))
            events.add(fixed, f"Ny webbadress för {pid}", day, partners={pid: "final"})
    initial = {p: b for p, b in final.items()
               if not p.startswith(("meetings/", RULES, REPORTS, PARTNERS))}  # fmt: skip
    initial[ORGANISATION] = org.replace(b"075-247 30 00", b"08-555 000 00", 1)
    first = Event(start, "Data och webbplats in i git", initial,
                  {first_partner: web.get(first_partner, "final")})  # fmt: skip
    return [first, *sorted(events.items, key=lambda e: (e.day, e.seq))], partners, extra


@dataclass
class Commit:
    when: int  # unix time
    message: str
    changes: dict[str, bytes | None]


def materialise(events: list[Event], partners: PartnerList, target: int) -> list[Commit]:
    """The commits: events in order, neighbours combined when there are more than
    ``target``; each with the files it changes and an increasing time."""
    groups: list[list[Event]] = [[e] for e in events]
    if len(groups) > target:  # combine evenly: group i takes events [i*n/t, (i+1)*n/t)
        n = len(events)
        groups = [events[i * n // target : (i + 1) * n // target] for i in range(target)]
    tree: dict[str, bytes] = {}
    state: dict[str, str] = {}
    commits, last, per_day = [], 0, {}
    for group in groups:
        changes: dict[str, bytes | None] = {}
        for event in group:
            for path, content in event.files.items():
                changes[path] = content
            if event.partners:
                state.update(event.partners)
                changes[PARTNERS] = partners.render(state)
        changes = {p: c for p, c in changes.items() if tree.get(p) != c}
        for path, content in changes.items():
            if content is None:
                tree.pop(path, None)
            else:
                tree[path] = content
        day = group[-1].day
        count = per_day[day] = per_day.get(day, -1) + 1
        local = datetime(day.year, day.month, day.day, 8, 0, tzinfo=STOCKHOLM)
        last = max(int(local.timestamp()) + count * 540, last + 60)
        commits.append(Commit(last, "; ".join(e.message for e in group[:3]), changes))
    return commits


def fast_import_stream(commits: list[Commit], merges: int, rng: random.Random) -> bytes:
    """git fast-import's input: main, with ``merges`` pairs of neighbouring commits made on
    a short branch and merged with --no-ff (the branch deleted afterwards)."""
    candidates = [i for i in range(1, len(commits) - 2)
                  if commits[i + 2].when - commits[i + 1].when > 900]  # fmt: skip
    chosen: set[int] = set()
    for i in rng.sample(candidates, min(merges * 3, len(candidates))):
        if len(chosen) < merges and not {i - 1, i, i + 1} & chosen:
            chosen.add(i)
    out: list[bytes] = [b"reset refs/heads/main\n"]
    mark, tip, index = 0, 0, 0
    while index < len(commits):
        commit = commits[index]
        if index in chosen:
            pair = commits[index : index + 2]
            branch = f"refs/heads/arbete-{index}".encode()
            parent = tip
            for item in pair:
                mark += 1
                out.append(_commit(branch, mark, item.when, item.message, item.changes, parent))
                parent = mark
            merged = pair[0].changes | pair[1].changes
            mark += 1
            out.append(_commit(b"refs/heads/main", mark, pair[1].when + 300,
                               f"Merge branch 'arbete-{index}'", merged, tip, parent))  # fmt: skip
            tip, index = mark, index + 2
            continue
        mark += 1
        out.append(_commit(b"refs/heads/main", mark, commit.when, commit.message, commit.changes,
                           tip))  # fmt: skip
        tip, index = mark, index + 1
    return b"".join(out)


def _commit(ref: bytes, mark: int, when: int, message: str, changes: dict[str, bytes | None],
            parent: int, merge: int = 0) -> bytes:  # fmt: skip
    offset = datetime.fromtimestamp(when, STOCKHOLM).strftime("%z").encode()
    msg = message.encode()
    lines = [
        b"commit " + ref, b"mark :%d" % mark,
        b"author " + AUTHOR + b" %d " % when + offset,
        b"committer " + AUTHOR + b" %d " % when + offset,
        b"data %d" % len(msg), msg,
    ]  # fmt: skip
    if parent:
        lines.append(b"from :%d" % parent)
    if merge:
        lines.append(b"merge :%d" % merge)
    for path, content in sorted(changes.items(), key=lambda c: c[1] is not None):
        if content is None:
            lines.append(b"D " + path.encode())
        else:
            lines += [b"M 100644 inline " + path.encode(), b"data %d" % len(content), content]
    return b"\n".join(lines) + b"\n\n"


def git(out: Path, *args: str, stdin: bytes | None = None) -> str:
    done = subprocess.run(["git", "-C", str(out), *args], input=stdin, capture_output=True,
                          check=True)  # fmt: skip
    return done.stdout.decode()


def make_history(out: Path, commits: int = 2000, years: int = 10, partners: int = 400,
                 merges: int = 6, seed: int = 19) -> dict[str, object]:  # fmt: skip
    """Write the repository at ``out``; returns figures about it."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        final = read_tree(make(Path(tmp) / "archive", years, partners))
    merges = min(merges, commits // 4)
    # A merge turns two commits of main into two on a branch and one merge commit.
    events, partner_list, extra = plan(final, years, commits + merges, seed)
    made = materialise(events, partner_list, commits + merges)
    stream = fast_import_stream(made, merges, random.Random(seed))
    out.mkdir(parents=True, exist_ok=False)
    git(out, "init", "-q", "-b", "main")
    git(out, "fast-import", "--quiet", "--done", stdin=stream + b"done\n")
    for branch in git(out, "branch", "--format=%(refname:short)").split():
        if branch != "main":
            git(out, "branch", "-q", "-D", branch)  # merged: deleted, as after a pull request
    git(out, "reset", "-q", "--hard", "main")
    expected = final | extra
    tree = read_tree(out)
    differ = sorted(p for p in expected.keys() | tree.keys() if expected.get(p) != tree.get(p))
    if differ:
        raise SystemExit(f"the final tree differs from the archive: {differ[:5]}")
    first_parent = int(git(out, "rev-list", "--first-parent", "--count", "main"))
    log = git(out, "log", "--first-parent", "--format=%cs", "main").split()
    return {
        "commits": first_parent,
        "merges": int(git(out, "rev-list", "--merges", "--count", "main")),
        "all commits": int(git(out, "rev-list", "--count", "main")),
        "first": log[-1],
        "last": log[0],
        "files": len(tree),
        "extra files": sorted(extra),
        "seconds": time.perf_counter() - started,
    }


def verify(out: Path) -> list[str]:
    """Every version of every data file in the history, loaded by the loader on its own:
    the ones that do not load (the change log would leave them out)."""
    from swecan_site import history, provenance, yamlpos
    from swecan_site.loader import Loader
    from swecan_site.models import OrganisationFile, PartnersFile, ReportMeta, RulesVersionMeta

    evidence = provenance.read(out, date.max)
    versions = {(path, blob) for path, item in evidence.files.items() for _, blob in item.versions}
    contents = history.contents(out, {blob for _, blob in versions})
    bad = []
    with tempfile.TemporaryDirectory() as scratch:
        for path, blob in sorted(versions):
            target = Path(scratch) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(contents[blob])
            loader = Loader(Path(scratch))
            if path == PARTNERS:
                found: object = loader.load_yaml(PartnersFile, target)
            elif path == ORGANISATION:
                found = loader.load_yaml(OrganisationFile, target)
            elif path.endswith("/mote.yaml"):
                (target.parent / "protokoll.md").unlink(missing_ok=True)
                found = loader.load_meeting(target.parent)
            elif path.endswith("/protokoll.md"):
                found = loader.check_markdown(path, yamlpos.decode(contents[blob])) or None
            elif path.startswith((RULES, REPORTS)):
                model = RulesVersionMeta if path.startswith(RULES) else ReportMeta
                found = loader.load_content(target, model)
            else:
                continue
            if found is None:
                bad.append(f"{path} {blob[:10]}: {[p.message for p in loader.problems][:2]}")
            target.unlink()
    return bad


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--partners", type=int, default=400)
    parser.add_argument("--merges", type=int, default=6)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--verify", action="store_true",
                        help="load every version of every data file (slow)")  # fmt: skip
    args = parser.parse_args()
    facts = make_history(args.out, args.commits, args.years, args.partners, args.merges,
                         args.seed)  # fmt: skip
    print(
        f"wrote {args.out}: {facts['commits']} commits on main's first-parent line "
        f"({facts['merges']} merges of short branches; {facts['all commits']} in all), "
        f"{facts['first']} – {facts['last']}, {facts['files']} files "
        f"(the archive's, and {len(facts['extra files'])} published annual reports), "
        f"in {facts['seconds']:.1f} s"  # type: ignore[str-format]
    )
    if args.verify:
        bad = verify(args.out)
        print(f"versions that do not validate: {len(bad)}")
        for item in bad[:20]:
            print(f"  {item}")


if __name__ == "__main__":
    main()
