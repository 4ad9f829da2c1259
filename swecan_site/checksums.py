"""``SHA256SUMS`` at the site root: the SHA-256 of every published file but itself.

The format is GNU coreutils' ``sha256sum`` (text mode): one line per file,
``<64 lowercase hex>  <path>``, the path relative to the site root with forward
slashes, lines sorted by path (code point order, whatever the locale), UTF-8.
``sha256sum -c SHA256SUMS`` in the downloaded site checks every file;
``--ignore-missing`` checks the files one has. The deploy workflow attests this
one file (``actions/attest-build-provenance``), and through it every file it
lists.

``sha256sum`` escapes a name holding a backslash or a line break (the line then
starts with ``\\``); not every reader of the format does (``shasum``, busybox,
the attestation action's parser, a person comparing by eye), so such a name is
refused rather than escaped. The site has none: every path is an address built
by ``urls.py``. Spaces need no escaping (the name is the rest of the line), and a
link is refused too: its target would be what a web server publishes.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import urls

NAME = urls.CHECKSUMS
_UNLISTABLE = ("\\", "\n", "\r")


class ChecksumError(ValueError):
    """A file the list cannot name plainly; the message says which (in Swedish)."""


def listing(tree: Path) -> bytes:
    """The ``SHA256SUMS`` text for every file below ``tree`` but ``tree/SHA256SUMS``."""
    paths: list[str] = []
    for folder, dirs, files in os.walk(tree):
        for name in [*dirs, *files]:
            full = Path(folder, name)
            relative = full.relative_to(tree).as_posix()
            if full.is_symlink():
                raise ChecksumError(f"{relative} är en länk; {NAME} listar bara vanliga filer.")
            if name in files and relative != NAME:
                paths.append(relative)
    lines = []
    for relative in sorted(paths):
        if any(ch in relative for ch in _UNLISTABLE):
            raise ChecksumError(
                f"{relative!r}: ett filnamn med omvänt snedstreck eller radbrytning kan inte "
                f"stå oförändrat i {NAME}; byt namn på filen."
            )
        with open(tree / relative, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        lines.append(f"{digest}  {relative}\n")
    return "".join(lines).encode("utf-8", "surrogateescape")


def write(tree: Path) -> Path:
    """Write ``tree/SHA256SUMS`` (after everything else in ``tree`` is written)."""
    target = Path(tree) / NAME
    target.write_bytes(listing(Path(tree)))
    return target
