"""01-005 (content outside the tree, orphaned MCIDs), 01-003/01-004 (Artifact nesting)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from audit_pdfs import form_xobject, helvetica, save, tiny_pdf

from leafpress.audit import audit_pdf

TEXT = b"BT /F1 24 Tf 72 700 Td (Hello) Tj ET"


def fonts() -> dict[str, pikepdf.Dictionary]:
    return {"F1": helvetica()}


def _findings(pdf: pikepdf.Pdf, folder: Path, condition: str) -> list[str]:
    report = audit_pdf(save(pdf, folder))
    return [f.message for f in report.findings if f.condition == condition]


def test_tagged_text_passes(tmp_path: Path) -> None:
    pdf = tiny_pdf(b"/P <</MCID 0>> BDC " + TEXT + b" EMC", fonts=fonts(), mcids=(0,))

    assert _findings(pdf, tmp_path, "01-005") == []


def test_artifact_text_passes(tmp_path: Path) -> None:
    pdf = tiny_pdf(
        b"/Artifact <</Type /Pagination>> BDC " + TEXT + b" EMC", fonts=fonts(), mcids=(0,)
    )

    assert _findings(pdf, tmp_path, "01-005") == []


@pytest.mark.parametrize(
    "content",
    [
        TEXT,  # no marked content at all
        b"/Span BMC " + TEXT + b" EMC",  # marked, but with no MCID
        b"/OC /oc1 BDC " + TEXT + b" EMC",  # optional content is not tagging
    ],
)
def test_text_outside_tagged_content_fails(tmp_path: Path, content: bytes) -> None:
    pdf = tiny_pdf(b"/P <</MCID 0>> BDC EMC " + content, fonts=fonts(), mcids=(0,))

    report = audit_pdf(save(pdf, tmp_path))
    assert "01-005" in report.conditions()
    assert {f.rule for f in report.findings if f.condition == "01-005"} == {
        "PDFUA1-CONTENT-TAGGING-001"
    }


def test_untagged_paths_and_images_are_counted(tmp_path: Path) -> None:
    pdf = tiny_pdf(
        b"0 0 100 100 re f BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI", fonts=fonts(), mcids=(0,)
    )

    # page-validation misses the inline image, and with it the whole page: leafpress's own
    # check fills the gap
    (finding,) = [f for f in audit_pdf(save(pdf, tmp_path)).findings if f.condition == "01-005"]
    assert finding.rule is None
    assert "1 path painting operator(s)" in finding.message
    assert "1 image painting operator(s)" in finding.message


def test_mcid_missing_from_the_tree_fails(tmp_path: Path) -> None:
    content = b"/P <</MCID 0>> BDC " + TEXT + b" EMC /P <</MCID 1>> BDC " + TEXT + b" EMC"
    pdf = tiny_pdf(content, fonts=fonts(), mcids=(0,))

    # page-validation does not see this (WeasyPrint's footers look like it): leafpress does
    report = audit_pdf(save(pdf, tmp_path))
    (finding,) = [f for f in report.findings if f.condition == "01-005"]
    assert finding.rule is None
    assert finding.message.startswith("Marked content MCID 1 is not reachable")
    assert finding.page == 1


def test_named_property_lists_are_resolved(tmp_path: Path) -> None:
    pdf = tiny_pdf(b"/P /MC0 BDC " + TEXT + b" EMC", fonts=fonts(), mcids=(0,))
    pdf.pages[0].Resources.Properties = pikepdf.Dictionary(MC0=pikepdf.Dictionary(MCID=0))

    assert _findings(pdf, tmp_path, "01-005") == []


def test_form_xobject_content_is_followed(tmp_path: Path) -> None:
    pdf = tiny_pdf(b"/Fm0 Do", fonts=fonts(), mcids=(0,))
    font_resources = pdf.pages[0].Resources.Font
    pdf.pages[0].Resources.XObject = pikepdf.Dictionary(
        Fm0=form_xobject(pdf, TEXT, pikepdf.Dictionary(Font=font_resources))
    )

    assert _findings(pdf, tmp_path, "01-005") != []


def test_form_xobject_drawn_inside_tagged_content_passes(tmp_path: Path) -> None:
    pdf = tiny_pdf(b"/P <</MCID 0>> BDC /Fm0 Do EMC", fonts=fonts(), mcids=(0,))
    font_resources = pdf.pages[0].Resources.Font
    pdf.pages[0].Resources.XObject = pikepdf.Dictionary(
        Fm0=form_xobject(pdf, TEXT, pikepdf.Dictionary(Font=font_resources))
    )

    assert _findings(pdf, tmp_path, "01-005") == []


def test_form_xobject_mcids_referenced_through_an_mcr(tmp_path: Path) -> None:
    pdf = tiny_pdf(b"/Fm0 Do", fonts=fonts(), mcids=(0,))
    font_resources = pdf.pages[0].Resources.Font
    form = pdf.make_indirect(
        form_xobject(
            pdf, b"/P <</MCID 0>> BDC " + TEXT + b" EMC", pikepdf.Dictionary(Font=font_resources)
        )
    )
    pdf.pages[0].Resources.XObject = pikepdf.Dictionary(Fm0=form)
    paragraph = pdf.Root.StructTreeRoot.K[0]
    paragraph.K = pikepdf.Array(
        [pikepdf.Dictionary(Type=pikepdf.Name.MCR, MCID=0, Stm=form, Pg=pdf.pages[0].obj)]
    )

    assert _findings(pdf, tmp_path, "01-005") == []


def test_artifact_inside_tagged_content(tmp_path: Path) -> None:
    content = b"/P <</MCID 0>> BDC /Artifact BMC " + TEXT + b" EMC EMC"
    pdf = tiny_pdf(content, fonts=fonts(), mcids=(0,))

    report = audit_pdf(save(pdf, tmp_path))
    assert "01-003" in report.conditions()
    assert "01-004" not in report.conditions()


def test_tagged_content_inside_an_artifact(tmp_path: Path) -> None:
    content = b"/Artifact BMC /P <</MCID 0>> BDC " + TEXT + b" EMC EMC"
    pdf = tiny_pdf(content, fonts=fonts(), mcids=(0,))

    report = audit_pdf(save(pdf, tmp_path))
    assert "01-004" in report.conditions()
    assert "01-003" not in report.conditions()
