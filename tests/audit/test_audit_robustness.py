"""Broken or odd PDF objects become findings or "could not read", never other exceptions."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from audit_pdfs import form_xobject, helvetica, save, tiny_pdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leafpress.audit import AUDIT_ERROR, UnreadablePdfError, audit_pdf

TAGGED_TEXT = b"/P <</MCID 0>> BDC BT /F1 18 Tf 72 700 Td (Hi) Tj ET EMC"


def _base() -> pikepdf.Pdf:
    return tiny_pdf(TAGGED_TEXT, fonts={"F1": helvetica()}, mcids=(0,))


def _k_is_a_string(pdf: pikepdf.Pdf) -> None:
    pdf.Root.StructTreeRoot.K = pikepdf.String("nonsense")


def _k_has_junk(pdf: pikepdf.Pdf) -> None:
    paragraph = pdf.Root.StructTreeRoot.K[0]
    paragraph.K = pikepdf.Array([None, pikepdf.Name.X, pikepdf.Dictionary(Type=pikepdf.Name.MCR)])


def _tree_cycle(pdf: pikepdf.Pdf) -> None:
    paragraph = pdf.Root.StructTreeRoot.K[0]
    paragraph.K = pikepdf.Array([0, paragraph])


def _role_map_cycle(pdf: pikepdf.Pdf) -> None:
    pdf.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary(A=pikepdf.Name.B, B=pikepdf.Name.A)
    pdf.Root.StructTreeRoot.K[0].S = pikepdf.Name.A


def _garbage_content(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].Contents.write(b"BT /F1 Tf ) Tj [ << /MCID >> BDC 1 2 cm Q Q EMC ET (")


def _font_is_a_string(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].Resources.Font.F1 = pikepdf.String("Helvetica")


def _no_contents(pdf: pikepdf.Pdf) -> None:
    del pdf.pages[0].obj["/Contents"]


def _self_drawing_form(pdf: pikepdf.Pdf) -> None:
    form = pdf.make_indirect(form_xobject(pdf, b"/Fm0 Do", pikepdf.Dictionary()))
    form.Resources.XObject = pikepdf.Dictionary(Fm0=form)
    pdf.pages[0].Resources.XObject = pikepdf.Dictionary(Fm0=form)
    pdf.pages[0].Contents.write(b"/Artifact BMC /Fm0 Do EMC")


def _odd_catalog(pdf: pikepdf.Pdf) -> None:
    pdf.Root.MarkInfo = pikepdf.Array([1])
    pdf.Root.ViewerPreferences = pikepdf.Name.Yes
    pdf.Root.Lang = pikepdf.Name("/en")
    pdf.Root.Metadata = pikepdf.Dictionary()


def _odd_annotations(pdf: pikepdf.Pdf) -> None:
    link = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link)
    pdf.pages[0].obj.Annots = pikepdf.Array([None, 3, link])


def _garbage_to_unicode(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].Resources.Font.F1.ToUnicode = pdf.make_stream(b"beginbfchar <41> ) [ endbfchar")


def _bad_form_matrix(pdf: pikepdf.Pdf) -> None:
    form = form_xobject(pdf, b"", pikepdf.Dictionary(), Matrix=pikepdf.Array([1, "x"]))
    pdf.pages[0].Resources.XObject = pikepdf.Dictionary(Fm0=form)
    pdf.pages[0].Contents.write(b"/Fm0 Do")


@pytest.mark.parametrize(
    "breakage",
    [
        _k_is_a_string,
        _k_has_junk,
        _tree_cycle,
        _role_map_cycle,
        _garbage_content,
        _font_is_a_string,
        _no_contents,
        _self_drawing_form,
        _odd_catalog,
        _odd_annotations,
        _garbage_to_unicode,
        _bad_form_matrix,
    ],
)
def test_broken_objects_do_not_raise(
    tmp_path: Path, breakage: Callable[[pikepdf.Pdf], None]
) -> None:
    pdf = _base()
    breakage(pdf)
    path = save(pdf, tmp_path)

    try:
        report = audit_pdf(path, large_print=True)
    except UnreadablePdfError as error:  # the engine refuses some damage outright
        assert str(path) in str(error)
        assert "could not read" in str(error)
        return
    assert not report.passed
    assert report.checks_run  # every check was attempted


def test_recursive_form_is_reported_not_followed_forever(tmp_path: Path) -> None:
    pdf = _base()
    _self_drawing_form(pdf)

    report = audit_pdf(save(pdf, tmp_path))

    assert any(f.condition == AUDIT_ERROR and "recursively" in f.message for f in report.findings)


JUNK = st.sampled_from([None, 0, -1, 10**12, 3.5, "junk", "/Junk", "[]", "{}", "[[0]]", "self"])


def _junk_object(pdf: pikepdf.Pdf, kind: str, target: pikepdf.Object) -> object:
    if kind == "/Junk":
        return pikepdf.Name.Junk
    if kind == "[]":
        return pikepdf.Array()
    if kind == "{}":
        return pikepdf.Dictionary()
    if kind == "[[0]]":
        return pikepdf.Array([pikepdf.Array([0])])
    if kind == "self":
        return target
    if kind == "junk":
        return pikepdf.String("junk")
    return kind


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_object_damage_never_raises(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory, clean_pdf: Path
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    with pikepdf.open(clean_pdf) as pdf:
        containers = [
            obj
            for obj in pdf.objects
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Array)) and len(obj.keys() if
               isinstance(obj, pikepdf.Dictionary) else obj) > 0
        ]  # fmt: skip
        target = data.draw(st.sampled_from(containers))
        junk = _junk_object(pdf, data.draw(JUNK), target)
        if isinstance(target, pikepdf.Array):
            target[data.draw(st.integers(0, len(target) - 1))] = junk
        else:
            key = data.draw(st.sampled_from(sorted(target.keys())))
            if key == "/Length":
                pass
            elif junk is None:
                del target[key]
            else:
                target[key] = junk
        path = folder / "damaged.pdf"
        try:
            pdf.save(path, fix_metadata_version=False)
        except pikepdf.PdfError:
            return  # qpdf refuses to write this damage; nothing to audit

    try:
        report = audit_pdf(path, large_print=True)
    except UnreadablePdfError as error:  # the one exception audit_pdf may raise
        assert str(path) in str(error)
        return

    assert isinstance(report.passed, bool)


@pytest.mark.slow
def test_rewritten_with_object_streams_still_passes(clean_pdf: Path, tmp_path: Path) -> None:
    with pikepdf.open(clean_pdf) as pdf:
        path = tmp_path / "linearized.pdf"
        pdf.save(
            path,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            linearize=True,
            fix_metadata_version=False,
        )

    assert audit_pdf(path).passed


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="needs poppler's pdftocairo")
def test_pdftocairo_output_is_audited_as_untagged(clean_pdf: Path, tmp_path: Path) -> None:
    path = tmp_path / "cairo.pdf"
    subprocess.run(["pdftocairo", "-pdf", str(clean_pdf), str(path)], check=True)

    report = audit_pdf(path)

    assert {"01-005", "06-001", "11-001"} <= report.conditions()
    assert AUDIT_ERROR not in report.conditions()


def test_resources_inherited_from_the_page_tree(tmp_path: Path) -> None:
    pdf = _base()
    pdf.Root.Pages.Resources = pdf.pages[0].obj.Resources
    del pdf.pages[0].obj["/Resources"]

    report = audit_pdf(save(pdf, tmp_path), large_print=True)

    assert "10-001" not in report.conditions()  # the font was found
    assert "31-009" in report.conditions()  # ... and judged: Helvetica is not embedded
