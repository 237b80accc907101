"""The incremental build writes the same bytes as a full build, and trusts no cache entry.

A corpus is built from scratch and with the cache (cold, then after edits):
every published file must be byte for byte the full build's. A corrupt, edited,
foreign or stale entry is a miss, never a wrong table.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from conftest import load_script

from vnfr_data.build import build_tables
from vnfr_data.build.cache import BuildCache
from vnfr_data.errors import ProblemsFound
from vnfr_data.publish import render

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "build_benchmark.py"


def _benchmark() -> ModuleType:
    return load_script(BENCHMARK)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    _benchmark().make_corpus(root, 12)
    return root


def _fresh(root: Path) -> dict[str, bytes]:
    return render(build_tables(root))


def _cached(root: Path, cache: BuildCache) -> dict[str, bytes]:
    return render(build_tables(root, cache=cache))


def _annotation(root: Path, index: int) -> Path:
    return sorted(p for p in (root / "annotations").glob("*.yaml") if p.name != "actors.yaml")[
        index
    ]


def test_cold_and_warm_builds_write_the_full_builds_bytes(corpus: Path, tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    assert _cached(corpus, cache) == _fresh(corpus)
    assert cache.hits == 0 and cache.misses == 13  # 12 sources and actors.yaml
    warm = BuildCache(tmp_path / "cache")
    assert _cached(corpus, warm) == _fresh(corpus)
    assert warm.shortcut and warm.misses == 0
    # Without the snapshot, every entry is replayed: the same bytes again.
    for path in (tmp_path / "cache" / "snapshot").iterdir():
        path.unlink()
    replayed = BuildCache(tmp_path / "cache")
    assert _cached(corpus, replayed) == _fresh(corpus)
    assert not replayed.shortcut and replayed.hits == 13 and replayed.misses == 0


def test_a_rebuild_after_one_edit_is_the_full_build_of_the_edit(
    corpus: Path, tmp_path: Path
) -> None:
    _cached(corpus, BuildCache(tmp_path / "cache"))
    path = _annotation(corpus, 3)
    text = path.read_text(encoding="utf-8")
    edited = re.sub(r"title: Talks (\d+)", r"title: Talks \1, edited", text, count=1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    cache = BuildCache(tmp_path / "cache")
    files = _cached(corpus, cache)
    assert files == _fresh(corpus)
    assert b", edited" in files["csv/events.csv"]
    assert cache.shortcut and cache.misses == 1


def test_an_edited_article_is_not_replayed(corpus: Path, tmp_path: Path) -> None:
    """The article's bytes are part of what an entry holds: once they change, the
    cached result is not used, and the problem is the full build's, at its line."""
    _cached(corpus, BuildCache(tmp_path / "cache"))
    article = sorted((corpus / "articles").iterdir())[2]
    original = article.read_bytes()
    article.write_bytes(original + b"One more line after the body.\n")
    with pytest.raises(ProblemsFound) as fresh:
        build_tables(corpus)
    cache = BuildCache(tmp_path / "cache")
    with pytest.raises(ProblemsFound) as cached:
        build_tables(corpus, cache=cache)
    assert [p.to_dict() for p in cached.value.problems] == [
        p.to_dict() for p in fresh.value.problems
    ]
    assert [p.code for p in fresh.value.problems] == ["hash-mismatch"]
    assert not cache.shortcut
    # Restored: the build with the cache is the full build again.
    article.write_bytes(original)
    assert _cached(corpus, BuildCache(tmp_path / "cache")) == _fresh(corpus)


def test_a_changed_article_is_a_miss_even_where_the_pin_would_pass(
    corpus: Path, tmp_path: Path
) -> None:
    """Entries do not lean on the pin check: an entry whose recorded article sha256 is not
    the article's is refused by the cache itself."""
    from vnfr_data.build.replay import replay

    cache = BuildCache(tmp_path / "cache")
    _cached(corpus, cache)
    path = _annotation(corpus, 2)
    from vnfr_data.build.collect import file_key

    key = file_key(cache, path, corpus)
    assert key is not None
    payload = cache.load(key)
    assert payload is not None and replay(payload, corpus) is not None
    payload["article"]["sha256"] = "0" * 64
    assert replay(payload, corpus) is None


