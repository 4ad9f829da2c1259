"""MkDocs hook for the bare comparison build in benchmarks/archive.py.

The theme overrides take addresses from the Jinja global ``swecan_urls`` and
their words from ``swecan_i18n``, which the swecan plugin provides; the bare
build has no plugin, so this hook provides the same globals and nothing else.
"""

from swecan_site import i18n, urls


def on_env(env, config, files):  # type: ignore[no-untyped-def]
    env.globals["swecan_urls"] = urls
    env.globals["swecan_i18n"] = i18n  # the overrides' words per language (issue 21)
    return env
