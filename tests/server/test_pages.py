from __future__ import annotations

import html
import re

import pytest
import yaml

from leafpress.engine import Project
from leafpress.server import auditlog
from tests.server.conftest import Live, csrf_of


def _form(token: str, action: str, **fields: str | list[str]) -> dict[str, str | list[str]]:
    return {"csrf": token, "action": action, **fields}


def test_form_post_without_csrf_token_is_refused(live: Live) -> None:
    log = auditlog.entries(live.root)
    with live.client() as client:
        client.get("/")
        response = client.post("/handout", data={"action": "pdf:standard", "s": "receptors"})
        assert response.status_code == 403
        assert "nothing was done" in response.text
        forged = client.post("/handout", data={"csrf": "x" * 43, "action": "pdf:standard",
                                               "s": "receptors"})
        assert forged.status_code == 403
    assert auditlog.entries(live.root) == log


def test_form_post_from_another_origin_is_refused(live: Live) -> None:
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        response = client.post("/handout", data=_form(token, "add:receptors"),
                               headers={"origin": "http://evil.example"})
    assert response.status_code == 403


def _sections(page: str) -> list[str]:
    """The section ids the studio page's form holds, in order."""
    return re.findall(r'<input type="hidden" name="s" value="([^"]+)">', page)


def _focused(page: str) -> list[str]:
    """The ids of the elements the page focuses when it loads (there should be one)."""
    return re.findall(r'<[^>]*\bid="([^"]+)"[^>]*\bautofocus\b', page)


def test_add_move_and_remove_keep_the_handout_in_the_page_not_an_address(live: Live) -> None:
    note = "Seen in clinic on Tuesday"
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        added = client.post("/handout", data=_form(token, "add:staging",
                                                   s=["receptors", "follow-up"],
                                                   h=["", "After treatment"], note=note))
        assert added.status_code == 200 and "location" not in added.headers
        assert added.headers["cache-control"] == "no-store"
        assert _sections(added.text) == ["receptors", "follow-up", "staging"]
        assert 'value="After treatment"' in added.text and note in added.text
        addresses = re.findall(r'(?:href|src|action|formaction)="([^"]*)"', added.text)
        assert addresses and not [a for a in addresses
                                  if "Tuesday" in a or "After" in a or "?" in a]
        moved = client.post("/handout", data=_form(token, "up:2", s=_sections(added.text)))
        assert _sections(moved.text) == ["receptors", "staging", "follow-up"]
        removed = client.post("/handout", data=_form(token, "remove:0", s=_sections(moved.text)))
        assert _sections(removed.text) == ["staging", "follow-up"]
    # Each page focuses what the button changed: the card added, the button moved (so it
    # can be pressed again), the section now in the removed one's place.
    assert _focused(added.text) == ["card-staging"]
    assert _focused(moved.text) == ["up-1"]
    assert _focused(removed.text) == ["section-0"]


def test_enter_searches_when_the_words_changed_and_updates_the_preview_otherwise(
        live: Live) -> None:
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        searched = client.post("/handout", data=_form(token, "enter", q="receptors",
                                                      shown_q="", s=["follow-up"]))
        updated = client.post("/handout", data=_form(token, "enter", q="receptors",
                                                     shown_q="receptors", s=["follow-up"]))
    assert 'id="card-staging"' not in searched.text and _focused(searched.text) == ["results"]
    assert 'id="card-staging"' not in updated.text and _focused(updated.text) == ["preview"]
    assert 'name="shown_q" value="receptors"' in searched.text
    first_button = re.search(r"<button[^>]*>", searched.text)
    assert first_button and 'value="enter"' in first_button.group(0)


