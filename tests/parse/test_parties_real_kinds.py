"""Party discovery on the kinds of preamble, form and signature page that CUAD's filed
agreements showed it missing or misreading (docs/cuad_parties.md, third round).

Every text below was written for this test in the style of such agreements; none is
copied from CUAD. Each test states what a reader would name as the parties, and what
they would not (documents, places, roles any party may take).
"""

from __future__ import annotations

from draftdiff.model import Party
from draftdiff.parse.document import parse_text
from draftdiff.parse.read_text import read_text

BODY = "\n\n1. Obligations\n\n1.1 Each party shall keep the terms of this agreement.\n"


def _read(text: str) -> tuple[Party, ...]:
    return parse_text(text, fmt="text", reader=read_text).parties


def _names(text: str) -> set[str]:
    return {n for p in _read(text) for n in p.names()}


# --- signature pages ---------------------------------------------------------------


def test_an_english_execution_block_names_the_companies_not_the_signers() -> None:
    text = (
        "FLEET SERVICES AGREEMENT\n\n1. Services\n\n1.1 The Contractor shall service the "
        "vehicles listed in the schedule at the rates agreed and shall keep records of every "
        "visit for six years after the work was done.\n\n"
        "SIGNED by ANNA PRICE ) duly authorised for and on behalf of ) /s/ Anna Price "
        "HARTLEY FOODS LIMITED )\n\n"
        "SIGNED by TOM REED ) duly authorised for and on behalf of ) /s/ T. Reed "
        "KESTON MOTORS LIMITED )\n"
    )
    parties = _read(text)
    assert [p.name for p in parties] == ["HARTLEY FOODS LIMITED", "KESTON MOTORS LIMITED"]
    assert {p.found for p in parties} == {"signature block"}


def test_signers_whose_names_have_accents_and_or_a_date_before_by() -> None:
    text = (
        "JOINT FILING AGREEMENT\n\nThe undersigned agree to file one statement on Schedule "
        "13D.\n\nIN WITNESS WHEREOF the undersigned have signed below.\n\n"
        "Orchard Growth and Income Fund Offshore, LP\n\nBy:/s/ Ann Lee\n\n"
        "Larkspur Value Fund I LP Date: May 4, 2020 By: /s/ Bo Kim\n\n"
        "TOMÁŠ KŘIVÁNEK\n\n/s/ Tomas Krivanek\n"
    )
    names = _names(text)
    assert {
        "Orchard Growth and Income Fund Offshore, LP",
        "Larkspur Value Fund I LP",
        "TOMÁŠ KŘIVÁNEK",
    } <= names
    assert "Income Fund Offshore, LP" not in names


def test_for_and_on_behalf_of_with_a_registration_number_a_dash_and_a_lower_case_brand() -> None:
    signers = [
        "Straits Cable Berhad (553201-K)",
        "Gulf Telecom Corporation - GULFTEL",
        "net4sea Inc.",
    ]
    pages = "".join(f"For and on behalf of {s}\n\nBy:\n\n" for s in signers)
    text = (
        "This Agreement is made between and among the Parties signatory hereto.\n\n"
        f"1. Each Party shall pay its share.\n\nIN WITNESS WHEREOF the Parties sign.\n\n{pages}"
    )
    names = _names(text)
    assert {"Straits Cable Berhad", "Gulf Telecom Corporation", "net4sea Inc."} <= names


def test_two_signature_columns_on_one_line_are_two_signers() -> None:
    text = (
        "JOINT FILING AGREEMENT\n\nThe undersigned agree to file jointly.\n\n"
        "IN WITNESS WHEREOF the undersigned sign this 2nd day of May, 2020.\n\n"
        "WREN CAPITAL FUND L.P. WREN CAPITAL (CAYMAN) MANAGEMENT L.P.\n\n"
        "By: /s/ Ann Lee By: /s/ Ann Lee\n"
    )
    names = _names(text)
    assert {"WREN CAPITAL FUND L.P.", "WREN CAPITAL (CAYMAN) MANAGEMENT L.P."} <= names


# --- where the preamble is, and what is not one -------------------------------------------


def test_a_definitions_clause_before_the_parties_defines_no_party() -> None:
    text = (
        "MAINTENANCE AGREEMENT\n\n"
        '1. Definitions 1.1 In this Agreement "the Act" means the Employment Act; "New Staff" '
        'means the persons employed by the Contractor after the start date; "Visit" means a '
        "call made by the Contractor on a site for the purpose of servicing.\n\n"
        "IN WITNESS WHEREOF the parties have signed.\n\n"
        "ORWELL DAIRIES LIMITED\n\nBy: /s/ Ann Lee\n\nBRANT SERVICES LIMITED\n\nBy: /s/ Bo Kim\n"
    )
    names = _names(text)
    assert {"ORWELL DAIRIES LIMITED", "BRANT SERVICES LIMITED"} <= names
    assert "New Staff" not in names


