"""The atomic publish: it cannot be steered, broken, or mixed, whatever it finds or meets.

"old" is the shipped package, "new" the build of an edited annotation (other
tables, descriptor, hashes). After a failure or a kill at any step, a reader
gets old data, new data, or a refusal, never a mix, and the next recovery
leaves exactly old or exactly new. A stage that was committed, planted, or
whose manifest lies is refused or discarded without writing outside `data/`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import vnfr_data
from vnfr_data import PackageError
from vnfr_data.build import build_tables
from vnfr_data.cli import main
from vnfr_data.publish import (
    LOCK,
    MANIFEST,
    STAGING,
    PublishRefused,
    publish,
    recover,
    render,
    swap,
)
from vnfr_data.publish.lock import locked, write_journal
from vnfr_data.validate import validate

POSIX = hasattr(os, "fork") and sys.platform != "win32"


def outputs(root: Path) -> dict[str, bytes]:
    """The published files of a data directory, by name."""
    files = {"datapackage.json": (root / "datapackage.json").read_bytes()}
    for sub in ("csv", "parquet"):
        files |= {f"{sub}/{p.name}": p.read_bytes() for p in sorted((root / sub).iterdir())}
    return files


def snapshot(root: Path) -> dict[str, tuple[int, int, int, str]]:
    """Every entry under root (not following links): mode, size, mtime, content hash."""
    out = {}
    for here, dirs, names in os.walk(root):
        for name in dirs + names:
            path = Path(here) / name
            info = os.lstat(path)
            digest = (
                hashlib.sha256(path.read_bytes()).hexdigest()
                if path.is_file() and not path.is_symlink()
                else ""
            )
            out[str(path.relative_to(root))] = (
                info.st_mode,
                info.st_size,
                info.st_mtime_ns,
                digest,
            )
    return out


@pytest.fixture(scope="module")
def versions(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A template data directory (old outputs) and the files of a different build (new)."""
    from conftest import DATA

    template = tmp_path_factory.mktemp("template") / "data"
    shutil.copytree(DATA, template, ignore=shutil.ignore_patterns(STAGING, LOCK))
    old = outputs(template)
    edited = tmp_path_factory.mktemp("edited") / "data"
    shutil.copytree(template, edited)
    path = edited / "annotations" / "3c061884a9f81943.yaml"
    text = path.read_text(encoding="utf-8")
    title = "    title: Talks between To Lam and Emmanuel Macron in Paris"
    assert title in text
    path.write_text(text.replace(title, title + " (edited)"), encoding="utf-8")
    new = render(build_tables(edited))
    assert new != old and new["datapackage.json"] != old["datapackage.json"]
    return template, old, new


def fresh(template: Path, tmp_path: Path, name: str = "data", *, light: bool = False) -> Path:
    """A copy of the template; `light` leaves out the annotations (publish never reads them)."""
    root = tmp_path / name
    skip = shutil.ignore_patterns("annotations") if light else None
    shutil.copytree(template, root, ignore=skip)
    return root


def steps_of(template: Path, tmp_path: Path, files: dict[str, bytes]) -> list[str]:
    seen: list[str] = []
    root = fresh(template, tmp_path, "dry")
    swap.STEP = seen.append
    try:
        publish(files, root)
    finally:
        swap.STEP = None
    shutil.rmtree(root)
    return seen


def _tables(files: dict[str, bytes]) -> dict[str, Any]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    return {
        name.split("/")[1].removesuffix(".parquet"): pq.read_table(
            pa.BufferReader(data)
        ).replace_schema_metadata(None)
        for name, data in files.items()
        if name.startswith("parquet/")
    }


def reader_view(
    root: Path, old: dict[str, bytes], new: dict[str, bytes], *, full: bool = True
) -> str:
    """What a `load()` reader gets now: 'old', 'new' or 'refused'; a mix fails the test.
    `full` also asks validate (a second or so) to call any state but old or new invalid."""
    on_disk = outputs(root)
    if on_disk in (old, new):
        return "old" if on_disk == old else "new"
    if full:
        report = validate(root, run_frictionless=False, check_build=False)
        assert report.exit_code != 0, "validate called a mixed package VALID"
    try:
        ds = vnfr_data.load(root)
        got = {name: table.arrow for name, table in ds.tables.items()}
    except PackageError:
        return "refused"
    for label, files in (("old", old), ("new", new)):
        want = _tables(files)
        if all(got[n].equals(want[n]) for n in want):
            return label
    raise AssertionError("load() read a package mixed from two builds")


