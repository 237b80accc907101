"""`vnfr-data`: build, validate and describe the data package.

Exit codes: 0 success / valid, 1 invalid data, 2 unusable input or usage.
No traceback reaches the user for bad input: problems are printed with their
file, row and field.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from ._version import __version__
from .errors import ROOT_CAUSES, Problem, ProblemsFound
from .paths import data_dir, repo_dir

if TYPE_CHECKING:
    from .validate.children import Child


def _print_problems(problems: list[Problem], stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    by_file: dict[str, list[Problem]] = {}
    for p in sorted(problems, key=lambda p: p.code not in ROOT_CAUSES):
        by_file.setdefault(p.file or "<input>", []).append(p)
    for file, items in by_file.items():
        print(f"{file}: {len(items)} problem(s)", file=stream)
        for p in items:
            print(f"  {p}", file=stream)


class PipeSafe:
    """Standard output that a closed pipe (`| head -1`) cannot turn into a wrong exit status.

    Without it, the first write after the reader has gone raises BrokenPipeError in the
    middle of a command, and the status it was about to return (1 for an invalid package)
    is lost. Here the rest of the output is dropped instead and the command finishes: its
    status is what it found, whatever happened to the stream.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.broken = False

    def _drop_the_rest(self) -> None:
        self.broken = True
        # Point the descriptor at /dev/null, so the interpreter's final flush is quiet too.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._drop_the_rest()
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drop_the_rest()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _default_build_dir() -> Path | None:
    repo = repo_dir()
    return repo / "data" if repo is not None else None


def cmd_build(args: argparse.Namespace) -> int:
    try:
        from .build import build_tables
        from .build.cache import BuildCache
        from .publish import PublishRefused, publish, recover, render
    except ImportError as exc:
        print(
            f"vnfr-data build needs the build extra: pip install 'vnfr-data[build]' ({exc})",
            file=sys.stderr,
        )
        return 2
    root = Path(args.data) if args.data else _default_build_dir()
    if root is None or not (root / "annotations").is_dir():
        print(
            "vnfr-data build needs a source checkout: a data directory with annotations/ "
            "(pass --data DIR)",
            file=sys.stderr,
        )
        return 2
    try:
        if args.check:
            return _check_build(root)
        note = recover(root)
        if note:
            print(f"note: {note}", file=sys.stderr)
        cache = None if args.no_cache else BuildCache.beside(root)
        files = render(build_tables(root, cache=cache))
        if cache is not None:
            cache.prune()
        note = publish(files, root)
    except ProblemsFound as exc:
        _print_problems(exc.problems)
        print(f"build failed: {len(exc.problems)} problem(s)", file=sys.stderr)
        return 1
    except PublishRefused as exc:
        print(f"build refused: {exc}", file=sys.stderr)
        return 2
    if note:
        print(f"note: {note}", file=sys.stderr)
    print(f"built {len([f for f in files if f.startswith('csv/')])} tables in {root}")
    return 0


