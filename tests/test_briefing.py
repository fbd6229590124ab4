"""`summarize briefing`: many articles, cache and resume, failures, storylines and conflicting figures."""

import json
import re
import shutil
import subprocess
import threading

import jsonschema
import pytest
from conftest import ARTICLES, ROOT
from fakes import article_result as _result
from fakes import event as _event
from fakes import faulty_temporary_files
from typer.testing import CliRunner

from summarizer.briefing.articles import article_paths, summarize_all
from summarizer.briefing.cache import ResultCache
from summarizer.briefing.merge import skeleton, storylines
from summarizer.cli import app
from summarizer.llm.fake import FakeTransport, outlet_records_answer
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer
from summarizer.schema import Usage


def _summarizer(responder=outlet_records_answer, **settings):
    fake = FakeTransport(responder=responder)
    return Summarizer(LLMSettings.resolve(env={}, fixtures="off", **settings), transport=fake), fake


def test_articles_are_summarised_concurrently_and_cached(tmp_path):
    paths, missing = article_paths([str(ARTICLES)])
    assert [p.rsplit("/", 1)[-1] for p in paths] == sorted(p.name for p in ARTICLES.glob("*.txt")) and missing == []
    assert len(paths) >= 4
    threads, seen = set(), threading.Lock()

    def responder(body):
        with seen:
            threads.add(threading.get_ident())
        return outlet_records_answer(body)

    summarizer, fake = _summarizer(responder)
    cache = ResultCache(tmp_path / "cache")
    first = summarize_all(paths, summarizer, cache, concurrency=4)
    assert [d.error for d in first] == [None] * len(paths) and not any(d.cached for d in first)
    assert len(fake.requests) == len(paths) and len(threads) > 1  # worker threads ran the pipeline
    again, fake_again = _summarizer()
    second = summarize_all(paths, again, cache, concurrency=4)
    assert all(d.cached for d in second) and fake_again.requests == []  # a re-run makes no LLM call
    assert [d.result.events for d in second] == [d.result.events for d in first]


def test_a_changed_prompt_model_or_release_misses_the_cache(tmp_path, monkeypatch):
    settings = LLMSettings.resolve(env={}, fixtures="off")
    key = ResultCache.key("abc", settings)
    assert key == ResultCache.key("abc", settings)
    assert key != ResultCache.key("abd", settings)
    assert key != ResultCache.key("abc", settings.with_(model="other.gguf"))
    monkeypatch.setattr("summarizer.__version__", "9.9.9")  # another release's rules made the records and digest
    released = ResultCache.key("abc", settings)
    assert released != key
    monkeypatch.setattr("summarizer.prompts.prompt_version", lambda: "v1#changed")
    assert released != ResultCache.key("abc", settings)


def test_an_interrupted_run_resumes_and_a_failure_loses_nothing(tmp_path):
    paths = [str(ARTICLES / "grid_repairs.txt"), str(ARTICLES / "market_strike.txt")]
    cache = ResultCache(tmp_path / "cache")
    summarizer, _ = _summarizer()
    summarize_all(paths[:1], summarizer, cache, concurrency=1)  # the first run stopped after one article

    def failing(body):
        raise ConnectionResetError("endpoint gone")  # seen by the client as a connection error

    resumed, fake = _summarizer(failing, transport_attempts=1)
    done = summarize_all([*paths, str(tmp_path / "empty.txt")], resumed, cache, concurrency=2)
    assert done[0].cached and done[0].result is not None  # finished before: not summarised twice
    assert done[1].result is None and done[1].error == "cannot reach the LLM endpoint: Connection error."
    assert done[1].exit_code == 1
    assert done[2].error == "no such file" and done[2].exit_code == 3  # its path is done[2].path, said once
    assert len(fake.requests) == 1


