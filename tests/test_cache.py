"""Cache and output files are written atomically: runs sharing a cache folder, killed writers, failed writes.

The writers and readers here are real OS processes (subprocess), started together
and killed with SIGKILL where a test says so: what another run or a crash can do
to the cache folder, not what threads of one interpreter can.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from conftest import ARTICLES, ROOT
from typer.testing import CliRunner

from summarizer.briefing.cache import ResultCache
from summarizer.cli import app
from summarizer.files import write_atomic
from summarizer.schema import ArticleMeta, ArticleResult, Attribution, Digest, Event, Evidence, Usage

POSIX = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and POSIX file modes")
KEYS = [f"{i:02x}" + "ab" * 15 for i in range(6)]  # 32 hex digits, as ResultCache.key gives; 6 subfolders


def _result(key: str, variant: int, events: int) -> ArticleResult:
    """A valid result whose every byte depends on (key, variant): a torn file cannot pass for another."""
    evs = [Event(id=f"e{i}", summary=f"{key} v{variant}: the ministry said {i} people — «ok» 🙂 مرحبا.",
                 attribution=Attribution(source="the ministry", source_type="official", cue="said"),
                 status="claimed", evidence=[Evidence(sentence_id=i, quote=f"{key} sentence {i} of v{variant}")])
           for i in range(1, events + 1)]
    return ArticleResult(article=ArticleMeta(id=key[:16], path=f"{key}.txt", language="en", sentences=events),
                         events=evs, digest=Digest(text=f"v{variant}"), usage=Usage(), model="m",
                         prompt_version="v1#0", tool_version="0")


def _variants() -> dict[str, list[str]]:
    """Per key, two complete results as the cache stores them: a small one and a large one (~400 KB)."""
    return {k: [_result(k, 0, 2).model_dump_json(), _result(k, 1, 1000).model_dump_json()] for k in KEYS}


def _temp_files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name.startswith("."))


# One process of the concurrent test: waits for the start signal, then puts and gets random keys in a loop.
# Every raw read of a key's file must be one complete stored result (or no file yet); every get() a valid
# result equal to one of them, and never a miss once this process has written the key itself.
WORKER = r"""
import json, random, sys, time
from pathlib import Path
from summarizer.briefing.cache import ResultCache
from summarizer.schema import ArticleResult

folder, variants_file, go, seed, iterations = sys.argv[1:6]
variants = json.loads(Path(variants_file).read_text())
models = {k: [ArticleResult.model_validate_json(v) for v in vs] for k, vs in variants.items()}
cache = ResultCache(Path(folder))
rng = random.Random(int(seed))
print("ready", flush=True)
while not Path(go).exists():
    time.sleep(0.005)
stats = {"puts": 0, "gets": 0, "hits": 0, "raw_reads": 0, "start": time.time()}
written = set()
for _ in range(int(iterations)):
    key = rng.choice(list(variants))
    if rng.random() < 0.5:
        cache.put(key, rng.choice(models[key]))
        written.add(key)
        stats["puts"] += 1
    else:
        try:
            raw = cache._path(key).read_text(encoding="utf-8")
        except FileNotFoundError:
            assert key not in written, f"{key}: file gone after this process wrote it"
        else:
            assert raw in variants[key], f"{key}: torn or foreign file of {len(raw)} characters"
            stats["raw_reads"] += 1
        got = cache.get(key)
        stats["gets"] += 1
        if got is None:
            assert key not in written, f"{key}: a miss after this process wrote it (unreadable file?)"
        else:
            assert got.model_dump_json() in variants[key], f"{key}: get() gave a result never written"
            stats["hits"] += 1
