"""The data's git history: committed versions of the data files, read with git.

The layer below facts for everything that needs the record's past (today: a
meeting's SEQUENCE in the calendars; later the dates a document became
public, page history and the change log). Each query is one ``git`` process
over the whole history, never one per file. Outside a git checkout, or in a
shallow clone that lacks the history, the answers are empty: build from a full
clone.
"""

from __future__ import annotations

import subprocess
from collections import defaultdict
from pathlib import Path
from shutil import which

GIT_TIMEOUT = 60  # seconds for one git process


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """git's output in ``root``, or None (no git, not a repository, an error)."""
    if which("git") is None:
        return None
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotepath=off", *args],
            input=stdin,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def versions(root: Path, folder: str, name: str) -> dict[str, list[str]]:
    """{sub-folder: blob ids of ``<folder>/<sub-folder>/<name>``, oldest first}.

    One ``git log --raw`` over ``folder``; a deletion is not a version.
    """
    log = git(root, "log", "--reverse", "--format=", "--raw", "--no-abbrev", "--no-renames",
              "--", folder)  # fmt: skip
    found: dict[str, list[str]] = defaultdict(list)
    if log is None:
        return found
    for line in log.decode("utf-8", "replace").splitlines():
        meta, _, path = line.partition("\t")
        parts = meta.split()
        if len(parts) < 5 or not path.endswith("/" + name):
            continue
        blob = parts[3]
        if set(blob) != {"0"}:  # all zeros: the file was deleted
            found[path.split("/")[-2]].append(blob)
    return found


def contents(root: Path, blobs: set[str]) -> dict[str, bytes]:
    """{blob id: content} for the blobs git still has (one ``git cat-file --batch``)."""
    if not blobs:
        return {}
    out = git(root, "cat-file", "--batch", stdin="".join(b + "\n" for b in sorted(blobs)).encode())
    found: dict[str, bytes] = {}
    pos = 0
    while out is not None and pos < len(out):
        header_end = out.index(b"\n", pos)
        header = out[pos:header_end].split()
        if len(header) < 3:  # "<sha> missing"
            pos = header_end + 1
            continue
        size = int(header[2])
        found[header[0].decode()] = out[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1
    return found
