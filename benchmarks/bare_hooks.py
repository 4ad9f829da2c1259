"""MkDocs hook for the bare comparison build in benchmarks/archive.py.

The theme overrides take addresses from the Jinja global ``swecan_urls``,
which the swecan plugin provides; the bare build has no plugin, so this hook
provides the same global and nothing else.
"""

from swecan_site import urls


def on_env(env, config, files):  # type: ignore[no-untyped-def]
    env.globals["swecan_urls"] = urls
    return env