def test_the_same_event_in_two_spellings_is_one_storyline_with_its_figures_side_by_side():
    assert skeleton("Kostiantynivka") == skeleton("Kostyantynivka") and skeleton("Kyiv") == skeleton("Kiev")
    assert skeleton("Zelensky") == skeleton("Zelenskiy")
    a = _result("a.txt", [
        _event(1, "A missile hit the market in Kostyantynivka, killing 19 people, the health ministry said.",
               "the health ministry", [("19", 19.0, "people")], ["Kostyantynivka"]),
        _event(2, "Heavy rain flooded villages near Odesa.", "the emergency service", locations=["Odesa"])])
    b = _result("b.txt", [
        _event(1, "The market strike in Kostiantynivka killed 40 people, civil defence said.",
               "civil defence", [("40", 40.0, "people")], ["Kostiantynivka"]),
        _event(2, "Parliament passed the budget in Kyiv.", "the outlet", locations=["Kyiv"])])
    [story] = storylines([a, b])
    assert [(i.article, i.event_id) for i in story.items] == [("a.txt", "e1"), ("b.txt", "e1")]
    assert [(f.text, f.source) for f in story.figures] == [("19", "the health ministry"), ("40", "civil defence")]
    assert story.conflicts == ["dead"]  # what the figures count ("killing", "killed"), not their unit
    [dispute] = story.disputes
    assert [(f.text, f.source, f.article) for f in dispute.figures] == [
        ("19", "the health ministry", "a.txt"), ("40", "civil defence", "b.txt")]


def test_a_distance_and_a_percentage_are_no_dispute_and_one_count_in_two_languages_is():
    a = _result("a.txt", [
        _event(1, "A missile hit the market in Kostyantynivka, killing 19 people, 20 km from the front, the "
                  "ministry said.", "the ministry", [("19", 19.0, "people"), ("20", 20.0, "km")], ["Kostyantynivka"]),
        _event(2, "Prices in Kostyantynivka rose 5%, the ministry said.", "the ministry", [("5%", 5.0, "%")],
               ["Kostyantynivka"])])
    b = _result("b.txt", [
        _event(1, "Bei dem Angriff auf den Markt in Kostjantyniwka sind mindestens 21 Menschen getötet worden, 25 "
                  "Kilometer von der Front, teilte die Militärverwaltung mit.", "die Militärverwaltung",
               [("21", 21.0, "Menschen"), ("25", 25.0, "Kilometer")], ["Kostjantyniwka"]),
        _event(2, "Die Preise in Kostjantyniwka stiegen um 7%, sagte die Militärverwaltung.", "die Militärverwaltung",
               [("7%", 7.0, "%")], ["Kostjantyniwka"])])
    b.article.language = "de"
    [story] = storylines([a, b])
    assert [(d.quantity, [f.text for f in d.figures]) for d in story.disputes] == [("dead", ["19", "21"])]


def test_figures_of_different_time_frames_are_not_a_conflict():
    a = _result("a.txt", [_event(1, "Ukraine received 1,000 bodies from Russia in the Kharkiv exchange on Saturday.",
                                 "officials", [("1,000", 1000.0, "bodies")], ["Kharkiv"])])
    b = _result("b.txt", [_event(1, "Ukraine has received 13,000 bodies this year, including the Kharkiv exchange.",
                                 "the outlet", [("13,000", 13000.0, "bodies")], ["Kharkiv"])])
    [story] = storylines([a, b])
    assert [f.time_frame for f in story.figures] == ["on Saturday", "this year"] and story.conflicts == []


def test_two_reports_own_figures_that_differ_are_side_by_side_and_so_far_is_no_time_frame():
    a = _result("a.txt", [_event(1, "A gunman killed two people at a Tel Aviv bar and wounded 13 on Thursday.",
                                 "the outlet", [("13", 13.0, None)], ["Tel Aviv"])])
    b = _result("b.txt", [_event(1, "Two people died in the Tel Aviv bar attack; 10 wounded have arrived so far.",
                                 "the outlet", [("10", 10.0, "wounded")], ["Tel Aviv"])])
    [story] = storylines([a, b])
    [dispute] = story.disputes  # each report's own voice is its own claim (no outlet named: its file)
    assert dispute.quantity == "injured" and [(f.text, f.claimant) for f in dispute.figures] == [
        ("10", "b.txt"), ("13", "a.txt")]
    assert "10 according to b.txt; 13 according to a.txt" in story.summary