class Crash(Exception):
    """An injected failure (a full disk, an I/O error) at one step."""


@pytest.fixture()
def no_hook() -> Any:
    yield
    swap.STEP = None


def test_a_failure_at_every_step_leaves_old_or_new(
    versions: Any, tmp_path: Path, no_hook: None
) -> None:
    template, old, new = versions
    steps = steps_of(template, tmp_path, new)
    assert len(steps) > 60  # journal, 25 writes and fsyncs, manifest, 25 replaces, ...
    seen = set()
    for k, step in enumerate(steps):
        root = fresh(template, tmp_path, f"fail-{k}", light=True)

        def fail(name: str, at: str = step) -> None:
            if name == at:
                raise Crash(at)

        swap.STEP = fail
        with pytest.raises(Crash):
            publish(new, root)
        swap.STEP = None
        view = reader_view(root, old, new, full=k % 4 == 0)
        seen.add(view)
        swapping = k > steps.index("fsync manifest")  # the stage was complete
        if not swapping:  # failed while staging: the stage is gone, nothing changed
            assert view == "old" and not (root / STAGING).exists(), step
            assert (root / LOCK).read_bytes() == b"", step
        recover(root)
        assert outputs(root) in (old, new), step
        assert not (root / STAGING).exists()
        if swapping:
            assert outputs(root) == new, step  # a complete stage rolls forward
        shutil.rmtree(root)
    assert seen == {"old", "refused", "new"}  # every state a reader can meet was met


@pytest.mark.skipif(not POSIX, reason="needs fork")
def test_a_kill_at_every_step_leaves_old_or_new(
    versions: Any, tmp_path: Path, no_hook: None
) -> None:
    """os._exit at each step: no cleanup runs, as after kill -9 or a power cut."""
    template, old, new = versions
    steps = steps_of(template, tmp_path, new)
    for k, step in enumerate(steps):
        root = fresh(template, tmp_path, f"kill-{k}", light=True)
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                swap.STEP = lambda name, at=step: os._exit(9) if name == at else None
                publish(new, root)
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        assert os.WEXITSTATUS(status) == 9, step
        reader_view(root, old, new, full=False)
        note = recover(root)
        assert outputs(root) in (old, new), (step, note)
        assert not (root / STAGING).exists()
        if k % 8 == 0:  # ... and a build after it publishes as usual
            publish(new, root)
            assert outputs(root) == new
        shutil.rmtree(root)


def _stage(root: Path, files: dict[str, bytes], manifest: bytes | None, token: str = "t") -> None:
    """A stage as an interrupted publish with journal `token` would have left it."""
    for name, data in files.items():
        (root / STAGING / name).parent.mkdir(parents=True, exist_ok=True)
        (root / STAGING / name).write_bytes(data)
    (root / STAGING).mkdir(exist_ok=True)
    if manifest is not None:
        (root / STAGING / MANIFEST).write_bytes(manifest)
    with locked(root) as journal:
        write_journal(journal, {"token": token, "pid": 1})


def _manifest(files: dict[str, bytes], token: str = "t") -> bytes:
    entries = {
        n: {"bytes": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in files.items()
    }
    return json.dumps({"token": token, "files": entries}).encode()


@pytest.mark.parametrize(
    "manifest",
    [b"", b'{"token": "t", "files": {"csv/ev', b"\xff\xfe", b"[]", b'{"token": "other"}'],
    ids=["empty", "partial", "binary", "not-an-object", "other-token"],
)
def test_an_empty_partial_or_unparseable_manifest_is_discarded_never_finished(
    versions: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], manifest: bytes
) -> None:
    template, old, new = versions
    root = fresh(template, tmp_path)
    _stage(root, new, manifest)
    before = snapshot(root)
    # build --check writes nothing, deletes nothing, and says why it fails.
    assert main(["build", "--check", "--data", str(root)]) == 1
    assert "unfinished publish" in capsys.readouterr().err
    assert snapshot(root) == before
    note = recover(root)
    assert note is not None and note.startswith("discarded")
    assert outputs(root) == old and not (root / STAGING).exists()