def test_a_cover_note_that_binds_no_one_does_not_hide_the_preamble() -> None:
    text = (
        "APP DEVELOPMENT AGREEMENT\n\n"
        "Electronic document transmissions shall be deemed valid and enforceable in respect of "
        "any provision of this Contract, and either side may ask for a paper copy of any "
        "document sent by electronic means without delaying the work under it.\n\n"
        "This Agreement is made on 5 March 2019 BETWEEN: Fernleaf Asia Ltd. (hereinafter called "
        'the "FAL"), of Hong Kong, AND: Mira Chen (hereinafter called the "Developer").' + BODY
    )
    parties = _read(text)
    assert [p.name for p in parties] == ["FAL", "Developer"]


def test_a_letter_agreement_counts_its_addressee_among_the_parties() -> None:
    text = (
        "REMARKETING AGREEMENT\n\nMarch 1, 2011\n\nHalyard Securities Inc. 12 Pier Street "
        "New York, NY 10004\n\nLadies and Gentlemen:\n\n"
        'Corvane Holdings, Inc., a Missouri corporation (the "Company"), confirms its agreement '
        "with you as follows." + BODY
    )
    parties = _read(text)
    assert [p.name for p in parties][:2] == ["Company", "Halyard Securities Inc."]
    assert parties[1].found == "letter: addressee"


# --- how the parties are listed --------------------------------------------------------------


def test_party_a_and_party_b_lines_with_addresses_between_them_and_a_blank_name() -> None:
    text = (
        "SERVICE AGREEMENT\n\nThis Service Agreement is entered into as of [Date] by and "
        'between:\n\nParty A: Linden (Tianjin) Consulting Co., Ltd. ("Service Provider")\n\n'
        "Address: Room 12, Building 3, Tianjin, China\n\n"
        'Party B: [•] ("Service Recipient")\n\nAddress: [•]' + BODY
    )
    parties = _read(text)
    assert [p.name for p in parties] == ["Service Provider", "Service Recipient"]


def test_a_parties_block_numbered_1_and_2_names_a_person_too() -> None:
    text = (
        "SERVICE AGREEMENT\n\nTHIS AGREEMENT is entered into between the parties on 1 April "
        "2020.\n\nPARTIES (1) Larch Biotech UK Limited is a company registered in England whose "
        'registered office is at 3 Fen Lane, London (the "Employer"); and (2) Owen Hale of '
        '[address removed] (the "Executive").' + BODY
    )
    parties = _read(text)
    assert [(p.name, p.aliases[0]) for p in parties] == [
        ("Employer", "Larch Biotech UK Limited"),
        ("Executive", "Owen Hale"),
    ]


def test_entities_each_with_a_descriptor_in_one_comma_list() -> None:
    text = (
        "This Cooperation Agreement is entered into by and between Pellam Group, Inc., a "
        'Delaware corporation (the "Company"), and Heron Value Partners LP, a Delaware limited '
        "partnership, Heron VP GP LLC, a Delaware limited liability company, and Heron Capital "
        'LLC, a Delaware limited liability company (collectively, the "Heron Parties").' + BODY
    )
    names = _names(text)
    assert {"Heron Value Partners LP", "Heron VP GP LLC", "Heron Capital LLC"} <= names


def test_labelled_form_heads_in_any_case_with_name_and_a_web_company() -> None:
    text = (
        "SUPPLY CONTRACT Contract No: 17 The buyer/End-User: Quanzhou Mingda Trading Co., Ltd. "
        "ADD: Tel No.: The seller: ADD:\n\n"
        "SPONSOR: Name: Harbour Grill Phone: 555-0100 Address: 1 Quay Road\n\n"
        "Reseller Full Legal Name Brightpath.org, a nonprofit corporation having its office at "
        "5 Main Street, Springfield" + BODY
    )
    parties = {p.name: p for p in _read(text)}
    assert "Quanzhou Mingda Trading Co., Ltd." in parties["Buyer"].aliases
    assert "End-User" in parties["Buyer"].aliases
    assert "Harbour Grill" in parties["SPONSOR"].aliases
    assert "Brightpath.org" in parties["Reseller"].aliases


def test_a_typed_apostrophe_closes_a_hereinafter_quote() -> None:
    text = (
        "This amendment is entered into on 6 January 2016. BETWEEN: VELA AIRLINES S/A, a "
        'company incorporated under the laws of Brazil, Hereafter referred to as the "Company", '
        "On the one part, AND: AERO TECHNIQUE G.I.E., whose registered office is at 1 rue Nadot, "
        'Blagnac, France, Hereafter referred to as the "Repairer\' or "ATR", On the other part.'
        + BODY
    )
    names = _names(text)
    assert {"Company", "Repairer", "ATR"} <= names
    assert not any("' or" in n for n in names)


# --- what is not a party -------------------------------------------------------------


def test_offering_terms_places_and_identifiers_are_no_parties() -> None:
    text = (
        "This Agency Agreement is made by and between Birchwood Bank, Inc., a company "
        'incorporated under the laws of the People\'s Republic of China ("PRC"), registered '
        'under the Cadastro Nacional de Pessoa Juridica (CNPJ) number 09.296, ("Bank") and '
        'Talbot Partners LLC ("Agent"), in connection with the offering of the Shares at '
        '$10.00 per share (the "Offering Price") described in the prospectus (the "Base '
        'Prospectus").' + BODY
    )
    parties = _read(text)
    assert [p.name for p in parties] == ["Bank", "Agent"]


