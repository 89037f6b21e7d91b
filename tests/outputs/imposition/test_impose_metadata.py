"""The print file says it is print-only, claims no tagging or PDF/UA, and is reproducible."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pikepdf
from pikepdf import Name

from leafpress.outputs.imposition import impose, save_print_file

BookletFactory = Callable[..., pikepdf.Pdf]
MARKED_CONTENT_OPERATORS = "BMC BDC EMC MP DP"


def content_streams(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Page | pikepdf.Object]:
    """Every page and every form XObject in the file."""
    yield from pdf.pages
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == Name.Form:
            yield obj


def untagged_problems(pdf: pikepdf.Pdf) -> list[str]:
    """What in the file still claims or carries tagging; empty for a clean print file."""
    problems = [f"catalog has {key}" for key in ("/StructTreeRoot", "/MarkInfo") if key in pdf.Root]
    if "pdfuaid" in str(pdf.open_metadata()):
        problems.append("XMP claims PDF/UA (pdfuaid)")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            problems += [f"object has {k}" for k in ("/StructParents", "/StructParent") if k in obj]
    for stream in content_streams(pdf):
        if pikepdf.parse_content_stream(stream, MARKED_CONTENT_OPERATORS):
            problems.append("marked content in a content stream")
    return problems


def test_print_file_says_print_only(make_booklet: BookletFactory) -> None:
    imposed = impose(make_booklet(6), reading_filename="living-with-sbc.pdf")
    info = imposed.docinfo
    assert str(info["/Title"]) == "Living with secondary breast cancer (print file)"
    subject = str(info["/Subject"])
    assert "for printing only" in subject and "living-with-sbc.pdf" in subject
    assert str(info["/LeafpressPurpose"]) == "print-only"
    xmp = imposed.open_metadata()
    assert xmp["dc:description"] == subject
    assert xmp["dc:title"] == str(info["/Title"])
    assert bool(imposed.Root.ViewerPreferences.DisplayDocTitle)


def test_reading_copy_is_named_even_without_a_file_name(make_booklet: BookletFactory) -> None:
    imposed = impose(make_booklet(4, title=""))
    assert str(imposed.docinfo["/Title"]) == "Print file"
    assert "For reading, use the reading PDF." in str(imposed.docinfo["/Subject"])


def test_print_file_carries_no_tagging(make_booklet: BookletFactory) -> None:
    source = make_booklet(6)
    imposed = impose(source)
    assert untagged_problems(imposed) == []
    assert str(imposed.Root.Lang) == "en-GB"


def test_untagged_check_fails_on_the_tagged_reading_pdf(make_booklet: BookletFactory) -> None:
    problems = untagged_problems(make_booklet(6))
    assert "catalog has /StructTreeRoot" in problems
    assert "catalog has /MarkInfo" in problems
    assert "XMP claims PDF/UA (pdfuaid)" in problems
    assert "object has /StructParents" in problems and "object has /StructParent" in problems
    assert "marked content in a content stream" in problems


def test_fonts_are_shared_not_copied_per_page(make_booklet: BookletFactory) -> None:
    imposed = impose(make_booklet(10))
    fonts = [
        o
        for o in imposed.objects
        if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == Name.Font
    ]
    assert len(fonts) == 1
    per_page = make_booklet(2)
    per_page.pages[1].obj.Resources.Font.F1 = per_page.make_indirect(
        pikepdf.Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    )
    doubled = impose(per_page)
    assert (
        len(
            [
                o
                for o in doubled.objects
                if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == Name.Font
            ]
        )
        == 2
    )


def test_no_dates_unless_the_reading_pdf_has_them(make_booklet: BookletFactory) -> None:
    imposed = impose(make_booklet(4))
    assert "/CreationDate" not in imposed.docinfo and "/ModDate" not in imposed.docinfo
    assert "Date" not in str(imposed.open_metadata())
    dated_source = make_booklet(4)
    dated_source.docinfo.CreationDate = "D:20260101000000Z"
    dated = impose(dated_source)
    assert str(dated.docinfo["/CreationDate"]) == "D:20260101000000Z"
    assert "CreateDate" in str(dated.open_metadata())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_input_gives_the_same_bytes(make_booklet: BookletFactory, tmp_path: Path) -> None:
    paths = [tmp_path / f"{name}.pdf" for name in ("a", "b", "other")]
    save_print_file(impose(make_booklet(10), bleed_mm=3, crop_marks=True), paths[0])
    save_print_file(impose(make_booklet(10), bleed_mm=3, crop_marks=True), paths[1])
    save_print_file(impose(make_booklet(10, title="Other"), bleed_mm=3, crop_marks=True), paths[2])
    assert _digest(paths[0]) == _digest(paths[1])
    assert _digest(paths[0]) != _digest(paths[2])