class _NoPandas:
    """A meta path finder refusing pandas: pyarrow imports it (0.3 s) the first time it
    meets a Python list, to ask whether it is a pandas object; the build never has one."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.partition(".")[0] == "pandas":
            raise ModuleNotFoundError("pandas is not needed by the build", name=name)


def _refuse_pandas() -> None:
    """In this process (a command that never needs pandas), make it unimportable."""
    if "pandas" not in sys.modules and not any(isinstance(f, _NoPandas) for f in sys.meta_path):
        sys.meta_path.insert(0, _NoPandas())


def _check_build(root: Path) -> int:
    """`build --check`: compare a fresh build with the files, writing nothing at all."""
    from .build import build_tables
    from .publish import pending, render, shared, unchanged

    stage = pending(root)
    if stage is not None:
        print(
            f"{stage}: `vnfr-data build --check` writes nothing, so it neither finishes nor "
            "discards it; run `vnfr-data build` (or remove a stage you did not make)",
            file=sys.stderr,
        )
        return 1
    files = render(build_tables(root))
    with shared(root):
        current = unchanged(files, root)
    if current:
        print("up to date")
        return 0
    print("the committed tables differ from a fresh build: run `vnfr-data build`", file=sys.stderr)
    return 1


def cmd_validate(args: argparse.Namespace) -> int:
    from .errors import catalogue

    select, ignore = _codes(args.select), _codes(args.ignore)
    unknown = sorted((select | ignore) - {p.code for p in catalogue()})
    if unknown:
        print(
            f"unknown problem code(s): {', '.join(unknown)} (the codes are listed in "
            "docs/problems.md)",
            file=sys.stderr,
        )
        return 2
    if args.path:
        path = Path(args.path)
    elif args.repository:
        found = _repository_package()
        if found is None:
            return 2
        path = found
    else:
        path = data_dir()
    started: dict[str, Child] = {}
    if not (args.no_frictionless and args.no_build_check):
        # Imported only then: without children, their machinery (subprocess, tempfile) is
        # never loaded. Started before the checks' imports: they run on the other core.
        from .validate.children import start_early

        started = start_early(path, not args.no_frictionless, not args.no_build_check)
    try:
        try:
            from .validate import validate
            from .validate.run import release_memory_eagerly
        except ImportError as exc:  # pragma: no cover - depends on the install
            print(
                f"vnfr-data validate needs: pip install 'vnfr-data[validate]' ({exc})",
                file=sys.stderr,
            )
            return 2
        from .rules import Selection

        release_memory_eagerly()
        # `validate` stops every child it is given, used or not.
        report = validate(
            path,
            run_frictionless=not args.no_frictionless,
            check_build=not args.no_build_check,
            selection=Selection(frozenset(select), frozenset(ignore)),
            started=started,
        )
    finally:
        for child in started.values():  # stopped already, unless validate never ran
            child.discard()
    if args.format == "json":
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        if report.problems:
            _print_problems(report.problems, sys.stdout)
        verdict = {0: "VALID", 1: "INVALID", 2: "UNUSABLE"}[report.exit_code]
        print(
            f"{verdict}: {len(report.problems)} problem(s); checked {', '.join(report.checked) or 'nothing'}"
        )
        for note in report.skipped:
            print(f"  skipped {note}")
    return report.exit_code


def _codes(text: str | None) -> set[str]:
    return {c.strip() for c in (text or "").split(",") if c.strip()}


def _repository_package() -> Path | None:
    """`data/` of the git repository the command runs in (the pre-commit hook's default):
    never the installed package's own data, which would pass on any repository."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False
        )
        top = Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None
    except OSError:
        top = None
    root = (top or Path.cwd()) / "data"
    if not (root / "datapackage.json").is_file():
        print(
            f"no data package at {root}: pass the package's path (in a pre-commit hook: "
            "args: [path/to/datapackage.json])",
            file=sys.stderr,
        )
        return None
    return root


def cmd_info(args: argparse.Namespace) -> int:
    from .read import load

    ds = load(args.path) if args.path else load()
    print(f"vnfr-data {__version__}  ({ds.root})")
    for name, table in ds.tables.items():
        print(f"  {name:<20} {len(table):>6} rows")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .review.show import show_source

    return show_source(args.source_id, args.path)


def cmd_extract(args: argparse.Namespace) -> int:
    from .draft.command import run

    return run(args.article, args.out, args.published)


def cmd_site(args: argparse.Namespace) -> int:
    from .site.command import run

    return run(args.out_dir, args.data)


