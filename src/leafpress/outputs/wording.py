"""Fixed wording the one-file formats share: notices, the draft statement, disclaimer, formats.

The sentences match the print templates (templates/notices.html.j2, about.html.j2) so
that every format says the same thing.
"""

from __future__ import annotations

from leafpress.content.selection import Selection
from leafpress.project.contacts import Contacts

UNDER_REVIEW = ("Under review: some of this information is past its review date and is being "
                "checked. Ask your care team if anything here is still right for you.")

#: Where the urgent boxes' "24-hour number (on the front of this leaflet)" points, in every
#: format but print (which has a box to write the number in) when there are no contacts.
ASK_FOR_24_HOUR_NUMBER = ("Ask your team for their 24-hour number. "
                          "Keep it with you at all times.")

DISCLAIMER = ("This information is general. It cannot replace advice from your own doctors "
              "and nurses, who know your situation. Always talk to your care team about your "
              "treatment and care. We make every effort to keep it accurate and up to date, "
              "but medical knowledge changes.")


def contacts_notice(contacts: Contacts) -> str:
    """The first page's line with the team's numbers (templates/contacts.html.j2)."""
    return (f"Questions? Call {contacts.team} on {contacts.nurse_phone} "
            f"({contacts.nurse_hours}). At any time, day or night, call the "
            f"{contacts.helpline_name} on {contacts.helpline_phone}.")


def notices(selection: Selection, under_review: bool) -> tuple[str, ...]:
    """The notices under the title: under review, draft, and where the 24-hour number is."""
    found = []
    if under_review:
        found.append(UNDER_REVIEW)
    if selection.draft:
        who = ("Some of this information has not been checked by a doctor or nurse yet."
               if selection.credits else "No doctor or nurse has checked this information yet.")
        found.append(f"Draft: not yet clinically reviewed. {who} Do not use it to make "
                     "decisions about your care without talking to your care team.")
    contacts = selection.leaflet.contacts
    if contacts is not None:
        found.append(contacts_notice(contacts))
    elif selection.asks_for_24_hour_number:
        found.append(ASK_FOR_24_HOUR_NUMBER)
    return tuple(found)


def draft_statement(selection: Selection) -> str:
    """The honest statement in the end section of a leaflet that is not fully reviewed."""
    who = ("Some parts have been checked by the people named above. Others have not."
           if selection.credits
           else "No doctor, nurse or other health professional has checked it.")
    return (f"This information has not yet been clinically reviewed. {who} "
            "It was written from the public sources listed below.")