def test_problems_are_shown_by_their_field_in_a_nurses_words(live: Live) -> None:
    long_heading = "Your next steps " * 9
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        page = client.post("/handout", data=_form(token, "update", s=["receptors"],
                                                  h=[long_heading])).text
        unknown = client.get("/", params={"s": ["receptors", "nope"]}).text
        both = client.post("/handout", data=_form(token, "update", s=["receptors", "nope"],
                                                  h=[long_heading, ""])).text
    assert _focused(page) == ["preview-problems"]
    problems = html.unescape(page[page.index('id="preview-problems"'):])
    problems = problems[:problems.index("</div>")]
    assert ("Heading for section 1 (“Receptors and why they matter”)</a>: is too long: "
            f"{len(long_heading)} characters. Shorten it to 120 or fewer.") in problems
    assert "sections[" not in problems and "docs/" not in problems
    assert re.search(r'id="h-0" name="h" value="[^"]*" aria-invalid="true" '
                     r'aria-describedby="h-0-error"', page)
    assert 'id="h-0-error"' in page and "<iframe" not in page
    assert "maxlength" not in page  # a pasted heading is never cut short without a word
    problems = html.unescape(unknown[unknown.index('id="preview-problems"'):])
    assert '<a href="#section-1">Section 2 (“nope”)</a>: is not in the library' in problems
    assert "Remove it, then choose a section from the library" in problems
    assert "GET /api" not in problems and 'id="section-1-error"' in unknown
    both = html.unescape(both[both.index('id="preview-problems"'):])
    assert "fix these:" in both  # every problem at once: the heading and the unknown section
    assert "is too long" in both and "Section 2 (“nope”)</a>: is not in the library" in both


def test_starting_from_a_leaflet_says_so_and_can_be_undone(live: Live) -> None:
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        started = client.post("/handout", data=_form(
            token, "start", start_from="secondary-breast-cancer-in-the-bones",
            s=["receptors", "staging"], h=["Mine", ""], title="My handout")).text
        assert _focused(started) == ["status"]
        assert re.search(r"Your handout now has the \d+ sections of", started)
        assert "Undo: bring back your 2 sections" in started
        undo = {"undo_title": re.findall(r'name="undo_title" value="([^"]*)"', started),
                "undo_s": re.findall(r'name="undo_s" value="([^"]*)"', started),
                "undo_h": re.findall(r'name="undo_h" value="([^"]*)"', started)}
        undone = client.post("/handout", data=_form(token, "undo", s=_sections(started),
                                                    **undo)).text
    assert _sections(undone) == ["receptors", "staging"]
    assert 'value="Mine"' in undone and 'value="My handout"' in undone


def test_the_chosen_profile_is_shown_in_full(live: Live) -> None:
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        page = client.post("/handout", data=_form(token, "update", s=["receptors"],
                                                  contacts="breast-unit-st-elsewhere")).text
        none = client.post("/handout", data=_form(token, "update", s=["receptors"])).text
    assert ("Chosen: the breast care nurses, St Elsewhere Hospital (sample). Nurse line "
            "0114 496 0123; 24-hour acute oncology helpline 0114 496 0999.") in page
    assert "Chosen:" not in none


def test_other_formats_are_named_as_readers_know_them(live: Live) -> None:
    with live.client() as client:
        page = client.get("/").text
    assert "Download Word document" in page and "Download web page" in page
    assert "Download word<" not in page


def test_search_keeps_the_handout(live: Live) -> None:
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        found = client.post("/handout", data=_form(token, "search", q="receptors",
                                                   s=["follow-up"], title="For you"))
    assert found.status_code == 200 and _sections(found.text) == ["follow-up"]
    assert 'id="card-receptors"' in found.text and 'id="card-staging"' not in found.text
    assert 'value="For you"' in found.text


def test_overdue_section_is_listed_but_cannot_be_added(live: Live) -> None:
    with live.client() as client:
        page = client.get("/", params={"q": "old advice"})
        card = page.text[page.text.index('id="card-old-advice"'):]
        card = card[: card.index("</li>")]
        assert "Overdue" in card and "Cannot be added" in card
        assert "add:old-advice" not in card
        refused = client.post("/handout", data=_form(csrf_of(page.text), "add:old-advice"))
        assert refused.status_code == 422
        assert "overdue for review" in refused.text


def test_drafts_are_marked_and_search_filters(live: Live) -> None:
    with live.client() as client:
        page = client.get("/", params={"q": "receptors"}).text
    assert 'id="card-receptors"' in page and 'id="card-staging"' not in page
    assert re.search(r'class="tag draft">Draft', page)
    assert "Reading ease" in page and "Used by" in page