def cmd_export(args: argparse.Namespace) -> int:
    from .publish.export import FORMATS, export
    from .validate.package import open_package

    formats = [f.strip() for f in args.format.split(",") if f.strip()] if args.format else FORMATS
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        print(
            f"unknown format(s) {', '.join(unknown)}: choose from {', '.join(FORMATS)}",
            file=sys.stderr,
        )
        return 2
    package = open_package(Path(args.path) if args.path else data_dir())
    try:
        written = export(package.root, Path(args.out_dir), formats)
    except ImportError as exc:
        print(f"{exc} (or pass --format sqlite,archive)", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from .review.diff import diff_packages, dumps
    from .review.diff_markdown import to_markdown

    diff = diff_packages(Path(args.old), Path(args.new))
    if args.format == "json":
        sys.stdout.write(dumps(diff))
    else:
        sys.stdout.write(to_markdown(diff, limit=args.limit))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="vnfr-data", description=__doc__.splitlines()[0] if __doc__ else None
    )
    p.add_argument("--version", action="version", version=f"vnfr-data {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build CSV, Parquet and datapackage.json from the annotations")
    b.add_argument("--data", help="data directory (default: the checkout's data/)")
    b.add_argument(
        "--check",
        action="store_true",
        help="only report whether the committed tables are current (a fresh build, no cache)",
    )
    b.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every annotation file again instead of replaying unchanged ones from "
        ".cache/ beside the data directory",
    )
    b.set_defaults(func=cmd_build)
    v = sub.add_parser("validate", help="validate a data package (default: the shipped one)")
    v.add_argument("path", nargs="?", help="data package directory or its datapackage.json")
    v.add_argument(
        "--repository",
        action="store_true",
        help="without PATH, validate data/ of the git repository here, not the shipped data",
    )
    v.add_argument("--format", choices=["text", "json"], default="text")
    v.add_argument("--no-frictionless", action="store_true", help="skip the Frictionless checks")
    v.add_argument(
        "--no-build-check", action="store_true", help="skip comparing with a fresh build"
    )
    v.add_argument("--select", metavar="CODE,...", help="report only problems of these codes")
    v.add_argument("--ignore", metavar="CODE,...", help="do not report problems of these codes")
    v.set_defaults(func=cmd_validate)
    i = sub.add_parser("info", help="version, tables and row counts")
    i.add_argument("path", nargs="?")
    i.set_defaults(func=cmd_info)
    s = sub.add_parser("show", help="print a source's records with their quotes, for review")
    s.add_argument("source_id")
    s.add_argument("--data", "--path", dest="path", help="data package directory")
    s.set_defaults(func=cmd_show)
    x = sub.add_parser("extract", help="draft annotations for a new article, for review")
    x.add_argument("article", help="the article's text file")
    x.add_argument(
        "--out", help="where to write the draft ('-' for stdout; default: annotations/drafts/)"
    )
    x.add_argument(
        "--published", help="publication date YYYY-MM-DD, when the page does not state it"
    )
    x.set_defaults(func=cmd_extract)
    w = sub.add_parser(
        "site", help="write a static provenance browser (articles, records, search) to OUT_DIR"
    )
    w.add_argument("out_dir", metavar="OUT_DIR", help="directory to write (replaced as a whole)")
    w.add_argument("--data", help="data package directory (default: the shipped one)")
    w.set_defaults(func=cmd_site)
    e = sub.add_parser(
        "export", help="write DuckDB and SQLite databases and a release archive of the package"
    )
    e.add_argument(
        "out_dir", help="directory to write vnfr-data-<version>.{duckdb,sqlite,zip} into"
    )
    e.add_argument(
        "--data", "--path", dest="path", help="data package directory (default: the shipped one)"
    )
    e.add_argument("--format", help="comma-separated: duckdb, sqlite, archive (default: all)")
    e.set_defaults(func=cmd_export)
    d = sub.add_parser(
        "diff", help="records added, changed, withdrawn or removed between two versions"
    )
    d.add_argument("old", help="the old package: a directory, its datapackage.json or a .zip")
    d.add_argument("new", help="the new package, likewise")
    d.add_argument("--format", choices=["markdown", "json"], default="markdown")
    d.add_argument("--limit", type=int, default=20, help="records listed per section (markdown)")
    d.set_defaults(func=cmd_diff)
    return p


def _printable_streams() -> None:
    """Never lose a report to an encoding: a name that is not UTF-8 prints escaped.

    Problems escape what they carry already; this covers the rest (a path given
    on the command line, a strict `PYTHONIOENCODING`, a C locale).
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
                reconfigure(errors="backslashreplace")


def _exit_without_teardown(status: int) -> NoReturn:
    """End a `validate` process at once, its report flushed: it has written no file and
    holds no lock, and its child processes are gone, so the interpreter's teardown (every
    module and object freed one by one, a tenth of a second and more) would clean up
    nothing anyone waits for."""
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        if stream is not None:
            with contextlib.suppress(ValueError, OSError):  # closed, or the reader went away
                stream.flush()
    os._exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    _printable_streams()
    args = parser().parse_args(argv)
    if argv is None and args.func is cmd_build:  # this process is the command line
        _refuse_pandas()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PipeSafe(stdout), PipeSafe(stderr)
    try:
        status = int(args.func(args))
        sys.stdout.flush()
        sys.stderr.flush()
        if argv is None and args.func is cmd_validate:  # this process is the command line
            _exit_without_teardown(status)
        return status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # another stream closed under us: no verdict to report
        sys.stderr.close()
        return 2
    except ProblemsFound as exc:
        _print_problems(exc.problems)
        return 2
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug of ours: say so plainly, never a traceback
        if os.environ.get("VNFR_DEBUG") == "1":
            raise
        print(
            f"internal error (a bug in vnfr-data {__version__}, not in your input): "
            f"{type(exc).__name__}: {exc}\nrerun with VNFR_DEBUG=1 to see where, and report it "
            "with the command you ran",
            file=sys.stderr,
        )
        return 2
    finally:
        sys.stdout, sys.stderr = stdout, stderr
