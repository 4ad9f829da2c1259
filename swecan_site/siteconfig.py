"""Read mkdocs.yml safely before MkDocs does.

MkDocs loads its configuration with PyYAML's full loader, which runs Python
for tags such as ``!!python/object/apply:os.system``: a pull request that
edits mkdocs.yml could run commands in CI. We read the file (and any file it
``INHERIT``s) first with our own loader, which accepts only the tags MkDocs
documents and we allow (``!relative``), and refuse the build on any other tag –
located at file:line:column (SC008) – before MkDocs ever sees the file. The
same limits as for data files apply (size, depth, aliases).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pydantic_core import PydanticCustomError

from . import limits, yamlpos
from .models import web_url
from .problems import Kind, Location, Problem, Severity

CONFIG_FILE = "mkdocs.yml"
# !relative names a folder of the project. !ENV is refused: a value read from the
# build machine's environment would put whatever CI holds (tokens) on a public page,
# and two builds of one commit would differ.
ALLOWED_TAGS = frozenset({"!relative"})
_MAX_INHERIT = 5


def _problem(rule: str, location: Location, message: str) -> Problem:
    return Problem(location, rule, "", Severity.ERROR, Kind.DATA, message)


def _name(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


def check_text(path: Path, text: str, root: Path | None, depth: int = 0) -> list[Problem]:
    """Problems in the configuration ``text`` read from ``path`` (and what it inherits)."""
    file = _name(path, root)
    try:
        doc = yamlpos.parse(text, allowed_tags=ALLOWED_TAGS, pure_python=True)
    except yamlpos.YamlProblem as exc:
        return [_problem(exc.rule, Location(file, exc.line, exc.column), exc.message)]
    found = (
        _outside(doc, path, root, file)
        + _programs(doc, file)
        + _addresses(doc, file)
        + _static_files(doc, path, root)
        + _outside_hosts(doc, file)
        + _markup(doc, file)
    )
    if found:
        return found
    parent = doc.data.get("INHERIT") if isinstance(doc.data, dict) else None
    if isinstance(parent, str) and depth < _MAX_INHERIT:
        target = (path.parent / parent).resolve()
        if root is not None and not target.is_relative_to(root.resolve()):
            line, column = doc.position(("INHERIT",))
            return [
                _problem(
                    "SC032",
                    Location(file, line, column),
                    f"INHERIT pekar utanför projektet ({parent}); bygget läser bara filer "
                    "inom projektet.",
                )
            ]
        return problems(path.parent / parent, root, depth + 1)
    return []


def _outside(doc: yamlpos.Document, path: Path, root: Path | None, file: str) -> list[Problem]:
    """Folders MkDocs copies into the site must lie inside the project."""
    if root is None or not isinstance(doc.data, dict):
        return []
    theme = doc.data.get("theme")
    folders = {
        ("docs_dir",): doc.data.get("docs_dir"),
        ("theme", "custom_dir"): theme.get("custom_dir") if isinstance(theme, dict) else None,
    }
    result = []
    for key, value in folders.items():
        if isinstance(value, str) and value:
            folder = (path.parent / value).resolve()
            if not folder.is_relative_to(root.resolve()):
                result.append(
                    _problem(
                        "SC032",
                        Location(file, *doc.position(key)),
                        f"{'.'.join(key)} pekar utanför projektet ({value}); bygget läser "
                        "bara filer inom projektet.",
                    )
                )
    return result


# What mkdocs.yml may name (issue 18: configuration, not a program). A plugin or a
# Markdown extension is code that runs at build time; new ones come through a change
# to this list, which is site code a developer reviews – never through mkdocs.yml alone.
ALLOWED_PLUGINS = frozenset({"swecan", "search"})
ALLOWED_EXTENSIONS = frozenset(
    {"attr_list", "admonition", "footnotes", "tables", "def_list", "toc",
     "swecan_site.render.a11y_markdown"}
)  # fmt: skip
PROGRAM_KEYS = ("hooks",)  # MkDocs runs these Python files
ADDRESS_KEYS = ("site_url", "repo_url")


def _names(entries: object) -> list[tuple[int, str]]:
    """(index, name) of a plugin or extension list: names, or one-key mappings."""
    found = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, str):
            found.append((index, entry))
        elif isinstance(entry, dict) and len(entry) == 1:
            found.append((index, str(next(iter(entry)))))
        else:
            found.append((index, repr(entry)[:60]))
    return found


def _programs(doc: yamlpos.Document, file: str) -> list[Problem]:
    """Keys that run code, and plugins or Markdown extensions outside the allowlists."""
    if not isinstance(doc.data, dict):
        return []
    result = []
    for key in PROGRAM_KEYS:
        if key in doc.data:
            result.append(
                _problem(
                    "SC035",
                    Location(file, *doc.position((key,))),
                    f"{key}: kör Python-kod när webbplatsen byggs; det får inte mkdocs.yml "
                    "göra. Ta bort nyckeln.",
                )
            )
    for key, allowed in (("plugins", ALLOWED_PLUGINS), ("markdown_extensions", ALLOWED_EXTENSIONS)):
        for index, name in _names(doc.data.get(key)):
            if name not in allowed:
                result.append(
                    _problem(
                        "SC035",
                        Location(file, *doc.position((key, index))),
                        f"{key}: '{name}' finns inte bland de tillåtna "
                        f"({', '.join(sorted(allowed))}); ett tillägg är kod och läggs till "
                        "i swecan_site/siteconfig.py efter granskning.",
                    )
                )
    return result


def _addresses(doc: yamlpos.Document, file: str) -> list[Problem]:
    """site_url and repo_url: plain https addresses (they reach HTML, XML, RDF and ICS);
    edit_uri: a plain path or https address."""
    if not isinstance(doc.data, dict):
        return []
    result = []
    for key in (*ADDRESS_KEYS, "edit_uri"):
        value = doc.data.get(key)
        if value is None:
            continue
        ok = isinstance(value, str)
        if ok and (key in ADDRESS_KEYS or "://" in str(value)):
            try:
                web_url(str(value), ("https",))
            except PydanticCustomError:
                ok = False
        elif ok:
            ok = bool(_PLAIN_PATH.fullmatch(str(value)))
        if not ok:
            result.append(
                _problem(
                    "SC036",
                    Location(file, *doc.position((key,))),
                    f"{key} ska vara en vanlig https-adress utan mellanslag, citattecken "
                    "eller < >, t.ex. https://swecan.example.se/.",
                )
            )
    return result


_PLAIN_PATH = re.compile(r"[A-Za-z0-9._~/-]*")

# docs/ holds the site's static files, copied into the site as they are: style sheets,
# the site's own scripts, the feeds' XSL, images. Markup there may not carry script
# (issue 18: docs/evil.html was copied verbatim) – the site's scripts are .js files.
MARKUP_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".svg", ".xml", ".xsl", ".xslt"})
_ACTIVE = re.compile(
    rb"<\s*script|\bon[a-z]+\s*=|javascript\s*:|<\s*iframe|<\s*object|<\s*embed", re.I
)


def _static_files(doc: yamlpos.Document, path: Path, root: Path | None) -> list[Problem]:
    """Markup files under docs_dir that carry script or embed other content."""
    if root is None or not isinstance(doc.data, dict):
        return []
    name = doc.data.get("docs_dir", "docs")
    folder = (path.parent / name).resolve() if isinstance(name, str) else None
    if folder is None or not folder.is_dir() or not folder.is_relative_to(root.resolve()):
        return []
    result = []
    for file in sorted(folder.rglob("*")):
        if file.suffix.lower() not in MARKUP_SUFFIXES or not file.is_file() or file.is_symlink():
            continue
        with file.open("rb") as stream:
            head = stream.read(limits.MAX_FILE_BYTES)
        if match := _ACTIVE.search(head):
            line = head.count(b"\n", 0, match.start()) + 1
            result.append(
                _problem(
                    "SC037",
                    Location(_name(file, root), line, 1),
                    "En statisk fil med markup får inte innehålla skript, händelseattribut "
                    "(on…=), javascript:-adresser eller inbäddat innehåll; webbplatsens "
                    "skript ligger i .js-filer under docs/javascripts/.",
                )
            )
    return result


# What the site loads in a visitor's browser comes from the site itself (issue 18; no
# CDN, no Google Fonts, no analytics): style sheets, scripts and the theme's images
# are paths inside docs/; Material's fonts are off (it would fetch them from Google);
# only Material renders the pages (MkDocs' own theme loads highlight.js from a CDN).
THEME = "material"
ASSET_KEYS = ("extra_css", "extra_javascript")
THEME_ASSET_KEYS = ("logo", "favicon")
REFUSED_EXTRA = ("analytics",)  # Material's analytics load Google's script


def _local_path(value: object) -> bool:
    """A relative path inside the site: no scheme, no host, no way up."""
    return (
        isinstance(value, str)
        and bool(value)
        and bool(_PLAIN_PATH.fullmatch(value))
        and not value.startswith("/")
        and ".." not in value.split("/")
    )


def _outside_hosts(doc: yamlpos.Document, file: str) -> list[Problem]:
    """Keys that would make a visitor's browser fetch something from another host."""
    if not isinstance(doc.data, dict):
        return []
    found: list[tuple[tuple[str | int, ...], str]] = []
    for key in ASSET_KEYS:
        entries = doc.data.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            value = entry.get("path") if isinstance(entry, dict) else entry
            if not _local_path(value):
                found.append(((key, index), f"{key}: '{str(value)[:80]}' är ingen fil under docs/"))
    theme = doc.data.get("theme")
    if theme is not None:
        name = theme.get("name") if isinstance(theme, dict) else theme
        if name != THEME:
            found.append((("theme",), f"theme: '{str(name)[:40]}' – webbplatsen byggs med {THEME}"))
        elif not isinstance(theme, dict) or theme.get("font") is not False:
            found.append(
                (("theme", "font"), "theme.font ska vara false; annars hämtas typsnitt från Google")
            )
        for key in THEME_ASSET_KEYS:
            value = theme.get(key) if isinstance(theme, dict) else None
            if value is not None and not _local_path(value):
                shown = f"theme.{key}: '{str(value)[:80]}' är ingen fil under docs/"
                found.append((("theme", key), shown))
    extra = doc.data.get("extra")
    for key in REFUSED_EXTRA:
        if isinstance(extra, dict) and key in extra:
            found.append((("extra", key), f"extra.{key} laddar en annan värds skript"))
    return [
        _problem(
            "SC038",
            Location(file, *doc.position(where, key=True)),
            f"{what}. Webbplatsen hämtar ingenting från andra värdar; lägg filen under docs/ "
            "eller ta bort nyckeln.",
        )
        for where, what in found
    ]


