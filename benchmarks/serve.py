"""Print how soon `swecan-site serve` shows an edited protocol, on the 10-year archive.

Usage: python benchmarks/serve.py [--partners 70 400] [--years 10] [--edits 5]

Starts the development server on a synthetic archive (make_archive.py), then
edits one protocol --edits times. For each edit it prints the time from
saving the file to the meeting page answering with the new text (what the
kansli sees; it includes MkDocs' file polling, every 0.5 s, and its 0.1 s
wait for more changes) and the rebuild time MkDocs logs. Figures only.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_archive import FIRST_YEAR, make

AS_OF = "2036-01-15"
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def run(partners: int, years: int, edits: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = make(Path(tmp) / "archive", years, partners)
        meeting = f"{FIRST_YEAR + years - 1}-06-10-partnerskapet"
        protocol = archive / "meetings" / meeting / "protokoll.md"
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        log_path = Path(tmp) / "serve.log"
        with open(log_path, "w") as log:
            command = [
                sys.executable, "-m", "swecan_site.cli", "--root", str(archive), "serve",
                "--as-of", AS_OF, "--config-file", str(archive / "mkdocs.yml"),
                "--dev-addr", f"127.0.0.1:{port}",
            ]  # fmt: skip
            server = subprocess.Popen(
                command,
                cwd=archive,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
        try:
            start = time.perf_counter()
            while "SweCan" not in fetch(base):
                if server.poll() is not None or time.perf_counter() - start > 300:
                    raise SystemExit(log_path.read_text())
                time.sleep(0.2)
            first = time.perf_counter() - start
            latencies = []
            for n in range(edits):
                time.sleep(1.5)  # let the server settle between edits
                token = f"Ändring{n}x{time.monotonic_ns()}"
                with open(protocol, "a", encoding="utf-8") as file:
                    file.write(f"\n{token}\n")
                saved = time.perf_counter()
                while token not in fetch(f"{base}moten/{meeting}/"):
                    if time.perf_counter() - saved > 60:
                        raise SystemExit(log_path.read_text())
                    time.sleep(0.01)
                latencies.append(time.perf_counter() - saved)
            time.sleep(0.5)
            rebuilds = [float(s) for s in BUILT.findall(log_path.read_text())][1:]
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(f"\n{partners} partners, {years} years: first build and serve {first:.1f} s")
        print(
            "  edited protocol visible after: "
            + ", ".join(f"{s:.2f}" for s in latencies)
            + f" s (median {statistics.median(latencies):.2f}; budget 1 s)"
        )
        if rebuilds:
            print(
                "  rebuild as MkDocs logs it: "
                + ", ".join(f"{s:.2f}" for s in rebuilds)
                + f" s (median {statistics.median(rebuilds):.2f})"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--partners", type=int, nargs="+", default=[70, 400])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    for partners in args.partners:
        run(partners, args.years, args.edits)


if __name__ == "__main__":
    main()