def test_roles_either_party_may_take_and_document_titles_are_no_parties() -> None:
    text = (
        "SPONSORSHIP AGREEMENT\n\nBetween\n\nSPONSORSHIP AGREEMENT\n\nand\n\nWITNESSES\n\n"
        'This Agreement is made between Ostler Media Ltd ("Ostler") and Pine Events Ltd '
        '("Pine"). Information disclosed by one party (the "Disclosing Party") to any other '
        'person (collectively "Third-Party") stays confidential.' + BODY
    )
    names = _names(text)
    assert {"Ostler", "Pine"} <= names
    assert not names & {"Disclosing Party", "Third-Party", "SPONSORSHIP AGREEMENT", "WITNESSES"}


def test_one_company_in_capitals_and_in_title_case_is_one_party() -> None:
    text = (
        "CORVELL FINANCIAL CORPORATION\n\nAGENCY AGREEMENT\n\nMay 2, 2006\n\n"
        "Ladies and Gentlemen:\n\nCorvell Financial Corporation, a Georgia corporation (the "
        '"Company"), proposes to engage the sales agent identified on the signature page to '
        'this Agreement (the "Agent" or "you") to sell its shares.' + BODY
    )
    parties = _read(text)
    assert [p.name for p in parties] == ["Company", "Agent"]


def test_a_short_name_never_defined_but_used_as_a_subject_is_an_alias() -> None:
    text = (
        "This maintenance contract is concluded between: Norvik Mobile a.s., Hlavna 17, "
        "811 01 Bratislava, Slovakia and Kestrel Systems Ltd, Bernstrasse 4, Bern.\n\n"
        "1. Duties\n\n1.1 Norvik shall pay the fees within 30 days.\n\n"
        "1.2 Kestrel Systems Ltd shall answer every call within four hours.\n"
    )
    parties = {p.name: p for p in _read(text)}
    assert "Norvik" in parties["Norvik Mobile a.s."].aliases
    # No clause says "Kestrel shall": the first word is not made an alias.
    assert "Kestrel" not in parties["Kestrel Systems Ltd"].aliases


def test_a_name_for_two_parties_already_named_is_no_third_party() -> None:
    text = (
        'This Hosting Agreement is made between Larkin Data Corp. ("Larkin") and Orme Press '
        'Limited, a company registered in England ("Orme"), and Fjord Forlag A/S, a company '
        'registered in Denmark ("Fjord") (together, Orme and Fjord shall be referred to as '
        '"the Publishers").' + BODY
    )
    assert [p.name for p in _read(text)] == ["Larkin", "Orme", "Fjord"]


# --- short drafts: parties only in the recitals or the signature block --------------------


def test_parties_defined_only_in_the_signature_block() -> None:
    text = (
        "DISTRIBUTION AGREEMENT\n\nThis Agreement is made on 2 June 2026 between the Principal "
        "and the Distributor identified in the signature block at the end of this Agreement."
        "\n\n1 APPOINTMENT\n\n1.1 The Distributor shall sell the Products in the Territory."
        "\n\nSIGNATURES\n\nSigned for and on behalf of Harwick Foods plc, a company registered "
        'in England and Wales under number 01234567 (the "Principal"):\n\n........\n\n'
        "Signed for and on behalf of Dunmore Trading LLC, a limited liability company organised "
        'in Dubai (the "Distributor"):\n\n........\n'
    )
    parties = _read(text)
    assert [(p.name, p.aliases[0]) for p in parties] == [
        ("Principal", "Harwick Foods plc"),
        ("Distributor", "Dunmore Trading LLC"),
    ]


def test_parties_defined_only_in_lettered_recitals_one_a_person() -> None:
    text = (
        "CONSULTANCY AGREEMENT\n\nThis Agreement is dated 20 April 2026.\n\nRecitals\n\n"
        'A. Tarn Analytics Inc., a Delaware corporation of 8 Dock Street, Boston (the "Company"),'
        " develops pricing software.\n\n"
        'B. Dr. Ines Varga, of 4 Mill Lane, Cambridge, Massachusetts (the "Consultant"), is an '
        "independent actuary.\n\nThe parties therefore agree as follows:" + BODY
    )
    parties = _read(text)
    assert [(p.name, p.aliases[0]) for p in parties] == [
        ("Company", "Tarn Analytics Inc."),
        ("Consultant", "Dr. Ines Varga"),
    ]


def test_a_public_body_defined_beside_a_government() -> None:
    text = (
        "MEMORANDUM OF UNDERSTANDING\n\nThe Government of Ostrava and the Health Data Authority "
        'of Lorvania (the "Authority"), together "the signatories", have reached the following '
        "understanding:" + BODY
    )
    names = {p.name: p for p in _read(text)}
    assert "Health Data Authority of Lorvania" in names["Authority"].aliases
    assert "Government of Ostrava" in names
