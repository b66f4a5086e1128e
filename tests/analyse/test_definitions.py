"""Several definitions in one sentence, or one after a lead-in: each is a term with its
own words, so a change to one redefines it alone (issue 9, term.redefined)."""

from __future__ import annotations

from draftdiff.model import Party
from tests.semantic.helpers import changes, read

PARTIES = (Party("Provider", ("Calderwood Facilities Limited",)), Party("Client", ()))
DEFINITIONS = (
    '1.1 In this Agreement, "Services" means the cleaning and portering services described in'
    ' Schedule 1; "Service Levels" means the standards set out in Schedule 2; and "Site" means'
    " the Client's premises at Aidan Road."
)
USES = "3.1 The Provider shall perform the Services at the Site to the Service Levels."


def test_each_definition_after_a_lead_in_is_found_with_its_own_words() -> None:
    found = read(DEFINITIONS.removeprefix("1.1 "), PARTIES, "contract").definitions
    texts = {d.term: d.text for d in found if not d.inline}
    assert list(texts) == ["Services", "Service Levels", "Site"]
    assert texts["Site"] == '"Site" means the Client\'s premises at Aidan Road.'
    assert "Schedule 2" not in texts["Services"]


def test_a_change_to_one_of_several_definitions_redefines_it_alone() -> None:
    new = DEFINITIONS.replace(
        "cleaning and portering", "cleaning, portering and grounds-maintenance"
    )
    found = changes([DEFINITIONS, USES], [new, USES], PARTIES, "contract")
    assert [c.summary.split("“")[1].split("”")[0] for c in found if c.type == "term.redefined"] == [
        "Services"
    ]


def test_a_definition_sentence_binds_nobody() -> None:
    found = read(
        'In this Agreement, "Products" means the goods listed in Schedule A, and "Territory"'
        " means Oman and Qatar.",
        PARTIES,
        "contract",
    )
    assert found.provisions == ()
    assert [d.term for d in found.definitions] == ["Products", "Territory"]
