"""The end of every one-file format: words we use, about this information, other formats."""

from __future__ import annotations

from leafpress.content.governance import dates_heading, dates_lines, dates_note
from leafpress.content.long_dates import long_date
from leafpress.content.selection import Selection
from leafpress.outputs import wording
from leafpress.outputs.blocks import (
    Block,
    Definitions,
    Heading,
    Lines,
    ListBlock,
    Paragraph,
    Part,
    References,
    Run,
)
from leafpress.project.contacts import Contacts


def _para(text: str) -> Paragraph:
    return Paragraph((Run(text),))


def _bullets(lines: list[str]) -> ListBlock:
    return ListBlock(False, tuple((_para(line),) for line in lines))


def reference_text(selection: Selection) -> tuple[tuple[int, str, str], ...]:
    """Each reference as (number, text, url), worded as in print."""
    language = selection.leaflet.definition.language
    entries = []
    for item in selection.references:
        ref = item.reference
        text = f"{ref.authors}. " if ref.authors else ""
        text += ref.title + ("" if ref.title[-1] in ".?!" else ".")
        text += f" {ref.publisher}," if ref.publisher else ""
        text += f" {ref.year}." if ref.year else " no date."
        if ref.url and ref.accessed:
            text += f" (Accessed {long_date(ref.accessed, language)}.)"
        entries.append((item.number, text, ref.url or ""))
    return tuple(entries)


def _local_contacts(contacts: Contacts | None) -> list[Block]:
    """The team's details, as print's end section has them (templates/contacts.html.j2)."""
    if contacts is None:
        return []
    blocks: list[Block] = [
        Heading(3, "Your local contacts"),
        Lines((f"{contacts.team[:1].upper()}{contacts.team[1:]}, {contacts.hospital}",
               f"Nurse line: {contacts.nurse_phone} ({contacts.nurse_hours})",
               f"{contacts.helpline_name}: {contacts.helpline_phone}")),
    ]
    if contacts.note:
        blocks.append(_para(contacts.note))
    return blocks


def _about(selection: Selection, formats: tuple[str, ...]) -> tuple[Block, ...]:
    definition = selection.leaflet.definition
    language = definition.language
    publisher = selection.leaflet.publisher
    blocks = _local_contacts(selection.leaflet.contacts)
    blocks.append(Heading(3, "Who checked this information"))
    total = len(selection.sections)
    credits = []
    for credit in selection.credits:
        line = f"{credit.reviewer.name}, {credit.reviewer.role}"
        if len(credit.sections) < total:
            line += f" (reviewed: {', '.join(credit.sections)})"
        credits.append(line)
    if credits:
        blocks.append(_bullets(credits))
    if selection.draft:
        blocks.append(_para(wording.draft_statement(selection)))
    blocks.append(Heading(3, "References"))
    entries = reference_text(selection)
    blocks.append(References(entries) if entries else _para("This leaflet lists no references."))
    blocks += [
        Heading(3, dates_heading(selection.draft)),
        Lines(dates_lines(selection.draft, long_date(selection.reviewed, language),
                                  long_date(selection.next_review, language))),
        _para(dates_note(selection.draft)),
        Heading(3, "Available in other formats"),  # where print has it, in every format
        *_formats(selection, formats),
        Heading(3, "Who published this"),
    ]
    contact = [publisher.organisation, *publisher.address, f"Phone: {publisher.phone}"]
    if publisher.email:
        contact.append(f"Email: {publisher.email}")
    contact.append(f"Website: {publisher.website}")
    if publisher.charity_number:
        contact.append(publisher.charity_number)
    blocks.append(Lines(tuple(contact)))
    blocks.append(_para(f"Product code {definition.product_code}, version {definition.version}."))
    blocks += [Heading(3, "Disclaimer"), _para(wording.DISCLAIMER)]
    return tuple(blocks)


def _formats(selection: Selection, formats: tuple[str, ...]) -> tuple[Block, ...]:
    publisher = selection.leaflet.publisher
    blocks: list[Block] = []
    if formats:
        blocks += [_para("This leaflet is made in these formats:"), _bullets(list(formats))]
    # Not the publisher's own other_formats: it may offer formats leafpress does not make.
    blocks.append(_para("To ask for it in another format, phone " + publisher.phone
                        + (f" or email {publisher.email}" if publisher.email else "") + "."))
    return tuple(blocks)


def end_parts(selection: Selection, formats: tuple[str, ...]) -> list[Part]:
    """The parts after the leaflet's sections, in the order print has them."""
    parts = []
    if selection.glossary:
        entries = tuple((e.term, e.definition) for e in selection.glossary)
        parts.append(Part("Words we use", 2, (Definitions(entries),), kind="glossary",
                          anchor="words-we-use"))
    parts.append(Part("About this information", 2, _about(selection, formats), kind="about",
                      anchor="about"))
    return parts
