"""Markdown to HTML for sections: citations, callouts, notes lines, checked links and images."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.container import container_plugin

from leafpress.errors import Problem
from leafpress.project.imagefiles import image_problem
from leafpress.project.validation import did_you_mean

CALLOUT_KINDS = ("urgent", "tip", "info")
MAX_NOTE_LINES = 40
#: A callout with more characters than this is "long" (class callout-long): large print
#: lets it continue on the next page; shorter ones are kept whole (styles/large-print.css).
LONG_CALLOUT = 500
#: A heading's last word up to this long is kept with the word before it (no_widow).
NO_WIDOW_LETTERS = 12
#: Tables with this many columns get class "wide": the edition's smallest text size.
WIDE_TABLE_COLUMNS = 4
ALLOWED_LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_CITATION = re.compile(r"\[@([A-Za-z0-9_-]+(?:\s*;\s*@[A-Za-z0-9_-]+)*)\]")
_NOTES_INFO = re.compile(r"^notes(?:\s+(\d+))?\s*$")
#: Kept whole on one line, so no line starts with the rest of a number: a UK phone number,
#: 999 or 111 with the word before it ("call 999"), and a date ("21 November 2026").
_UNBROKEN = re.compile(r"\b0\d{2,4}(?: \d{3,4}){1,2}\b|\S+ (?:999|111)\b"
                       r"|\b\d{1,2} (?:January|February|March|April|May|June|July|August"
                       r"|September|October|November|December) \d{4}\b")
#: A hyphenated word that starts with a number or a single letter ("24-hour", "x-ray"), not
#: in an address: a line ending at its hyphen reads as hyphenation, which large print
#: forbids, and "24-" alone reads as a number.
_COMPOUND = re.compile(r"(?<![\w./-])(\d+|[A-Za-z])-([A-Za-z]{2,12})(?![\w/-])")


@dataclass
class RenderContext:
    """What rendering one section needs to know about the leaflet around it."""

    section_path: Path
    project_root: Path
    heading_offset: int = 1
    citation_numbers: dict[str, int] = field(default_factory=dict)
    id_prefix: str = ""
    inline_citations: bool = True
    """Superscript citation numbers in the text; False leaves them out (listed elsewhere)."""


def cited_keys(body: str) -> list[str]:
    """Citation keys in the order they first appear in a Markdown body."""
    keys: list[str] = []
    for match in _CITATION.finditer(body):
        for key in re.split(r"\s*;\s*", match.group(1)):
            key = key.lstrip("@")
            if key not in keys:
                keys.append(key)
    return keys


def _citation_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[@", state.pos):
        return False
    match = _CITATION.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        # A citation is glued to the word before it: no line break can separate them (a
        # breakable space there let WeasyPrint 70 break lines after their first word).
        state.pending = state.pending.rstrip()
        token = state.push("citation", "", 0)
        token.meta = {"keys": [k.lstrip("@") for k in re.split(r"\s*;\s*", match.group(1))]}
    state.pos = match.end()
    return True


def kept_whole(text: str) -> str:
    """``text`` with its phone numbers, "call 999", dates, "24-hour" and "x-ray" unbroken.

    No-break spaces in the numbers, a word joiner (U+2060, which shows nothing and which
    text extraction drops) after the hyphen. Not a nowrap <span>: an inline box after a
    space makes WeasyPrint 70 break lines early (the fault render.pages.stray_breaks finds).
    """
    text = _UNBROKEN.sub(lambda match: match.group(0).replace(" ", "\N{NO-BREAK SPACE}"), text)
    return _COMPOUND.sub("\\1-\N{WORD JOINER}\\2", text)


def web_address(url: str) -> str:
    """An address a reader types: it may break after a slash, never at a hyphen.

    A word joiner after each hyphen and a zero-width space after each slash of the path:
    both show nothing and text extraction drops them, as with kept_whole's "24-hour".
    """
    joined = url.replace("-", "-\N{WORD JOINER}")
    return re.sub(r"(?<=[^/]/)(?=[^/])", "\N{ZERO WIDTH SPACE}", joined)


#: The invisible characters kept_whole and web_address put in, where they put them.
_LINE_KEEPING = re.compile("(?<=-)\N{WORD JOINER}|(?<=/)\N{ZERO WIDTH SPACE}")


def without_line_keeping(text: str) -> str:
    """``text`` without the invisible characters kept_whole and web_address put in.

    For screens, which reflow: a reader who copies an address, or reads on a braille
    display, would get them. A zero-width space an author wrote (Thai, Lao) stays.
    """
    return _LINE_KEEPING.sub("", text)


def no_widow(text: str, *, words: int | None = None) -> str:
    """A heading's last two words joined by a no-break space, so the last never stands alone.

    Only when the heading has three words or more (``words``: its count, when ``text`` is
    its last part) and its last word is short: two words always fit a line, and a long
    last word on its own does not look stranded.
    """
    head, _, tail = text.rpartition(" ")
    if not head or (words or len(text.split())) < 3 or len(tail) > NO_WIDOW_LETTERS:
        return text
    return f"{head}\N{NO-BREAK SPACE}{tail}"


def _headings_without_widows(state: StateCore) -> None:
    """Core rule: the last words of each heading get :func:`no_widow`."""
    for opening, inline in itertools.pairwise(state.tokens):
        if opening.type == "heading_open" and inline.children:
            last = inline.children[-1]
            if last.type == "text":
                last.content = no_widow(last.content, words=len(inline.content.split()))


def _callout_characters(tokens: Sequence[Token], start: int) -> int:
    """Characters of text in the callout that opens at ``tokens[start]``."""
    depth, count = 0, 0
    for token in tokens[start:]:
        depth += token.nesting if token.type.startswith("container_") else 0
        if depth == 0:
            break
        count += len(token.content) if token.type == "inline" else 0
    return count


def _callout_validate(kind: str) -> Any:
    def validate(params: str, *args: Any) -> bool:
        return params.strip().split(" ", 1)[0] == kind

    return validate


def _render_callout(kind: str) -> Any:
    def render(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        if token.nesting == 1:
            title = token.info.strip()[len(kind):].strip()
            heading = (f'<p class="callout-title"><strong>{no_widow(kept_whole(escape(title)))}'
                       '</strong></p>' if title else "")
            long = " callout-long" if _callout_characters(tokens, idx) > LONG_CALLOUT else ""
            return f'<div class="callout callout-{kind}{long}">{heading}\n'
        return "</div>\n"

    return render


def _render_notes(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    if token.nesting == 1:
        match = _NOTES_INFO.match(token.info.strip())
        lines = int(match.group(1)) if match and match.group(1) else 6
        lines = max(1, min(lines, MAX_NOTE_LINES))
        env["notes_lines"] = lines
        return '<div class="notes">\n'
    # One block per ruled line, so a long notes area breaks cleanly across pages.
    lines = int(env.get("notes_lines", 6))
    ruled = '<div class="note-line"></div>' * lines
    return f'<div class="note-lines" aria-hidden="true">{ruled}</div>\n</div>\n'


def _renderer_rules(md: MarkdownIt) -> None:
    def heading_open(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        context: RenderContext = env["context"]
        level = min(int(tokens[idx].tag[1]) + context.heading_offset, 6)
        return f"<h{level}>"

    def heading_close(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        context: RenderContext = env["context"]
        level = min(int(tokens[idx].tag[1]) + context.heading_offset, 6)
        return f"</h{level}>\n"

    def citation(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        context: RenderContext = env["context"]
        if not context.inline_citations:
            return ""
        numbers = sorted({context.citation_numbers[key] for key in tokens[idx].meta["keys"]})
        # Heard as "source 1", as the PDF's /ActualText says, not as a bare number.
        links = ",".join(f'<a href="#ref-{n}" aria-label="source {n}">{n}</a>' for n in numbers)
        return f'<sup class="cite">{links}</sup>'

    def image(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        context: RenderContext = env["context"]
        token = tokens[idx]
        alt = self.renderInlineAsText(token.children or [], options, env)
        target = (context.section_path.parent / str(token.attrGet("src"))).resolve()
        caption = token.attrGet("title")
        img = f'<img src="{escape(target.as_uri())}" alt="{escape(alt)}">'
        if caption:
            return f"{img}<figcaption>{escape(str(caption))}</figcaption>"
        return img

    def paragraph_open(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        if _only_image(tokens, idx + 1):
            return "<figure>"
        return str(self.renderToken(tokens, idx, options, env))  # tight lists hide their <p>

    def paragraph_close(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        if _only_image(tokens, idx - 1):
            return "</figure>\n"
        return str(self.renderToken(tokens, idx, options, env))

    def raw_html(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        # Loading rejects raw HTML; should any reach here, it is printed as text, never run.
        return escape(tokens[idx].content)

    def text(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return kept_whole(escapeHtml(tokens[idx].content))

    def table_open(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        if _columns(tokens, idx) >= WIDE_TABLE_COLUMNS:
            return '<table class="wide">\n'
        return "<table>\n"

    for name, rule in {
        "text": text,
        "table_open": table_open,
        "html_block": raw_html,
        "html_inline": raw_html,
        "heading_open": heading_open,
        "heading_close": heading_close,
        "citation": citation,
        "image": image,
        "paragraph_open": paragraph_open,
        "paragraph_close": paragraph_close,
    }.items():
        md.add_render_rule(name, rule)


def _columns(tokens: Sequence[Token], table_open: int) -> int:
    """How many columns a table has: the cells of its first row."""
    count = 0
    for token in tokens[table_open + 1:]:
        if token.type in ("th_open", "td_open"):
            count += 1
        elif token.type == "tr_close":
            break
    return count


def _only_image(tokens: Sequence[Token], inline_index: int) -> bool:
    if not 0 <= inline_index < len(tokens):
        return False
    token = tokens[inline_index]
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    return token.type == "inline" and len(children) == 1 and children[0].type == "image"


def make_parser() -> MarkdownIt:
    """The one Markdown dialect leafpress reads (see docs/content-format.md)."""
    md = MarkdownIt("commonmark", {"html": True, "typographer": True})
    md.enable(["table", "replacements", "smartquotes"])
    md.inline.ruler.before("link", "citation", _citation_rule)
    # {lang=cy} after a [span] or on the line before a block: the only attribute allowed.
    md.use(attrs_plugin, spans=True).use(attrs_block_plugin)
    for kind in CALLOUT_KINDS:
        container_plugin(md, kind, validate=_callout_validate(kind), render=_render_callout(kind))
    container_plugin(md, "notes", render=_render_notes)
    _renderer_rules(md)
    md.core.ruler.push("headings_without_widows", _headings_without_widows)
    return md


_PARSER = make_parser()


def parse(body: str) -> list[Token]:
    """Tokens of a Markdown body, from the one shared parser."""
    return _PARSER.parse(body)


def _find(lines: list[str], span: tuple[int, int], needle: str,
          after: tuple[int, int]) -> tuple[int, int] | None:
    """The 0-based (line, column) of ``needle`` within lines ``span``, at or after ``after``."""
    for index in range(max(span[0], after[0]), min(span[1], len(lines))):
        column = lines[index].find(needle, after[1] if index == after[0] else 0)
        if column >= 0:
            return index, column
    return None


def _needle(child: Token) -> str | None:
    """The source text that marks where an inline token is, to report its column."""
    if child.type == "html_inline":
        return child.content
    if child.type == "citation":
        return "[@"
    if child.type in ("link_open", "image"):
        return str(child.attrGet("href") or child.attrGet("src") or "") or None
    return None


def inspect(
    body: str, context: RenderContext, body_line: int, known_keys: set[str]
) -> list[Problem]:
    """Every problem in a section body: raw HTML, headings, links, images, citations."""
    problems: list[Problem] = []
    path = context.section_path
    previous_level = 1
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def add(at: tuple[int, int] | None, message: str, hint: str) -> None:
        if at is None:
            problems.append(Problem(path, None, None, message, hint))
        else:
            problems.append(Problem(path, body_line + at[0], at[1] + 1, message, hint))

    def block_start(token: Token) -> tuple[int, int] | None:
        if not token.map or token.map[0] >= len(lines):
            return None
        text = lines[token.map[0]]
        return token.map[0], len(text) - len(text.lstrip())

    tokens = _PARSER.parse(body, {"context": context})
    for line, message, hint in fence_problems(tokens, lines):
        add((line, len(lines[line]) - len(lines[line].lstrip())), message, hint)
    for token in tokens:
        start = block_start(token)
        for message, hint in _attribute_problems(token):
            add(start, message, hint)
        if token.type == "html_block":
            add(start, f"raw HTML is not allowed: {token.content.strip()[:60]!r}",
                "Write it in Markdown instead; leafpress never passes HTML through.")
        elif token.type == "heading_open":
            level = int(token.tag[1])
            if level == 1:
                add(start, "a section may not use a level-1 heading ('# ')",
                    "Use '## ' for headings inside a section; the leaflet title is the only H1.")
            elif level > previous_level + 1:
                add(start, f"heading level skips from {previous_level} to {level}",
                    f"Use {'#' * (previous_level + 1)} here so that levels nest in order.")
            previous_level = max(level, 2)
        elif token.type == "container_notes_open":
            match = _NOTES_INFO.match(token.info.strip())
            if not match or not 1 <= int(match.group(1) or 6) <= MAX_NOTE_LINES:
                add(start, f"notes block needs a line count from 1 to {MAX_NOTE_LINES}",
                    "Write it as '::: notes 8'.")
        elif token.type == "inline":
            span = (token.map[0], token.map[1]) if token.map else (0, 0)
            cursor = start or (0, 0)
            for child in token.children or []:
                needle = _needle(child)
                found = _find(lines, span, needle, cursor) if needle else None
                if found is not None and needle:
                    cursor = (found[0], found[1] + len(needle))
                at = found or start
                _inspect_inline(child, context, known_keys, lambda m, h, at=at: add(at, m, h))
    return problems


_FENCE_LINE = re.compile(r"^\s*:{3,}\s*(\S*)")
BLOCK_KINDS = (*CALLOUT_KINDS, "notes")


def fence_problems(tokens: Sequence[Token], lines: list[str]) -> list[tuple[int, str, str]]:
    """Unknown ':::' block kinds, stray ':::' lines and blocks never closed (0-based lines)."""
    problems: list[tuple[int, str, str]] = []
    used: set[int] = set()
    code: set[int] = set()
    for token in tokens:
        if not token.map:
            continue
        first, end = token.map
        if token.type in ("fence", "code_block"):
            code.update(range(first, end))
            if token.type == "fence" and (end > len(lines) or not
                                          lines[end - 1].strip().startswith(token.markup)
                                          or end - 1 == first):
                problems.append((first, f"the '{token.markup}' code block is never closed",
                                 f"Add a line with only {token.markup} where it ends."))
        elif token.type.startswith("container_") and token.type.endswith("_open"):
            used.add(first)
            closed = end < len(lines) and _FENCE_LINE.match(lines[end]) is not None
            if closed:
                used.add(end)
            else:
                kind = token.type.removeprefix("container_").removesuffix("_open")
                problems.append((first, f"the '::: {kind}' block is never closed",
                                 "Add a line with only ':::' where the block ends."))
    unknown_open = False
    for number, text in enumerate(lines):
        match = _FENCE_LINE.match(text)
        if match is None or number in used or number in code:
            continue
        kind = match.group(1)
        if kind:
            unknown_open = True
            hint = did_you_mean(kind, BLOCK_KINDS).strip()
            problems.append((number, f"unknown block kind '::: {kind}'",
                             f"{hint} The kinds are: {', '.join(BLOCK_KINDS)}.".strip()))
        elif unknown_open:
            unknown_open = False  # the end of the unknown block reported above
        else:
            problems.append((number, "this ':::' line closes no block",
                             "Delete it, or start the block with a line such as "
                             "'::: tip'."))
    return problems


#: Attributes markdown-it itself sets, per token type; anything else came from {…}.
_OWN_ATTRIBUTES = {
    "link_open": {"href", "title"},
    "image": {"src", "alt", "title"},
    "ordered_list_open": {"start"},
    "th_open": {"style"},
    "td_open": {"style"},
}


def _attribute_problems(token: Token) -> list[tuple[str, str]]:
    """Only {lang=…} may be added to Markdown; a table cell's style only aligns it."""
    from leafpress.project.models import language_tag_problem

    problems = []
    tokens = [token, *(token.children or [])]
    for item in tokens:
        for name, value in (item.attrs or {}).items():
            if name in _OWN_ATTRIBUTES.get(item.type, set()):
                if name == "style" and not re.fullmatch(r"text-align:(left|center|right)",
                                                        str(value)):
                    problems.append((f"attribute style={value!r} is not allowed",
                                     "Only {lang=…} may be set in Markdown."))
                continue
            if name != "lang":
                close = did_you_mean(name, ["lang"])
                problems.append((f"attribute '{name}' is not allowed",
                                 f"{close} Only {{lang=…}} may be set in Markdown, e.g. "
                                 "[Bore da]{lang=cy}.".strip()))
            elif (reason := language_tag_problem(str(value))) is not None:
                problems.append((reason, "Use a tag such as cy, pl or en-GB."))
    return problems