_MARKUP = re.compile(r"[<>]|^\s*(javascript|vbscript|data)\s*:", re.I)


def _strings(
    value: object, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, string) of every string in the configuration."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _markup(doc: yamlpos.Document, file: str) -> list[Problem]:
    """Texts of the configuration reach pages unescaped (the theme prints site_name,
    copyright, links): none may carry markup or a script address."""
    return [
        _problem(
            "SC038",
            Location(file, *doc.position(path)),
            f"{'.'.join(map(str, path))} innehåller markup (< >) eller en skriptadress; "
            "texterna i mkdocs.yml skrivs in i varje sida och ska vara vanlig text.",
        )
        for path, value in _strings(doc.data)
        if _MARKUP.search(value)
    ]


def problems(path: Path, root: Path | None = None, depth: int = 0) -> list[Problem]:
    """Read the configuration file at ``path`` safely; the problems that stop a build."""
    file = _name(path, root)
    try:
        with path.open("rb") as stream:
            raw = stream.read(limits.MAX_FILE_BYTES + 1)
    except OSError as exc:
        return [_problem("SC006", Location(file), f"Filen kan inte läsas: {exc.strerror}.")]
    if len(raw) > limits.MAX_FILE_BYTES:
        return [_problem("SC031", Location(file), "Filen är för stor för en konfiguration.")]
    try:
        text = yamlpos.decode(raw)
    except yamlpos.YamlProblem as exc:
        return [_problem(exc.rule, Location(file, exc.line, exc.column), exc.message)]
    return check_text(path, text, root, depth)


def site_url(path: Path) -> str | None:
    """``site_url`` from the configuration at ``path`` (read safely), or None.

    Call :func:`problems` first: a file with problems has no address.
    """
    try:
        doc = yamlpos.parse(
            yamlpos.decode(path.read_bytes()[: limits.MAX_FILE_BYTES]),
            allowed_tags=ALLOWED_TAGS,
            pure_python=True,
        )
    except (OSError, yamlpos.YamlProblem):
        return None
    value = doc.data.get("site_url") if isinstance(doc.data, dict) else None
    return value if isinstance(value, str) and value else None
