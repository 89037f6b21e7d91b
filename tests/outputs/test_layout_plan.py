"""The layout plan: first guess, revision from a measured layout, and the measuring itself."""

from __future__ import annotations

from weasyprint import HTML

from leafpress.editions import LARGE_PRINT, PAPERS, STANDARD
from leafpress.outputs.layout_plan import (
    CHARS_PER_A4_PAGE_AT_14PT,
    FLOW_ON_ROUNDS,
    Measured,
    Plan,
    Planner,
    estimated_pages,
    measure,
)

HANDOUT = 13  # leaflet_contents_min_pages
BOOKLET = 8  # contents_min_pages


def measured(pages: int, contents: int = 0, *, alone: bool = False, padding: int = 0,
             short: frozenset[str] = frozenset()) -> Measured:
    """A layout's measurements, made up."""
    return Measured(pages, contents, alone, padding, short)


def settle(planner: Planner, plan: Plan, layouts: dict[Plan, Measured]) -> list[Plan]:
    """The plans laid out until one is confirmed, each layout looked up in ``layouts``."""
    laid_out = [plan]
    while (revised := planner.revise(plan, layouts[plan])) != plan:
        plan = revised
        if plan not in laid_out:
            laid_out.append(plan)
    return laid_out


def test_the_first_guess_follows_the_text_unless_the_definition_decides() -> None:
    assert Planner(HANDOUT, 1).first(12.0) == Plan(contents=True)  # 12 >= 0.9 * 13
    assert Planner(HANDOUT, 1).first(11.0) == Plan(contents=False)
    assert Planner(HANDOUT, 1, fixed=False).first(40.0) == Plan(contents=False)
    assert Planner(HANDOUT, 1, fixed=True).first(1.0) == Plan(contents=True)


def test_a_handout_that_guessed_right_is_laid_out_once() -> None:
    long, short = Plan(contents=True), Plan(contents=False)
    assert settle(Planner(HANDOUT, 1), long, {long: measured(20, 1)}) == [long]
    assert settle(Planner(HANDOUT, 1), short, {short: measured(12)}) == [short]


def test_a_wrong_guess_costs_one_layout() -> None:
    long, short = Plan(contents=True), Plan(contents=False)
    assert settle(Planner(HANDOUT, 1), short, {short: measured(13), long: measured(14, 1)}) \
        == [short, long]
    assert settle(Planner(HANDOUT, 1), long, {long: measured(12, 1), short: measured(12)}) \
        == [long, short]


def test_a_contents_list_sharing_its_pages_is_checked_by_a_layout_without_it() -> None:
    # 14 pages with a list on 2 of them: without it, somewhere from 12 to 14 pages.
    long, short = Plan(contents=True), Plan(contents=False)
    kept = {long: measured(14, 2), short: measured(13)}
    planner = Planner(HANDOUT, 1)
    assert settle(planner, long, kept) == [long, short]
    assert planner.revise(long, kept[long]) == long  # back to the first layout, now known
    dropped = {long: measured(14, 2), short: measured(12)}
    assert settle(Planner(HANDOUT, 1), long, dropped) == [long, short]
    assert Planner(HANDOUT, 1).revise(short, dropped[short]) == short


def test_a_contents_page_of_its_own_is_taken_off_by_arithmetic() -> None:
    planner = Planner(BOOKLET, 4)
    plan = Plan(contents=True, padding=1)
    # 9 pages, 1 of padding, 2 of contents: 6 without, under 8, and 2 pad them to 8.
    revised = planner.revise(plan, measured(9, 2, alone=True, padding=1))
    assert revised == Plan(contents=False, padding=2)
    assert planner.plain_pages[frozenset()] == 6


def test_padding_comes_from_the_layout_and_is_checked_by_the_next() -> None:
    planner = Planner(BOOKLET, 4)
    first = Plan(contents=True)
    assert planner.revise(first, measured(62, 1, alone=True)) == Plan(contents=True, padding=2)
    padded = Plan(contents=True, padding=2)
    assert planner.revise(padded, measured(64, 1, alone=True, padding=2)) == padded


def test_a_notes_page_that_takes_two_pages_turns_the_padding_blank() -> None:
    padded = Plan(contents=True, padding=2)
    revised = Planner(BOOKLET, 4).revise(padded, measured(65, 1, alone=True, padding=3))
    assert revised == Plan(contents=True, padding=2, blank_padding=True)


def test_short_chapters_flow_on_for_a_few_rounds_with_the_padding_predicted() -> None:
    planner = Planner(BOOKLET, 4)
    plan = Plan(contents=True)
    for round_ in range(FLOW_ON_ROUNDS):
        chapter = frozenset({f"chapter-{round_}"})
        plan = planner.revise(plan, measured(61, 1, alone=True, short=chapter))
        assert chapter <= plan.flow_on
        assert plan.padding == 3
    more = planner.revise(plan, measured(61, 1, alone=True, padding=3, short=frozenset({"x"})))
    assert "x" not in more.flow_on


def test_the_estimate_scales_with_paper_and_type_size_and_skips_markup() -> None:
    text = "word " * (CHARS_PER_A4_PAGE_AT_14PT // 5)  # a page of text at 14pt on A4
    html = f"<html><head><title>{'t' * 5000}</title></head><body><p>{text}</p></body></html>"
    a4 = estimated_pages(html, STANDARD, PAPERS["A4"])
    assert 0.9 < a4 < 1.1
    assert estimated_pages(html, STANDARD, PAPERS["A5"]) > 1.9 * a4
    assert estimated_pages(html, LARGE_PRINT, PAPERS["A4"]) > 1.6 * a4
    styled = html.replace("<body>", "<body><style>p { color: red }</style><svg>x</svg>")
    assert estimated_pages(styled, STANDARD, PAPERS["A4"]) == a4


def test_measure_finds_the_contents_pages_the_padding_and_what_shares_a_page() -> None:
    css = ("<style>@page { size: A6 } header, .contents { break-after: page }"
           " .notes-page { break-before: page }</style>")
    own = HTML(string=css + '<header>Cover</header><nav class="contents">List</nav>'
               '<main>Text</main><section class="notes-page">Notes</section>'
               '<section class="notes-page">Notes</section>').render()
    assert measure(own) == Measured(5, 1, True, 2, frozenset())
    shared = HTML(string='<header>Title</header><nav class="contents">List</nav>'
                  "<main>Text</main>").render()
    assert measure(shared) == Measured(1, 1, False, 0, frozenset())
