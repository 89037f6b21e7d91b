"""Malformed and hostile PDFs: "could not read" with the reason, or a report; never a crash."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from audit_pdfs import helvetica, save, tiny_pdf, zero_bomb

from leafpress.audit import UnreadablePdfError, audit_pdf

TWO_GB = 2 << 30


def _bomb_pdf(folder: Path, where: str) -> Path:
    pdf = tiny_pdf(b"", fonts={"F1": helvetica()}, mcids=(0,))
    bomb = pikepdf.Stream(pdf, zero_bomb(TWO_GB))
    bomb.Filter = pikepdf.Name.FlateDecode
    if where == "content":
        pdf.pages[0].obj.Contents = pdf.make_indirect(bomb)
    else:
        pdf.pages[0].Resources.Font.F1.ToUnicode = pdf.make_indirect(bomb)
        pdf.pages[0].obj.Contents = pdf.make_stream(b"BT /F1 18 Tf 72 700 Td (Hi) Tj ET")
    path = folder / f"bomb-{where}.pdf"
    pdf.save(path, compress_streams=False)  # keep the 2 MB bomb as it is
    return path


@pytest.mark.parametrize("where", ["content", "to-unicode"])
def test_decompression_bomb_is_refused(tmp_path: Path, where: str) -> None:
    path = _bomb_pdf(tmp_path, where)
    assert path.stat().st_size < 4 << 20  # a 2 GB stream in a few megabytes

    with pytest.raises(UnreadablePdfError) as caught:
        audit_pdf(path)

    (problem,) = caught.value.problems
    assert problem.path == path
    assert problem.message.startswith("could not read: ")
    assert "limit" in problem.message
    assert problem.hint.startswith("Do not open this file")  # what to do, not only why


def test_truncated_file_could_not_be_read(clean_pdf: Path, tmp_path: Path) -> None:
    data = clean_pdf.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])

    with pytest.raises(UnreadablePdfError, match="could not read: "):
        audit_pdf(path)


def test_xref_loop_ends(tmp_path: Path) -> None:
    pdf = tiny_pdf(b"", fonts={}, mcids=())
    path = tmp_path / "plain.pdf"
    pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    data = path.read_bytes()
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    looped = re.sub(rb"trailer\s*<<", b"trailer << /Prev %d" % start, data)
    assert looped != data
    path.write_bytes(looped)  # the cross-reference section names itself as the previous one

    try:
        report = audit_pdf(path)
    except UnreadablePdfError as error:
        assert "could not read" in str(error)
    else:
        assert not report.passed  # untagged, with no metadata: it must not pass


def test_struct_tree_cycle_is_refused_not_followed(tmp_path: Path) -> None:
    pdf = tiny_pdf(b"/P <</MCID 0>> BDC EMC", fonts={}, mcids=(0,))
    paragraph = pdf.Root.StructTreeRoot.K[0]
    paragraph.K = pikepdf.Array([0, paragraph])

    with pytest.raises(UnreadablePdfError, match="could not read: reference chain"):
        audit_pdf(save(pdf, tmp_path))


def test_password_protected_file_could_not_be_read(tmp_path: Path) -> None:
    pdf = tiny_pdf(b"", fonts={}, mcids=())
    path = tmp_path / "locked.pdf"
    pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner"))

    with pytest.raises(UnreadablePdfError, match="could not read: the PDF is encrypted") as caught:
        audit_pdf(path)
    assert "without a password" in caught.value.problems[0].hint


class _Panic(BaseException):
    """What a Rust panic inside the validator looks like from Python."""


def test_a_validator_panic_is_could_not_read(
    clean_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def panic(*args: object, **kwargs: object) -> None:
        raise _Panic("index out of bounds")

    monkeypatch.setattr("leafpress.audit.engine.page.validate_pdf", panic)

    with pytest.raises(UnreadablePdfError, match=r"validator stopped .*index out of bounds"):
        audit_pdf(clean_pdf)