def test_a_toll_in_number_words_of_another_language_is_set_beside_the_others():
    a = _result("a.txt", [_event(1, "Forty-nine people were killed in the attack on a mosque in Christchurch.",
                                 "the outlet", [("Forty-nine", 49.0, "people")], ["Christchurch"])])
    b = _result("b.txt", [_event(1, "Quarante personnes au moins ont trouvé la mort lors de l'attaque contre une "
                                    "mosquée de Christchurch, selon un bilan officiel.", "un bilan officiel",
                                 [], ["Christchurch"])])
    b.article.language = "fr"
    [story] = storylines([a, b])
    assert [(d.quantity, [(f.text, f.value) for f in d.figures]) for d in story.disputes] == [
        ("dead", [("Quarante", 40.0), ("Forty-nine", 49.0)])]


def test_briefing_command_writes_markdown_and_json_and_says_what_failed(tmp_path, monkeypatch):
    monkeypatch.setattr("summarizer.pipeline.Summarizer.__init__", _fake_init)  # every article answered by the fake
    out = tmp_path / "briefing.json"
    missing = tmp_path / "gone.txt"
    result = CliRunner().invoke(app, [
        "briefing", str(ARTICLES), str(missing), "-o", str(out), "--cache-dir", str(tmp_path / "c"),
        "--fixtures", "off"])
    assert result.exit_code == 3, result.stderr
    doc = json.loads(out.read_text())
    jsonschema.validate(doc, json.loads((ROOT / "schemas" / "briefing.schema.json").read_text()))
    n = len(list(ARTICLES.glob("*.txt")))
    assert len(doc["articles"]) == n and doc["failed"] == [{"path": str(missing), "reason": "no such file or folder"}]
    assert f"summarize: {missing}: no such file or folder" in result.stderr
    assert f"{n}/{n} articles, 0 failed" in result.stderr
    md = tmp_path / "b.md"
    CliRunner().invoke(app, [
        "briefing", str(ARTICLES), "-o", str(md), "--cache-dir", str(tmp_path / "c"), "--fixtures", "off"])
    text = md.read_text()
    assert text.startswith("# Daily briefing, ") and "## Articles" in text and f"{n} from cache" not in text


def _fake_init(self, settings=None, *, transport=None):
    from summarizer.llm.client import LLM

    self.settings = settings or LLMSettings.resolve(env={})
    self.llm = LLM(self.settings, transport=FakeTransport(responder=outlet_records_answer))


def test_the_model_confirms_candidate_pairs_from_the_records_only():
    from summarizer.briefing.confirm import confirm_pairs
    from summarizer.briefing.merge import MergeIndex, candidate_pairs
    from summarizer.llm.client import LLM

    a = _result("a.txt", [_event(1, "A missile hit the market in Kostyantynivka, killing 19 people.",
                                 "the health ministry", [("19", 19.0, "people")], ["Kostyantynivka"])])
    b = _result("b.txt", [_event(1, "The market strike in Kostiantynivka killed 40 people, civil defence said.",
                                 "civil defence", [("40", 40.0, "people")], ["Kostiantynivka"])])
    [pair] = candidate_pairs(MergeIndex.of([a, b]))
    fake = FakeTransport(json.dumps({"same": [pair.id]}), json.dumps({"same": []}))
    llm = LLM(LLMSettings.resolve(env={}, fixtures="off"), transport=fake)
    [story] = storylines([a, b], confirm=lambda pairs, records: confirm_pairs(llm, pairs, records))
    assert len(story.items) == 2
    prompt = fake.requests[0]["messages"][-1]["content"]
    assert f"{pair.id}: A: A missile hit the market in Kostyantynivka" in prompt and "(civil defence)" in prompt
    assert fake.requests[0]["response_format"]["json_schema"]["schema"]["properties"]["same"]["items"]["enum"] == \
        [pair.id]
    assert storylines([a, b], confirm=lambda pairs, records: confirm_pairs(llm, pairs, records)) == []  # "no"