def test_an_edited_reference_file_is_the_full_build(corpus: Path, tmp_path: Path) -> None:
    """Curated reference CSVs (data/reference/*) are read at every build, never cached."""
    _cached(corpus, BuildCache(tmp_path / "cache"))
    crosswalk = corpus / "reference" / "crosswalk.csv"
    lines = crosswalk.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) > 2
    crosswalk.write_text("".join(lines[:-1]), encoding="utf-8")  # one mapping fewer
    cache = BuildCache(tmp_path / "cache")
    files = _cached(corpus, cache)
    assert files == _fresh(corpus)
    assert files["csv/crosswalk.csv"].count(b"\n") == len(lines) - 1


def test_the_toolchain_key_follows_the_version_and_the_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from vnfr_data.build import cache as cache_module

    before = cache_module.toolchain()
    monkeypatch.setattr(cache_module, "__version__", "0.0.0-other")
    assert cache_module.toolchain() != before
    monkeypatch.undo()
    assert cache_module.toolchain() == before
    monkeypatch.setattr(cache_module, "_version", lambda package: "9.9.9")
    assert cache_module.toolchain() != before


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.json") if p.parent.name != "snapshot")


def test_corrupt_forged_and_foreign_entries_are_misses(corpus: Path, tmp_path: Path) -> None:
    _cached(corpus, BuildCache(tmp_path / "cache"))
    for path in (tmp_path / "cache" / "snapshot").iterdir():
        path.unlink()  # so that every entry is read
    entries = _entries(tmp_path / "cache")
    assert len(entries) == 13
    # A flipped byte: the checksum no longer matches.
    damaged = bytearray(entries[0].read_bytes())
    damaged[-5] ^= 1
    entries[0].write_bytes(bytes(damaged))
    # A forged payload with a correct checksum but another key.
    head, _, body = entries[1].read_bytes().partition(b"\n")
    payload = json.loads(body)
    payload["key"] = "0" * 64
    forged = json.dumps(payload).encode()
    entries[1].write_bytes(hashlib.sha256(forged).hexdigest().encode() + b"\n" + forged)
    # Truncated.
    entries[2].write_bytes(entries[2].read_bytes()[:40])
    cache = BuildCache(tmp_path / "cache")
    assert _cached(corpus, cache) == _fresh(corpus)
    assert cache.misses == 3 and cache.hits == 10
    other = BuildCache(tmp_path / "cache", fingerprint="another toolchain")
    assert _cached(corpus, other) == _fresh(corpus)
    assert other.hits == 0


def test_a_failing_file_gives_the_same_problems_from_the_cache(
    corpus: Path, tmp_path: Path
) -> None:
    path = _annotation(corpus, 5)
    path.write_text(
        path.read_text(encoding="utf-8").replace("type: talks", "type: banquet", 1),
        encoding="utf-8",
    )
    with pytest.raises(ProblemsFound) as fresh:
        build_tables(corpus)
    for _ in range(2):  # cold, then replayed
        with pytest.raises(ProblemsFound) as cached:
            build_tables(corpus, cache=BuildCache(tmp_path / "cache"))
        assert [p.to_dict() for p in cached.value.problems] == [
            p.to_dict() for p in fresh.value.problems
        ]


