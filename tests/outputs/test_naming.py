"""Each format names itself for readers; print's sentence and every list of formats ask it."""

from __future__ import annotations

from dataclasses import dataclass

from leafpress.editions import EDITIONS, Edition, large_print_edition, primary_edition
from leafpress.outputs import FORMATS
from leafpress.outputs.naming import (
    ReaderNames,
    described_files,
    list_names,
    sentence_names,
)

TACTILE = ReaderNames(in_sentence="a tactile map", in_list="tactile map",
                      described="Tactile map, to feel")


@dataclass(frozen=True)
class Tactile:
    """A format the registry does not know: naming must need nothing but the format."""

    reader_names: ReaderNames | None = TACTILE

    def filename(self, edition: Edition) -> str:
        return "map.svg"


def test_every_format_names_itself_and_only_the_printers_file_is_not_for_readers() -> None:
    for name, output in FORMATS.items():
        names = output.reader_names
        if name == "print-pdf":
            assert names is None
            continue
        assert names is not None, name
        assert all((names.in_sentence, names.in_list, names.described)), name


def test_a_new_format_is_named_everywhere_from_its_own_module() -> None:
    made = [(Tactile(), primary_edition())]
    assert sentence_names(made) == ("a tactile map",)
    assert list_names(made) == ("tactile map",)
    assert described_files(made) == ("Tactile map, to feel (map.svg)",)


def test_the_pdf_is_named_for_each_edition_and_the_printers_file_for_none() -> None:
    made = [(FORMATS["pdf"], primary_edition()), (FORMATS["pdf"], large_print_edition()),
            (FORMATS["print-pdf"], primary_edition()), (FORMATS["web"], primary_edition())]
    assert sentence_names(made) == ("standard print (PDF)", "large print (PDF)", "a web page")
    assert list_names(made) == ("standard print PDF", "large print PDF", "web page")
    assert described_files(made) == (
        "Standard print PDF, to read on screen or print (standard.pdf)",
        "Large print PDF, to read on screen or print (large-print.pdf)",
        "Web page, to read in a browser or send by email (web.html)")


def test_a_name_is_given_once_even_when_two_files_share_it() -> None:
    standard = EDITIONS["standard"]
    twice = [(FORMATS["web"], standard), (FORMATS["web"], standard)]
    assert sentence_names(twice) == ("a web page",)
    assert described_files(twice) == ("Web page, to read in a browser or send by email "
                                      "(web.html)",)