stats["end"] = time.time()
print(json.dumps(stats), flush=True)
"""


def _python(code: str, *args) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_processes_writing_and_reading_the_same_keys_never_see_half_a_result(tmp_path):
    variants = _variants()
    for k, vs in variants.items():  # what a worker re-serialises is byte for byte what was stored
        assert [ArticleResult.model_validate_json(v).model_dump_json() for v in vs] == vs
    (tmp_path / "variants.json").write_text(json.dumps(variants))
    folder, go = tmp_path / "cache", tmp_path / "go"
    workers = [_python(WORKER, folder, tmp_path / "variants.json", go, seed, 200) for seed in (1, 2)]
    try:
        for w in workers:  # both imported and waiting: start them at once
            assert w.stdout.readline() == "ready\n", w.stderr.read()
        go.touch()
        outs = [w.communicate(timeout=120) for w in workers]
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
    assert [w.returncode for w in workers] == [0, 0], [err for _, err in outs]
    assert [err for _, err in outs] == ["", ""]
    stats = [json.loads(out) for out, _ in outs]
    assert all(s["puts"] > 30 and s["hits"] > 30 for s in stats)
    assert stats[0]["start"] < stats[1]["end"] and stats[1]["start"] < stats[0]["end"]  # they did overlap
    assert _temp_files(folder) == []  # every write renamed its temporary file or removed it
    cache = ResultCache(folder)
    for key in KEYS:
        assert cache._path(key).read_text(encoding="utf-8") in variants[key]
        assert cache.get(key).model_dump_json() in variants[key]


# A writer that dies in the middle of writing a result: after half of the bytes it says so and waits to be
# killed. (The fault is injected at the file object, where a crash or a full disk would stop a real write.)
HALF_WRITER = r"""
import sys, time
import summarizer.files
from pathlib import Path
from summarizer.briefing.cache import ResultCache
from summarizer.schema import ArticleResult

folder, result_file = sys.argv[1:3]

