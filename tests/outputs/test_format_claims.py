"""No format promises one leafpress does not make: the publisher's own format claim is not shown."""

from __future__ import annotations

import datetime as dt

import pytest

from leafpress import Project
from leafpress.outputs import document
from leafpress.outputs.blocks import Paragraph, plain
from tests.htmlcheck import parse_document, text_of
from tests.minimal_project import PUBLISHER
from tests.minimal_project import Project as Files
from tests.outputs import samples

TODAY = dt.date(2026, 6, 1)
CLAIM = "also in easy read and Makaton"
ASK = "another format, phone 01234 567890"


def _document_text(engine: Project) -> str:
    """Every word of the document model that text, braille, Word and audio are made from."""
    doc = document.build(engine.select("x"), ())
    words = [*doc.notices]
    for part in doc.parts:
        words += [plain(block.runs) for block in part.blocks if isinstance(block, Paragraph)]
    return " ".join(words)


def test_the_publishers_own_format_claim_is_shown_in_no_format(project: Files) -> None:
    project.write("leaflets/publishers/p.yaml",
                  PUBLISHER + f"other_formats: This leaflet is {CLAIM}.\n", dedent=False)
    engine = Project.open(project.root)
    html, _ = engine.print_html("x", today=TODAY)
    web = text_of(parse_document(engine.render("x", format="web", today=TODAY).data.decode()))
    text = " ".join(engine.render("x", format="text", today=TODAY).data.decode().split())
    model = _document_text(engine)
    for shown in (html, web, text, model):
        assert CLAIM not in shown
    for shown in (web, text, model):  # each still says how to ask for another
        assert ASK in shown


@pytest.mark.parametrize("leaflet_id", samples.LEAFLET_IDS)
def test_no_sample_promises_easy_read(leaflet_id: str) -> None:
    """leafpress makes no easy read version, so no sample may offer one."""
    for format_name in ("web", "text"):
        assert "easy read" not in samples.rendered(leaflet_id, format_name).data.decode().lower()
    html, _ = samples.project().print_html(leaflet_id, today=samples.TODAY)
    assert "easy read" not in html.lower()