def test_download_from_the_form_is_logged(live: Live) -> None:
    before = len(auditlog.entries(live.root))
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        response = client.post("/handout", data=_form(
            token, "pdf:standard", s=["receptors"], contacts="oncology-day-unit-sample"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    _, entry = auditlog.entries(live.root)[-1]
    assert len(auditlog.entries(live.root)) == before + 1
    assert entry.channel == "studio" and entry.contacts_profile == "oncology-day-unit-sample"


def test_save_writes_a_definition_that_loads_and_never_replaces(live: Live) -> None:
    target = live.root / "leaflets" / "bone-handout.yaml"
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        fields = _form(token, "save", s=["symptoms-bone", "treatment-bone-strengthening"],
                       title="Bones", contacts="breast-unit-st-elsewhere",
                       save_id="bone-handout")
        saved = client.post("/handout", data=fields)
        assert saved.status_code == 200 and "Saved as leaflets/bone-handout.yaml" in saved.text
        again = client.post("/handout", data=fields)
        assert again.status_code == 422 and "already exists" in again.text
        escape = client.post("/handout", data={**fields, "save_id": "../escape"})
        assert escape.status_code == 422 and "cannot be a leaflet name" in escape.text
    assert not (live.root / "escape.yaml").exists()
    data = yaml.safe_load(target.read_text())
    assert data["contacts"] == "breast-unit-st-elsewhere"
    loaded = Project.open(live.root).leaflets["bone-handout"]
    assert loaded.contacts is not None and loaded.contacts_profile == "breast-unit-st-elsewhere"
    target.unlink()


def test_preview_is_the_handout_as_a_web_page(live: Live) -> None:
    with live.client() as client:
        preview = client.get("/preview", params={"s": ["receptors"], "title": "Receptors",
                                                  "contacts": "breast-unit-st-elsewhere"})
        assert preview.status_code == 200
        assert "0114\N{NO-BREAK SPACE}496\N{NO-BREAK SPACE}0123" in preview.text
        assert "file://" not in preview.text
        sheets = re.findall(r'href="(/project-file/[^"]+\.css)"', preview.text)
        assert sheets and all(client.get(s).status_code == 200 for s in sheets)
        broken = client.get("/preview", params={"s": ["nope"]})
        assert broken.status_code == 422 and "unknown section id" in broken.text


def test_the_studio_writes_its_preview_into_the_page(live: Live) -> None:
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        shown = client.post("/handout", data=_form(
            token, "update", s=["receptors"], contacts="breast-unit-st-elsewhere",
            note="Bring your letter"))
        posted = client.post("/preview", data=_form(
            token, "preview", s=["receptors"], contacts="breast-unit-st-elsewhere",
            note="Bring your letter"))
        forged = client.post("/preview", data={"s": ["receptors"]})
        broken = client.post("/handout", data=_form(token, "update", s=["nope"]))
        broken_tab = client.post("/preview", data=_form(token, "preview", s=["nope"]))
    frame = re.search(r'<iframe class="preview"[^>]* sandbox="allow-same-origin" '
                      r'srcdoc="([^"]*)"', shown.text)
    assert frame is not None
    inner = html.unescape(frame.group(1))
    assert "0114\N{NO-BREAK SPACE}496\N{NO-BREAK SPACE}0123" in inner
    assert "Bring your letter" in inner and "<script" not in inner
    assert posted.status_code == 200 and "Bring your letter" in posted.text
    assert posted.headers["cache-control"] == "no-store"
    assert forged.status_code == 403
    # A handout that cannot be shown lists its problems in the page, by their fields...
    assert "<iframe" not in broken.text and 'id="preview-problems"' in broken.text
    assert "is not in the library" in html.unescape(broken.text)
    # ...and the preview's own tab shows them without the studio's header and menu.
    assert broken_tab.status_code == 422
    assert "unknown section id 'nope'" in html.unescape(broken_tab.text)
    assert "leafpress studio" not in broken_tab.text


def test_project_files_outside_the_preview_folders_are_not_served(live: Live) -> None:
    with live.client() as client:
        for path in ("/project-file/pyproject.toml", "/project-file/../../etc/passwd",
                     "/project-file/%2e%2e/%2e%2e/etc/passwd",
                     "/project-file/leaflets/sample.yaml", "/project-file/styles/../../x.css"):
            assert client.get(path).status_code == 404, path
        assert client.get("/project-file/styles/base.css").status_code == 200


def test_log_page_lists_handouts(live: Live) -> None:
    with live.client() as client:
        client.post("/api/handouts", json={"sections": ["staging"], "title": "Logged one"})
        page = client.get("/log").text
    assert "Logged one" in page and "staging (" in page


def test_search_puts_title_matches_first(live: Live) -> None:
    with live.client() as client:
        page = client.get("/", params={"q": "bone"}).text
    ids = re.findall(r'id="card-([a-z0-9-]+)"', page)
    assert ids[0] in {"symptoms-bone", "tests-bone", "treatment-bone-strengthening",
                      "questions-bones"}
    assert len(ids) > 4


def test_markup_in_a_form_field_is_refused_and_nothing_is_logged(live: Live) -> None:
    log = auditlog.entries(live.root)
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        for fields in ({"title": "{{ config }}"}, {"h": "<img src=x>"},
                       {"contacts": "breast-unit-st-elsewhere", "note": "{% raw %}"}):
            response = client.post("/handout", data=_form(token, "pdf:standard",
                                                          s=["receptors"], **fields))
            assert response.status_code == 422
            assert "contains markup or template code" in response.text
            assert "{{ config }}" not in response.text.replace('value="{{ config }}"', "")
            # The problems are listed at the top; the preview says so, with no empty frame.
            assert 'id="problems"' in response.text and "<iframe" not in response.text
            assert "fix the problems listed at the top" in response.text
    assert auditlog.entries(live.root) == log


def test_wrong_content_type_for_the_form_is_refused(live: Live) -> None:
    with live.client() as client:
        response = client.post("/handout", json={"action": "save"})
    assert response.status_code == 415


NEW_PROFILE = {"name": "chemo-unit", "team": "the chemotherapy nurses",
               "hospital": "Hillside Hospital (sample)", "nurse_phone": "0114 496 0321",
               "nurse_hours": "Monday to Friday, 8am to 4pm",
               "helpline_phone": "0114 496 0654"}


def test_contacts_page_adds_a_profile_and_never_replaces_one(live: Live) -> None:
    target = live.root / "leaflets" / "contacts" / "chemo-unit.yaml"
    with live.client() as client:
        page = client.get("/contacts")
        assert 'id="profile-breast-unit-st-elsewhere"' in page.text
        token = csrf_of(page.text)
        assert client.post("/contacts", data=NEW_PROFILE).status_code == 403
        saved = client.post("/contacts", data={"csrf": token, **NEW_PROFILE})
        assert saved.status_code == 303
        assert "0114 496 0321" in client.get("/contacts").text
        again = client.post("/contacts", data={"csrf": token, **NEW_PROFILE,
                                               "team": "others"})
        assert again.status_code == 422 and "already exists" in again.text
    from leafpress.project.contacts import load_profile

    assert load_profile("chemo-unit", live.root).team == "the chemotherapy nurses"
    target.unlink()


@pytest.mark.parametrize(("change", "message"), [
    ({"name": "../publishers/x"}, "cannot be a profile name"),
    ({"nurse_phone": "ring us"}, "'ring us' is not a UK phone number"),
    ({"note": "NHS no. 401 023 2137"}, "passes the NHS number check"),
    ({"team": "<b>nurses</b>"}, "contains markup"),
    ({"hospital": ""}, "missing required key 'hospital'"),
])
def test_bad_profile_is_refused_and_nothing_written(live: Live, change: dict[str, str],
                                                    message: str) -> None:
    files = live.files()
    with live.client() as client:
        token = csrf_of(client.get("/contacts").text)
        response = client.post("/contacts", data={"csrf": token, **NEW_PROFILE, **change})
    assert response.status_code == 422 and message in html.unescape(response.text)
    assert live.files() == files


def test_markup_in_the_form_stays_text_in_the_page_and_its_preview(live: Live) -> None:
    attack = '"></textarea></iframe><script>alert(1)</script>{{ 7 * 7 }}'
    with live.client() as client:
        token = csrf_of(client.get("/").text)
        shown = client.post("/handout", data=_form(
            token, "update", s=["receptors"], contacts="breast-unit-st-elsewhere",
            note=attack, title=attack, h=[attack], q=attack))
    assert shown.status_code == 200
    assert "<script" not in shown.text and "</iframe><script" not in shown.text
    problems = html.unescape(shown.text[shown.text.index('id="preview-problems"'):])
    refused = re.findall(r'<a href="#([\w-]+)">[^<]*</a>: contains markup or template code',
                         problems)
    assert refused == ["title", "note", "h-0"]


def test_both_form_addresses_refuse_what_is_not_a_form(live: Live) -> None:
    with live.client() as client:
        client.get("/")
        for address in ("/handout", "/preview"):
            refused = client.post(address, json={"s": ["receptors"]})
            assert refused.status_code == 415, address
            assert "takes a form, not 'application/json'" in html.unescape(refused.text)