class Stalls:
    def __init__(self, f):
        self.f = f
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.f.__exit__(*exc)
    def write(self, data):
        self.f.write(data[: len(data) // 2])
        self.f.flush()
        print("half", flush=True)
        time.sleep(600)
    def __getattr__(self, name):
        return getattr(self.f, name)

real_open = open
summarizer.files.open = lambda *a, **k: Stalls(real_open(*a, **k))
ResultCache(Path(folder)).put(sys.argv[3], ArticleResult.model_validate_json(Path(result_file).read_text()))
"""


@POSIX
def test_a_writer_killed_in_the_middle_of_a_write_leaves_the_previous_result_whole(tmp_path):
    key, (old, new) = KEYS[0], _variants()[KEYS[0]]
    cache = ResultCache(tmp_path / "cache")
    cache.put(key, ArticleResult.model_validate_json(old))
    (tmp_path / "new.json").write_text(new)
    writer = _python(HALF_WRITER, tmp_path / "cache", tmp_path / "new.json", key)
    try:
        assert writer.stdout.readline() == "half\n", writer.stderr.read()
        [temp] = _temp_files(tmp_path / "cache")  # the half-written bytes exist, under another name
        assert 0 < (tmp_path / "cache" / temp).stat().st_size < len(new)
        assert cache._path(key).read_text(encoding="utf-8") == old  # a reader meanwhile: the old result
        assert cache.get(key).model_dump_json() == old
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    assert cache.get(key).model_dump_json() == old  # after the crash: still the old result, whole
    # SIGKILL leaves the temporary file (nothing can remove it); it is hidden and never read as a result.
    assert [p.name for p in cache._path(key).parent.iterdir() if not p.name.startswith(".")] == [f"{key}.json"]
    cache.put(key, ArticleResult.model_validate_json(new))  # the next run writes the key as usual
    assert cache.get(key).model_dump_json() == new


KILLED_LOOP = r"""
import sys
from pathlib import Path
from summarizer.briefing.cache import ResultCache
from summarizer.schema import ArticleResult

folder, key, *files = sys.argv[1:]
results = [ArticleResult.model_validate_json(Path(f).read_text()) for f in files]
cache = ResultCache(Path(folder))
cache.put(key, results[0])  # one whole result first: the kill may come before a slow machine writes another
print("ready", flush=True)
i = 1
while True:
    cache.put(key, results[i % 2])
    i += 1
"""


@POSIX
@pytest.mark.parametrize("delay", [0.05, 0.23])
def test_killing_a_busy_writer_at_any_moment_never_leaves_a_torn_result(tmp_path, delay):
    key, variants = KEYS[1], _variants()[KEYS[1]]
    files = []
    for i, v in enumerate(variants):
        files.append(tmp_path / f"v{i}.json")
        files[-1].write_text(v)
    cache = ResultCache(tmp_path / "cache")
    writer = _python(KILLED_LOOP, tmp_path / "cache", key, *files)
    reads = 0
    try:
        assert writer.stdout.readline() == "ready\n", writer.stderr.read()
        stop = time.monotonic() + delay
        while time.monotonic() < stop:  # read while it rewrites the key as fast as it can
            got = cache.get(key)
            assert got is None or got.model_dump_json() in variants
            reads += 1
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=30)
    assert reads > 0
    assert cache._path(key).read_text(encoding="utf-8") in variants
    assert cache.get(key).model_dump_json() in variants


class _FailsHalfway:
    """Stands in for the file object of a write: half of the bytes go out, then `error` is raised."""

    def __init__(self, f, error):
        self.f, self.error = f, error

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.f.__exit__(*exc)

    def write(self, data):
        self.f.write(data[: len(data) // 2])
        self.f.flush()
        raise self.error

    def __getattr__(self, name):
        return getattr(self.f, name)


def _fail_writes_halfway(monkeypatch, error):
    monkeypatch.setattr("summarizer.files.open", lambda *a, **k: _FailsHalfway(open(*a, **k), error), raising=False)


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_put_failing_in_the_middle_leaves_the_old_result_and_no_temporary_file(tmp_path, monkeypatch, error):
    key, (old, new) = KEYS[2], _variants()[KEYS[2]]
    cache = ResultCache(tmp_path)
    cache.put(key, ArticleResult.model_validate_json(old))
    _fail_writes_halfway(monkeypatch, error)
    with pytest.raises(type(error)):
        cache.put(key, ArticleResult.model_validate_json(new))
    assert cache.get(key).model_dump_json() == old
    assert _temp_files(tmp_path) == []
    other = KEYS[3]  # a key never written: still nothing, not half a file
    with pytest.raises(type(error)):
        cache.put(other, ArticleResult.model_validate_json(new))
    assert cache.get(other) is None and not cache._path(other).exists()
    assert _temp_files(tmp_path) == []


def test_an_unreadable_or_foreign_cache_file_is_a_miss_not_an_error(tmp_path):
    cache = ResultCache(tmp_path)
    key = KEYS[4]
    cache._path(key).parent.mkdir(parents=True)
    for content in (b"", b'{"schema_version": "1", "article": {', b"\xff\xfe not utf-8", b"[]", b"null"):
        cache._path(key).write_bytes(content)
        assert cache.get(key) is None
    cache._path(key).unlink()
    cache._path(key).mkdir()  # even a folder where the file should be
    assert cache.get(key) is None


def test_concurrent_writers_of_one_file_each_use_their_own_temporary_file(tmp_path):
    # The old `-o` and batch-state writes used one fixed temporary name: a second writer truncated the
    # first one's file (which could then be renamed into place half-written) and its rename failed.
    target = tmp_path / "briefing.md"
    payloads = [f"writer {i}\n".encode() * (2000 + 500 * i) for i in range(6)]
    errors = []

    def write(payload):
        try:
            for _ in range(40):
                write_atomic(target, payload)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(p,)) for p in payloads]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert target.read_bytes() in payloads
    assert _temp_files(tmp_path) == []


@POSIX
def test_an_atomic_write_creates_files_as_open_would(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    write_atomic(tmp_path / "new.txt", "text — ✓\n")
    assert (tmp_path / "new.txt").read_bytes() == "text — ✓\n".encode()
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o666 & ~umask  # not a private 0600 temp file
    with pytest.raises(OSError):
        write_atomic(tmp_path / "no such folder" / "x.txt", "text")
    assert _temp_files(tmp_path) == []


def _cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_a_summary_output_file_failing_in_the_middle_keeps_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "out.json"
    out.write_text("the previous run's output\n")
    with monkeypatch.context() as patch:
        _fail_writes_halfway(patch, OSError(28, "No space left on device"))
        result = _cli(ARTICLES / "grid_repairs.txt", "-o", out)
    assert result.exit_code == 3
    assert result.stderr.endswith(f"summarize: {out}: cannot write (No space left on device)\n")
    assert out.read_text() == "the previous run's output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no partial or temporary file
    result = _cli(ARTICLES / "grid_repairs.txt", "-o", out)
    assert result.exit_code == 0 and json.loads(out.read_text())["article"]["path"].endswith("grid_repairs.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_a_briefing_output_file_failing_in_the_middle_keeps_the_old_file(tmp_path, monkeypatch, fmt):
    out = tmp_path / f"briefing.{fmt}"
    out.write_text("yesterday's briefing\n")
    args = ["briefing", ARTICLES / "grid_repairs.txt", "-o", out, "--no-cache", "--merge", "embeddings"]
    with monkeypatch.context() as patch:
        _fail_writes_halfway(patch, OSError(28, "No space left on device"))
        result = _cli(*args)
    assert result.exit_code == 3
    assert f"summarize: {out}: cannot write (No space left on device)\n" in result.stderr
    assert out.read_text() == "yesterday's briefing\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    assert _cli(*args).exit_code == 0
    assert "grid_repairs.txt" in out.read_text() and sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_an_article_in_another_unicode_spelling_misses_the_cache_and_quotes_its_own_text(tmp_path):
    """NFC and NFD spell 'Café' with different code points: the NFC result's quotes are not in the NFD text."""
    import unicodedata

    from summarizer.briefing.articles import summarize_all
    from summarizer.llm.fake import FakeTransport, outlet_records_answer
    from summarizer.llm.settings import LLMSettings
    from summarizer.pipeline import Summarizer

    text = ("Café owners in Zürich reopen after the flood\n\n"
            "Café owners in Zürich reopened on Monday after the flood, the city's mayor said.\n\n"
            "About 40 cafés near the Limmat were still closed by evening, the café association said.\n")
    nfc, nfd = (unicodedata.normalize(form, text) for form in ("NFC", "NFD"))
    assert nfc != nfd and "Café" not in nfd
    (tmp_path / "nfc.txt").write_text(nfc, encoding="utf-8")
    (tmp_path / "nfd.txt").write_text(nfd, encoding="utf-8")
    cache = ResultCache(tmp_path / "cache")
    runs = []
    for name in ("nfc.txt", "nfd.txt"):
        fake = FakeTransport(responder=outlet_records_answer)
        summarizer = Summarizer(LLMSettings.resolve(env={}, fixtures="off", digest="composed"), transport=fake)
        [done] = summarize_all([str(tmp_path / name)], summarizer, cache, concurrency=1)
        assert done.error is None and done.result.events, done.error
        runs.append((done, fake))
    (first, _), (second, fake) = runs
    assert not second.cached and len(fake.requests) == 1  # a cache miss: the NFD article was summarised
    quotes = [ev.quote for e in second.result.events for ev in e.evidence]
    assert quotes and all(q in nfd for q in quotes)  # verbatim, in the article's own spelling
    assert second.result.article.id == first.result.article.id  # the id shown stays the normalised one
    for name, spelled in (("nfc.txt", nfc), ("nfd.txt", nfd)):  # each spelling is cached on its own
        fake = FakeTransport(responder=outlet_records_answer)
        summarizer = Summarizer(LLMSettings.resolve(env={}, fixtures="off", digest="composed"), transport=fake)
        [again] = summarize_all([str(tmp_path / name)], summarizer, cache, concurrency=1)
        assert again.cached and fake.requests == []
        assert all(ev.quote in spelled for e in again.result.events for ev in e.evidence)