def test_unused_entries_are_pruned(corpus: Path, tmp_path: Path) -> None:
    _cached(corpus, BuildCache(tmp_path / "cache"))
    before = {p.name for p in _entries(tmp_path / "cache")}
    path = _annotation(corpus, 0)
    path.write_text(path.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    cache = BuildCache(tmp_path / "cache")
    _cached(corpus, cache)
    cache.prune()
    after = {p.name for p in _entries(tmp_path / "cache")}
    assert (tmp_path / "cache" / "snapshot" / "meta.json").is_file()
    assert len(after) == 13 and len(before - after) == 1 and len(after - before) == 1


@pytest.mark.parametrize("damage", ["meta", "table", "toolchain"])
def test_a_damaged_or_foreign_snapshot_is_not_used(
    corpus: Path, tmp_path: Path, damage: str
) -> None:
    _cached(corpus, BuildCache(tmp_path / "cache"))
    snapshot = tmp_path / "cache" / "snapshot"
    if damage == "meta":
        meta = snapshot / "meta.json"
        meta.write_bytes(meta.read_bytes().replace(b'"no_fact"', b'"no_fakt"', 1))
    elif damage == "table":
        table = sorted(snapshot.glob("*.arrow"))[0]
        data = bytearray(table.read_bytes())
        data[len(data) // 2] ^= 0xFF
        table.write_bytes(bytes(data))
    path = _annotation(corpus, 1)
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    fingerprint = "another toolchain" if damage == "toolchain" else None
    cache = (
        BuildCache(tmp_path / "cache", fingerprint=fingerprint)
        if fingerprint
        else BuildCache(tmp_path / "cache")
    )
    assert _cached(corpus, cache) == _fresh(corpus)
    assert not cache.shortcut


def test_an_edit_reaching_other_files_records_is_still_the_full_build(
    corpus: Path, tmp_path: Path
) -> None:
    """Actors are claimed by actors.yaml and by every article that mentions them."""
    _cached(corpus, BuildCache(tmp_path / "cache"))
    actors = corpus / "annotations" / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("name: Alpha 3", "name: Alpha Three", 1),
        encoding="utf-8",
    )
    cache = BuildCache(tmp_path / "cache")
    files = _cached(corpus, cache)
    assert files == _fresh(corpus) and b"Alpha Three" in files["csv/actors.csv"]
    assert cache.shortcut
    # A statement's date comes from its event: a statement of one file at another file's
    # event, then that event moved to June while the statement's file stays as it is.
    event_file, statement_file = _annotation(corpus, 2), _annotation(corpus, 4)
    event = yaml.safe_load(event_file.read_text(encoding="utf-8"))["events"][0]["id"]
    doc = yaml.safe_load(statement_file.read_text(encoding="utf-8"))
    doc["statements"][0]["event"] = event
    statement_file.write_text(yaml.safe_dump(doc), encoding="utf-8")
    assert _cached(corpus, BuildCache(tmp_path / "cache")) == _fresh(corpus)
    text = event_file.read_text(encoding="utf-8")
    moved = text.replace("'2025-05-01'", "'2025-06-01'").replace("'2025-05-31'", "'2025-06-30'")
    assert moved != text
    event_file.write_text(moved, encoding="utf-8")
    cache = BuildCache(tmp_path / "cache")
    files = _cached(corpus, cache)
    assert files == _fresh(corpus) and cache.shortcut
    assert b"2025-06-01" in files["csv/statements.csv"]


def test_records_two_sources_claim_are_ranked_as_in_a_full_build(
    corpus: Path, tmp_path: Path
) -> None:
    """A record claimed by two files: its row and its claims rows are made again from
    both when one of them changes (the other's claims are replayed)."""
    first, second = _annotation(corpus, 3), _annotation(corpus, 4)
    event = yaml.safe_load(first.read_text(encoding="utf-8"))["events"][0]
    doc = yaml.safe_load(second.read_text(encoding="utf-8"))
    own = doc["events"][0]
    doc["events"].append(
        {
            "id": event["id"],
            "type": event["type"],
            "title": event["title"],
            "location": "Paris",
            "evidence": list(own["evidence"]),
        }
    )
    second.write_text(yaml.safe_dump(doc), encoding="utf-8")
    files = _cached(corpus, BuildCache(tmp_path / "cache"))
    assert files == _fresh(corpus)
    assert event["id"].encode() in files["csv/claims.csv"]
    doc["events"][-1]["location"] = "Lyon"
    second.write_text(yaml.safe_dump(doc), encoding="utf-8")
    cache = BuildCache(tmp_path / "cache")
    files = _cached(corpus, cache)
    assert files == _fresh(corpus) and cache.shortcut
    assert b"Lyon" in files["csv/claims.csv"]


def test_the_snapshot_metadata_is_the_validated_metadata(corpus: Path, tmp_path: Path) -> None:
    """The rebuild constructs an article's metadata from the snapshot without validating
    it again: it must be the model `model_validate` makes of the same dump."""
    from vnfr_data.annotations.format import SourceMeta
    from vnfr_data.build.incremental import trusted_meta

    result = build_tables(corpus)
    for article in result.articles.values():
        dumped = article.meta.model_dump(mode="json")
        built = trusted_meta(dumped)
        assert built == SourceMeta.model_validate(dumped) == article.meta
        assert built.model_dump(mode="json") == dumped


def test_a_new_problem_after_a_warm_cache_is_reported_as_a_full_build_reports_it(
    corpus: Path, tmp_path: Path
) -> None:
    """A cached good result never hides a problem an edit brings, even one that shows only
    across files (an actor id no actors.yaml entry defines) or in a reference file."""
    _cached(corpus, BuildCache(tmp_path / "cache"))
    path = _annotation(corpus, 3)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["events"][0]["participants"][0]["actor"] = "alpha-nobody"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(ProblemsFound) as fresh:
        build_tables(corpus)
    with pytest.raises(ProblemsFound) as cached:
        build_tables(corpus, cache=BuildCache(tmp_path / "cache"))
    problems = [p.to_dict() for p in fresh.value.problems]
    assert problems and [p.to_dict() for p in cached.value.problems] == problems
    assert any(p["file"] and p["file"].endswith(path.name) and p["row"] for p in problems)
    # And one in a curated reference file, the annotations all unchanged.
    path.write_text(path.read_text(encoding="utf-8").replace("alpha-nobody", "alpha-3"))
    _cached(corpus, BuildCache(tmp_path / "cache"))
    crosswalk = corpus / "reference" / "crosswalk.csv"
    lines = crosswalk.read_text(encoding="utf-8").splitlines(keepends=True)
    crosswalk.write_text("".join([*lines, lines[-1]]), encoding="utf-8")  # a row twice
    with pytest.raises(ProblemsFound) as fresh:
        build_tables(corpus)
    with pytest.raises(ProblemsFound) as cached:
        build_tables(corpus, cache=BuildCache(tmp_path / "cache"))
    assert [p.to_dict() for p in cached.value.problems] == [
        p.to_dict() for p in fresh.value.problems
    ]
    assert [p.code for p in fresh.value.problems] == ["duplicate-id"]


def test_an_edited_statement_quote_rebuilds_its_text_from_the_new_evidence_only(
    corpus: Path, tmp_path: Path
) -> None:
    """A statement's text is made from its evidence: after its quote changes, the old
    evidence row of the edited file must not count any more."""
    _cached(corpus, BuildCache(tmp_path / "cache"))
    path = _annotation(corpus, 6)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    i = int(doc["source"]["file"][:5])  # the article's number, as make_corpus names it
    assert doc["statements"][0]["evidence"] == [f"affirmed point 0 of the talks number {i}."]
    doc["statements"][0]["evidence"] = [f"Alpha {i} affirmed point 5 of the talks number {i}."]
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    cache = BuildCache(tmp_path / "cache")
    files = _cached(corpus, cache)
    assert cache.shortcut
    assert files == _fresh(corpus)
    assert f"Alpha {i} affirmed point 5".encode() in files["csv/statements.csv"]
