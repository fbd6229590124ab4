"""The shipped contract: schemas/ is fresh, and the wheel installs only `summarizer`."""

import json
import zipfile

from conftest import ROOT

from summarizer.schema import briefing_json_schema, output_json_schema


def test_shipped_schema_is_fresh():
    shipped = json.loads((ROOT / "schemas" / "article.schema.json").read_text())
    assert shipped == output_json_schema(), (
        "schemas/article.schema.json is stale: run `summarize schema > schemas/article.schema.json`")


def test_shipped_briefing_schema_is_fresh():
    shipped = json.loads((ROOT / "schemas" / "briefing.schema.json").read_text())
    assert shipped == briefing_json_schema(), (
        "schemas/briefing.schema.json is stale: run `summarize schema --briefing > schemas/briefing.schema.json`")


def test_wheel_has_one_top_level_package_with_prompts_and_schemas_inside(tmp_path):
    from hatchling.builders.wheel import WheelBuilder

    wheel = next(iter(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])))
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert top == {"summarizer"}
    # the distribution name is one PyPI does not already hold (`summarizer` is another project's)
    assert {n.split("/", 1)[0] for n in names if n.endswith(".dist-info/METADATA")} == {
        f"summarizer_news-{__import__('summarizer').__version__}.dist-info"}
    assert "summarizer/_data/prompts/v1/system.j2" in names
    assert "summarizer/_data/schemas/article.schema.json" in names
    assert "summarizer/py.typed" in names  # the library's annotations count for its users' type checkers
    languages = {f"summarizer/languages/{code}.yaml" for code in ("en", "de", "es", "fr", "it", "pt", "ru", "uk")}
    assert languages <= set(names)
    # the report layouts, which summarizer.briefing.report loads by package name
    templates = {f"summarizer/briefing/templates/briefing.{fmt}.j2" for fmt in ("md", "html")}
    assert templates <= set(names)
