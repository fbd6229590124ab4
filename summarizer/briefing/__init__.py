"""The daily briefing: many articles -> per-article results -> storylines across outlets -> one report.

One module per step, in the order the data flows:

- `build`: `Briefing`, the library object (`Briefing(settings).build(paths)` -> `Built`); the CLI's
  `summarize briefing` is a thin layer over it;
- `articles`: the per-article stage, concurrent and resumable (`summarize_all`), and its progress tally;
- `batch`: the same stage as one OpenAI Batch API job (`--via batch`);
- `cache`: finished results by content hash, so a re-run makes no call for what is done;
- `spool`: finished results in a temporary file, read back one at a time (memory stays flat);
- `merge`: storylines, records of several articles about one event, figures side by side;
- `confirm`: the model's confirmation of the merge's candidate pairs (`--merge model`);
- `report`: the Markdown, HTML and JSON reports, streamed, from the templates in `templates/`.

Importing this package is cheap: `Briefing` and friends load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.briefing.build import Briefing, BriefingUsageError, Built, Found

__all__ = ["Briefing", "BriefingUsageError", "Built", "Found"]


def __getattr__(name: str):
    if name in __all__:
        from summarizer.briefing import build

        return getattr(build, name)
    raise AttributeError(name)