def test_the_html_briefing_is_self_contained_and_escapes_article_text(tmp_path, monkeypatch):
    from html.parser import HTMLParser

    from summarizer.briefing.report import to_html
    from summarizer.schema import BriefingResult

    a = _result("a.txt", [_event(1, "A missile hit the <b>Kostyantynivka</b> market, killing 19 people.",
                                 "the ministry", [("19", 19.0, "people")], ["Kostyantynivka"])])
    b = _result("b.txt", [_event(1, "The market strike in Kostiantynivka killed 40 people, civil defence said.",
                                 "civil defence", [("40", 40.0, "people")], ["Kostiantynivka"])])
    page = to_html(BriefingResult(generated="2026-11-21T08:00:00+00:00", articles=[a, b], storylines=storylines([a, b]),
                                  usage=Usage(), tool_version="0"))
    found: dict[str, list] = {"tags": [], "links": [], "external": []}

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found["tags"].append(tag)
            attrs = dict(attrs)
            if tag == "a":
                found["links"].append(attrs["href"])
            if tag in ("script", "img", "link") or (attrs.get("src") or "").startswith("http"):
                found["external"].append(tag)

    Collect().feed(page)
    assert found["external"] == [] and "<style>" in page and 'name="viewport"' in page
    assert "the &lt;b&gt;Kostyantynivka&lt;/b&gt; market" in page and "<b>" not in page
    assert found["tags"].count("section") == 1 and {"a.txt", "b.txt"} <= set(found["links"])
    assert "<li>dead: <strong>19</strong>, the ministry (a.txt) · <strong>40</strong>, civil defence (b.txt)" \
        "</li>" in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium (.ci/run installs Debian's)")
def test_the_html_briefing_renders_in_a_headless_browser_with_every_storyline(tmp_path):
    from summarizer.briefing.report import to_html
    from summarizer.schema import BriefingResult

    a = _result("a.txt", [_event(1, "A missile hit the Kostyantynivka market, killing 19 people.", "the ministry",
                                 [("19", 19.0, "people")], ["Kostyantynivka"])])
    b = _result("b.txt", [_event(1, "The market strike in Kostiantynivka killed 40 people, civil defence said.",
                                 "civil defence", [("40", 40.0, "people")], ["Kostiantynivka"])])
    c = _result("c.txt", [_event(1, "Kyiv received 1,000 bodies of soldiers in the exchange near Sumy.", "officials",
                                 [("1,000", 1000.0, "bodies")], ["Sumy"])])
    d = _result("d.txt", [_event(1, "The exchange near Sumy returned 1,000 bodies of soldiers to Kiev, the agencies "
                                 "reported.", "TASS", [("1,000", 1000.0, "bodies")], ["Sumy"])])
    stories = storylines([a, b, c, d])
    assert len(stories) == 2
    page = tmp_path / "briefing.html"
    page.write_text(to_html(BriefingResult(generated="2026-11-21T08:00:00+00:00", articles=[a, b, c, d],
                                           storylines=stories, usage=Usage(), tool_version="0")))
    shot = tmp_path / "shot.png"
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
            "--window-size=412,1600"]
    dom = subprocess.run([*base, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert all(f'id="{s.id}"' in dom.stdout for s in stories)
    assert "<li>dead: <strong>19</strong>, the ministry (a.txt) · <strong>40</strong>, civil defence (b.txt)</li>" \
        in dom.stdout
    assert [line for line in dom.stderr.splitlines() if "CONSOLE" in line] == []  # no console messages
    subprocess.run([*base, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def _no_space(self, key, result):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("fault", ["disk full", "cache dir is a file"])
def test_a_result_that_cannot_be_cached_is_still_in_the_briefing_with_one_warning(tmp_path, monkeypatch, fault):
    monkeypatch.setattr("summarizer.pipeline.Summarizer.__init__", _fake_init)
    cache_dir = tmp_path / "cache"
    if fault == "disk full":
        monkeypatch.setattr(ResultCache, "put", _no_space)
        reason = "No space left on device"
    else:  # a real failed write, no patching: the cache's subfolders cannot be made under a file
        cache_dir.write_text("not a folder\n")
        reason = "Not a directory"
    grid, market = ARTICLES / "grid_repairs.txt", ARTICLES / "market_strike.txt"
    out = tmp_path / "briefing.json"
    result = CliRunner().invoke(app, ["briefing", str(grid), str(market), "-o", str(out), "--cache-dir",
                                      str(cache_dir), "--fixtures", "off", "--merge", "embeddings"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(out.read_text())
    assert [a["article"]["path"] for a in doc["articles"]] == [str(grid), str(market)] and doc["failed"] == []
    assert all(a["events"] for a in doc["articles"])
    warnings = [line for line in result.stderr.splitlines() if "could not cache" in line]
    assert sorted(warnings) == [f"summarize: could not cache {p}: {reason}" for p in (grid, market)]
    assert "Traceback" not in result.stderr and "2/2 articles, 0 failed" in result.stderr


def test_via_batch_a_cache_folder_that_cannot_be_written_loses_no_result(tmp_path):
    from fake_server import FakeOpenAIServer

    from summarizer.llm.fake import completion_body

    cache_dir = tmp_path / "cache"
    cache_dir.write_text("not a folder\n")  # neither the batch id nor a result can be kept there
    paths = sorted(ARTICLES.glob("*.txt"))
    out = tmp_path / "briefing.json"
    with FakeOpenAIServer(responder=lambda body: completion_body(outlet_records_answer(body))) as server:
        result = CliRunner().invoke(app, [
            "briefing", *map(str, paths), "--via", "batch", "--poll", "0.01", "--base-url", server.base_url,
            "--model", "m", "--fixtures", "off", "--digest", "composed", "--merge", "embeddings", "-o", str(out),
            "--cache-dir", str(cache_dir)], env={"OPENAI_API_KEY": "sk-test"})
    assert result.exit_code == 0, result.stderr
    doc = json.loads(out.read_text())
    assert [a["article"]["path"] for a in doc["articles"]] == list(map(str, paths)) and doc["failed"] == []
    assert "/v1/chat/completions" not in [r["path"] for r in server.requests]  # the batch answered every article
    lines = result.stderr.splitlines()
    assert sorted(line for line in lines if "could not cache" in line) == [
        f"summarize: could not cache {p}: Not a directory" for p in paths]
    assert [line for line in lines if "batch id" in line] == [
        f"summarize: could not keep the batch id under {cache_dir}: Not a directory "
        "(an interrupted run would submit a new batch)"]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
@pytest.mark.parametrize("with_storylines", [True, False])
def test_a_briefing_written_from_its_spool_is_the_briefing_held_in_memory(fmt, with_storylines):
    import io

    from summarizer.briefing.merge import MergeIndex, merged
    from summarizer.briefing.report import to_html, to_json, to_markdown, write
    from summarizer.briefing.spool import Spool
    from summarizer.schema import BriefingResult, FailedArticle

    a = _result("a.txt", [_event(1, "A missile hit the Kostyantynivka market, killing 19 people.", "the ministry",
                                 [("19", 19.0, "people")], ["Kostyantynivka"])])
    b = _result("b.txt", [_event(1, "The market strike in Kostiantynivka killed 40 people, civil defence said.",
                                 "civil defence", [("40", 40.0, "people")], ["Kostiantynivka"])])
    c = _result("c.txt", [])
    whole = BriefingResult(generated="2026-11-21T08:00:00+00:00", articles=[a, b, c], storylines=storylines([a, b]),
                           failed=[FailedArticle(path="d.txt", reason="no such file")], usage=Usage(),
                           tool_version="0")
    assert len(whole.storylines) == 1
    if not with_storylines:
        whole.storylines = []
    spool, index = Spool(), MergeIndex()
    for position, result in ((2, c), (0, a), (1, b)):  # in the order they finished
        spool.put(position, result)
        index.add(position, result)
    out = io.StringIO()
    loaded = []
    stories = merged(index, lambda article: loaded.append(article) or spool.get(article)) if with_storylines else []
    assert loaded == []  # the storylines are built as they are written, from the records they cite
    write(fmt, whole.model_copy(update={"articles": [], "storylines": []}), out, articles=spool, storylines=stories)
    spool.close()
    assert sorted(loaded) == ([0, 1] if with_storylines else [])
    assert out.getvalue() == {"json": to_json, "md": to_markdown, "html": to_html}[fmt](whole)
    if fmt == "json":
        assert json.loads(out.getvalue()) == json.loads(whole.model_dump_json())


@pytest.mark.parametrize("fail", ["write", "read"])
def test_a_spool_that_cannot_be_written_or_read_gives_a_warning_or_one_line_not_a_traceback(tmp_path, monkeypatch,
                                                                                            fail):
    monkeypatch.setattr("summarizer.pipeline.Summarizer.__init__", _fake_init)
    faulty_temporary_files(monkeypatch, "summarizer.briefing.spool", fail)
    grid, market = ARTICLES / "grid_repairs.txt", ARTICLES / "market_strike.txt"
    out = tmp_path / "briefing.json"
    result = CliRunner().invoke(app, ["briefing", str(grid), str(market), "-o", str(out), "--no-cache",
                                      "--fixtures", "off", "--merge", "embeddings"])
    assert "Traceback" not in result.stderr and isinstance(result.exception, (SystemExit, type(None)))
    if fail == "write":  # the results are held in memory instead: the briefing is whole
        assert result.exit_code == 0, result.stderr
        doc = json.loads(out.read_text())
        assert [a["article"]["path"] for a in doc["articles"]] == [str(grid), str(market)]
        assert sorted(line for line in result.stderr.splitlines() if "could not spool" in line) == [
            f"summarize: could not spool {p} to disk: No space left on device; kept in memory" for p in (grid, market)]
    else:
        assert result.exit_code == 1 and not out.exists()
        assert result.stderr.splitlines()[-1] == ("summarize: cannot read a finished article back from the "
                                                  "briefing's temporary file: Input/output error")


def test_json_output_keeps_line_separators_inside_strings():
    from summarizer.briefing.report import to_json
    from summarizer.schema import BriefingResult

    odd = "A missile hit the market,\u2028killing 19\u2029people\x85in Kostyantynivka."
    a = _result("a.txt", [_event(1, odd, "the ministry", [("19", 19.0, "people")], ["Kostyantynivka"])])
    b = _result("b.txt", [_event(1, "The market strike in Kostiantynivka killed 19 people.", "civil defence",
                                 [("19", 19.0, "people")], ["Kostiantynivka"])])
    whole = BriefingResult(generated="2026-11-21T08:00:00+00:00", articles=[a, b], storylines=storylines([a, b]),
                           usage=Usage(), tool_version="0")
    assert whole.storylines[0].items[0].summary == odd
    assert to_json(whole) == whole.model_dump_json(indent=2) + "\n"


def test_a_briefing_names_a_bad_file_once_and_never_waits_on_a_fifo(tmp_path, monkeypatch):
    import os

    monkeypatch.setattr("summarizer.pipeline.Summarizer.__init__", _fake_init)
    empty, fifo, out = tmp_path / "empty.txt", tmp_path / "fifo.txt", tmp_path / "briefing.json"
    empty.write_text("  \n")
    os.mkfifo(fifo)
    timer = threading.Timer(5.0, lambda: os.close(os.open(fifo, os.O_WRONLY)))  # fails the test, not hangs it
    timer.daemon = True
    timer.start()
    result = CliRunner().invoke(app, ["briefing", str(empty), str(fifo), str(ARTICLES / "grid_repairs.txt"),
                                      "-o", str(out), "--no-cache", "--fixtures", "off"])
    timer.cancel()
    assert result.exit_code == 3
    reasons = {"empty.txt": "is empty (no article text)",
               "fifo.txt": "is a named pipe (FIFO), not a regular file (give an article file, or '-' to read stdin)"}
    doc = json.loads(out.read_text())
    assert doc["failed"] == [{"path": str(tmp_path / name), "reason": reason} for name, reason in reasons.items()]
    for name, reason in reasons.items():
        assert f"summarize: {tmp_path / name}: {reason}\n" in result.stderr
    assert result.stderr.count(str(empty)) == 1 and len(doc["articles"]) == 1


# -- hostile article text and file names in the reports ------------------------------------------------------

HOSTILE_PATH = "javascript:alert(document.domain).txt"
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[click](javascript:alert(3))",
           "<javascript:alert(4)>", "![pixel](javascript:alert(5))"]


def _hostile_briefing():
    from summarizer.schema import BriefingResult, Digest

    text = " ".join(HOSTILE)
    a = _result(HOSTILE_PATH, [_event(1, f"A missile hit the Kostyantynivka market, killing 19 people. {text}",
                                      f"the ministry {HOSTILE[1]}", [("19", 19.0, "people")], ["Kostyantynivka"])])
    a.article.title = f"Strike {HOSTILE[0]}"
    a.article.outlet = HOSTILE[2]
    a.digest = Digest(text=f"# Heading\n{text}")
    b = _result("//evil.example/b.txt", [_event(1, "The market strike in Kostiantynivka killed 40 people, civil "
                                                   "defence said.", "civil defence", [("40", 40.0, "people")],
                                                "Kostiantynivka".split())])
    return BriefingResult(generated="2026-11-21T08:00:00+00:00", articles=[a, b], storylines=storylines([a, b]),
                          usage=Usage(), tool_version="0")


def _links(html: str) -> list[str]:
    from html.parser import HTMLParser

    hrefs: list[str] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            hrefs.extend(v or "" for k, v in attrs if k in ("href", "src"))

    Collect().feed(html)
    return hrefs


def _safe_href(href: str) -> bool:
    """A relative reference with no scheme and no host (a file next to the page), or an http(s) URL."""
    from urllib.parse import urlsplit

    parts = urlsplit(href)
    return (parts.scheme, parts.netloc) == ("", "") or parts.scheme in ("http", "https") and bool(parts.netloc)


def test_the_html_briefing_links_articles_only_by_relative_file_urls_or_http():
    from urllib.parse import unquote

    from summarizer.briefing.report import to_html

    briefing = _hostile_briefing()
    assert len(briefing.storylines) == 1
    page = to_html(briefing)
    hrefs = _links(page)
    assert len(hrefs) >= 5 and all(_safe_href(h) for h in hrefs), hrefs
    assert "javascript:" not in " ".join(hrefs).lower() and not any(h.startswith("//") for h in hrefs)
    assert unquote(hrefs[0]) in (HOSTILE_PATH, "./" + HOSTILE_PATH)  # still the file, by a relative URL
    assert HOSTILE_PATH in page  # the file's name is shown as it is


def test_the_markdown_briefing_escapes_article_text_and_links_no_scripts():
    from markdown_it import MarkdownIt

    from summarizer.briefing.report import to_markdown

    text = to_markdown(_hostile_briefing())
    assert "<script" not in text and "<img" not in text and "<javascript:" not in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text, re.IGNORECASE)  # "\](" is text, not a link
    for renderer in (MarkdownIt("commonmark", {"html": True}),
                     MarkdownIt("gfm-like", {"html": True, "linkify": False})):
        html = renderer.render(text)
        assert "<script" not in html and "<img" not in html and "<h1>Heading" not in html, html
        hrefs = _links(html)
        assert hrefs and all(_safe_href(h) for h in hrefs), hrefs
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not run
    assert "Strike &lt;script&gt;" in text or "Strike \\<script\\>" in text
