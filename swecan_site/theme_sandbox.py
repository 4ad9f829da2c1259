"""The theme's templates (Material's and ``overrides/``) run in Jinja's sandbox.

MkDocs renders every page through a plain :class:`jinja2.Environment`, in which
a template reaches Python's internals (``cycler.__init__.__globals__.os``): an
edit to ``overrides/main.html`` in a pull request would run commands in CI. The
plugin hands MkDocs a :class:`jinja2.sandbox.SandboxedEnvironment` with the same
loader, extensions, filters, tests and globals instead, so a template reads the
page, the navigation and the configuration and nothing else. The page
templates of the renderer are sandboxed the same way (render/environment.py).
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from jinja2 import Environment, Undefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

RULE = "SC035"


class ThemeSandbox(SandboxedEnvironment):
    """A sandbox whose refusal says, in Swedish, what was refused and why."""

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        # Jinja returns an Undefined that prints as "" and fails only when used
        # further; a template that tries is refused at once, so the build says so.
        raise SecurityError(
            f"{RULE}: en mall försöker nå {attribute!r} hos ett {type(obj).__name__}-objekt. "
            "Webbplatsens mallar körs i en sandlåda och når bara sidan, navigeringen och "
            "konfigurationen, aldrig Python; ta bort uttrycket ur mallen."
        )


def sandboxed(env: Environment) -> ThemeSandbox:
    """``env`` rebuilt as a sandbox: same loader, extensions, filters, tests, globals."""
    sandbox = ThemeSandbox(
        loader=env.loader,
        extensions=[type(ext) for ext in env.extensions.values()],
        auto_reload=env.auto_reload,
        autoescape=env.autoescape,
        undefined=env.undefined,
        bytecode_cache=env.bytecode_cache,
        trim_blocks=env.trim_blocks,
        lstrip_blocks=env.lstrip_blocks,
        keep_trailing_newline=env.keep_trailing_newline,
    )
    sandbox.filters.update(env.filters)
    sandbox.tests.update(env.tests)
    sandbox.globals.update(env.globals)
    sandbox.policies.update(env.policies)
    return sandbox


def refusal(exc: BaseException, root: Path) -> str | None:
    """A one-line ``file:line: message`` for a template the sandbox stopped, else None.

    Jinja rewrites a template's frames to its own file name and line, so the
    innermost frame of an ``.html`` file is the expression that was refused.
    """
    if not isinstance(exc, SecurityError):
        return None
    where = ""
    for frame, line in traceback.walk_tb(exc.__traceback__):
        name = frame.f_code.co_filename
        if name.endswith((".html", ".j2")):
            path = Path(name)
            shown = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
            where = f"{shown.as_posix()}:{line}: "
    return f"{where}{str(exc).strip().splitlines()[0][:400]}"