#: Braces that were meant as {lang=…} but were not read as attributes.
_STRAY_ATTRIBUTES = re.compile(r"\]\s*\{[^}]*\}?|\{\s*[.#]?[A-Za-z][\w-]*\s*=[^}]*\}?")


def _inspect_inline(child: Token, context: RenderContext, known_keys: set[str], add: Any) -> None:
    if child.type == "text" and (stray := _STRAY_ATTRIBUTES.search(child.content)):
        add(f"'{stray.group(0).lstrip('] ')}' was not read as an attribute, and would be "
            "printed as it is",
            "Write it as [Bore da]{lang=cy}: straight after the closing bracket, with no "
            "spaces inside, and closed with '}'.")
    elif child.type == "html_inline":
        add(f"raw HTML is not allowed: {child.content!r}",
            "Write it in Markdown instead; leafpress never passes HTML through.")
    elif child.type == "citation":
        for key in child.meta["keys"]:
            if key not in known_keys:
                add(f"citation [@{key}] has no matching reference",
                    (did_you_mean(key, known_keys) + " Add it under 'references:' with "
                     f"key: {key}.").strip())
    elif child.type == "link_open":
        href = str(child.attrGet("href") or "")
        if not (href.startswith(ALLOWED_LINK_SCHEMES) or href.startswith("#")):
            add(f"link target {href!r} is not allowed",
                "Link only to https://, mailto: or tel: addresses; links to files leave the "
                "project and do not work in a printed leaflet.")
    elif child.type == "image":
        src = str(child.attrGet("src") or "")
        alt = "".join(c.content for c in child.children or [])
        if not alt.strip():
            add(f"image {src!r} has no alt text",
                "Describe the picture between the brackets: ![what it shows](file.svg).")
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith("//"):
            add(f"image {src!r} is not a project file",
                "Copy the image into content/images/ and use a relative path; leafpress "
                "never fetches remote files.")
            return
        target = (context.section_path.parent / src).resolve()
        if not target.is_relative_to(context.project_root.resolve()):
            add(f"image {src!r} is outside the project",
                "Keep images inside the project, for example in content/images/.")
        elif not target.is_file():
            add(f"image {src!r} does not exist", f"Check the path; looked for {target}.")
        elif (reason := image_problem(target)) is not None:
            add(f"image {src!r} {reason}",
                "Export the picture again from your image program in the format its name "
                "says (PNG, JPEG or SVG), or correct the file name.")


def render(body: str, context: RenderContext) -> str:
    """Render a checked Markdown body to an HTML fragment (kept warm: see _render)."""
    return _render(body, context.section_path, context.project_root, context.heading_offset,
                   tuple(sorted(context.citation_numbers.items())), context.id_prefix,
                   context.inline_citations)


@lru_cache(maxsize=1024)
def _render(body: str, section_path: Path, project_root: Path, heading_offset: int,
            citation_numbers: tuple[tuple[str, int], ...], id_prefix: str,
            inline_citations: bool) -> str:
    """One section's HTML, kept warm: once per heading level and numbering, not per layout.

    The HTML depends only on these arguments (and on where the section's image paths
    resolve, which leafpress checks when it loads the project).
    """
    context = RenderContext(section_path, project_root, heading_offset,
                            dict(citation_numbers), id_prefix, inline_citations)
    return str(_PARSER.render(body, {"context": context}))