def test_a_complete_manifest_is_finished(versions: Any, tmp_path: Path) -> None:
    template, old, new = versions
    root = fresh(template, tmp_path)
    _stage(root, new, _manifest(new))
    assert recover(root) == "finished an interrupted publish"
    assert outputs(root) == new


@pytest.mark.parametrize(
    "name", ["../../.bashrc", "../outside.txt", "/tmp/abs.txt", "csv/../../x", "annotations/a.yaml"]
)
def test_a_manifest_naming_files_outside_the_package_moves_nothing(
    versions: Any, tmp_path: Path, name: str
) -> None:
    template, old, new = versions
    root = fresh(template, tmp_path / "home" / "work")
    victim = tmp_path / "home" / ".bashrc"
    victim.write_text("# the user's own\n", encoding="utf-8")
    staged = dict(new)
    staged[name] = b"echo pwned\n"
    entries = {
        n: {"bytes": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in staged.items()
    }
    (root / STAGING).mkdir()
    for n, d in new.items():
        (root / STAGING / n).parent.mkdir(parents=True, exist_ok=True)
        (root / STAGING / n).write_bytes(d)
    (root / STAGING / MANIFEST).write_text(json.dumps({"token": "t", "files": entries}))
    with locked(root) as journal:
        write_journal(journal, {"token": "t"})
    around = snapshot(tmp_path / "home")
    note = recover(root)
    assert note is not None and note.startswith("discarded"), note
    assert victim.read_text(encoding="utf-8") == "# the user's own\n"
    assert outputs(root) == old
    after = snapshot(tmp_path / "home")
    changed = {k for k in set(around) | set(after) if around.get(k) != after.get(k)}
    assert not [k for k in changed if k != "work/data" and not k.startswith("work/data/")]
    assert not any(
        "pwned" in p.read_text(errors="replace")
        for p in (tmp_path / "home").rglob("*")
        if p.is_file()
    )


def test_a_staged_file_that_is_a_link_is_never_moved_in(versions: Any, tmp_path: Path) -> None:
    template, old, new = versions
    root = fresh(template, tmp_path)
    secret = tmp_path / "secret"
    secret.write_bytes(new["csv/events.csv"])  # even the right bytes, through a link
    _stage(root, new, _manifest(new))
    (root / STAGING / "csv" / "events.csv").unlink()
    (root / STAGING / "csv" / "events.csv").symlink_to(secret)
    note = recover(root)
    assert note is not None and "events.csv" in note and note.startswith("discarded")
    assert outputs(root) == old and not (root / "csv" / "events.csv").is_symlink()


def test_a_foreign_stage_is_refused_untouched(
    versions: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A complete stage that appears while no publish was in flight (copied in, planted)."""
    template, old, new = versions
    root = fresh(template, tmp_path)
    _stage(root, new, _manifest(new))
    with locked(root) as journal:
        write_journal(journal, {})
    before = snapshot(root)
    with pytest.raises(PublishRefused, match="not left by an interrupted build"):
        recover(root)
    assert main(["build", "--data", str(root)]) == 2
    assert "build refused" in capsys.readouterr().err
    assert snapshot(root) == before


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_committed_stage_is_refused_and_check_fails(
    versions: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pull request of the issue: a tampered CSV committed with a complete stage
    of honest files (and a journal that matches)."""
    template, old, new = versions
    repo = tmp_path / "repo"
    root = fresh(template, repo)
    honest = outputs(root)
    tampered = honest["csv/events.csv"].replace(b"official_visit", b"state_visit", 1)
    (root / "csv" / "events.csv").write_bytes(tampered)
    _stage(root, honest, _manifest(honest))
    _git(repo, "init", "-q")
    _git(repo, "add", "-f", ".")
    _git(repo, "commit", "-q", "-m", "pr")
    before = snapshot(root)
    assert main(["build", "--check", "--data", str(root)]) == 1
    assert "unfinished publish" in capsys.readouterr().err
    assert main(["build", "--data", str(root)]) == 2
    assert "committed to git" in capsys.readouterr().err
    assert snapshot(root) == before
    assert validate(root, run_frictionless=False, check_build=False).exit_code == 1


def test_the_stage_and_lock_are_ignored_by_git(repo: Path) -> None:
    if shutil.which("git") is None or not (repo / ".git").exists():
        pytest.skip("not a git checkout")
    done = subprocess.run(
        ["git", "check-ignore", "data/.staging/MANIFEST", "data/.build.lock"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == ["data/.staging/MANIFEST", "data/.build.lock"]


@pytest.mark.parametrize("what", [STAGING, "csv", LOCK])
def test_links_in_the_data_directory_are_refused(versions: Any, tmp_path: Path, what: str) -> None:
    template, old, new = versions
    root = fresh(template, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if what == "csv":
        shutil.move(root / "csv", elsewhere / "csv")
        (root / "csv").symlink_to(elsewhere / "csv")
    elif what == STAGING:
        (root / STAGING).symlink_to(elsewhere)
        with locked(root) as journal:
            write_journal(journal, {"token": "t"})
    else:
        (elsewhere / "target").write_text("keep\n")
        (root / LOCK).unlink(missing_ok=True)
        (root / LOCK).symlink_to(elsewhere / "target")
    around = snapshot(elsewhere)
    with pytest.raises(PublishRefused):
        publish(new, root)
    assert snapshot(elsewhere) == around


def test_a_failed_publish_removes_its_stage(versions: Any, tmp_path: Path, no_hook: None) -> None:
    template, old, new = versions
    root = fresh(template, tmp_path)

    def disk_full(name: str) -> None:
        if name == "write parquet/events.parquet":
            raise OSError(28, "No space left on device")

    swap.STEP = disk_full
    with pytest.raises(OSError, match="No space"):
        publish(new, root)
    assert not (root / STAGING).exists() and outputs(root) == old
    assert (root / LOCK).read_bytes() == b""


def test_build_check_writes_nothing(
    versions: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template, old, new = versions
    root = fresh(template, tmp_path)
    (root / LOCK).unlink(missing_ok=True)
    before = snapshot(root)
    assert main(["build", "--check", "--data", str(root)]) == 0
    assert snapshot(root) == before and not (root / LOCK).exists()
    (root / "csv" / "events.csv").write_bytes(new["csv/events.csv"])
    before = snapshot(root)
    assert main(["build", "--check", "--data", str(root)]) == 1
    assert snapshot(root) == before
    capsys.readouterr()


def test_a_second_build_waits_or_refuses_clearly(versions: Any, tmp_path: Path) -> None:
    template, old, new = versions
    root = fresh(template, tmp_path)
    busy = r"another vnfr-data build holds .*\.build\.lock"
    with locked(root), pytest.raises(PublishRefused, match=busy):
        publish(new, root, wait=0.2)
    assert outputs(root) == old
    released = threading.Event()

    def hold() -> None:
        with locked(root):
            released.wait(5)
            time.sleep(0.3)

    holder = threading.Thread(target=hold)
    holder.start()
    released.set()
    publish(new, root, wait=30)  # waits for the holder, then publishes
    holder.join()
    assert outputs(root) == new


@pytest.mark.skipif(not POSIX, reason="needs fork")
def test_two_concurrent_publishes_never_mix(versions: Any, tmp_path: Path, no_hook: None) -> None:
    template, old, new = versions
    for round_ in range(3):
        root = fresh(template, tmp_path, f"race-{round_}")
        children = []
        for files in (old, new):
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child
                code = 1
                try:
                    swap.STEP = lambda _name: time.sleep(0.002)
                    publish(files, root, wait=120)
                    code = 0
                finally:
                    os._exit(code)
            children.append(pid)
        for pid in children:
            _, status = os.waitpid(pid, 0)
            assert os.WEXITSTATUS(status) == 0
        assert outputs(root) in (old, new)
        assert not (root / STAGING).exists()


def test_two_cli_builds_at_once_both_succeed(versions: Any, tmp_path: Path) -> None:
    template, old, new = versions
    root = fresh(template, tmp_path)
    (root / "csv" / "events.csv").write_bytes(b"stale\n")
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "vnfr_data", "build", "--data", str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err.decode()
        assert b"Traceback" not in err
    assert outputs(root) == old
    assert main(["build", "--check", "--data", str(root)]) == 0


def test_publish_writes_only_the_package_files(versions: Any, tmp_path: Path) -> None:
    template, old, new = versions
    root = fresh(template, tmp_path)
    with pytest.raises(ValueError, match="exactly the package's files"):
        publish({**new, "../escape.txt": b"x"}, root)
    with pytest.raises(ValueError):
        publish({k: v for k, v in new.items() if k != "csv/events.csv"}, root)
    assert outputs(root) == old
