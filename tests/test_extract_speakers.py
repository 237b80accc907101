"""Speakers named by role, in appositives, by rank, by pronouns whose gender the text gives, and
unnamed speakers that break the pronoun chain (issue 9). Each article here is written for the
test; the development set (tests/draft_dev/, 260-264) measures the same patterns at scale."""

from __future__ import annotations

from pathlib import Path

from vnfr_data.draft import Draft, extract, render
from vnfr_data.sources.sentences import split_sentences


def _draft(tmp_path: Path, body: str) -> Draft:
    article = tmp_path / "001_00000000000000cd.txt"
    article.write_text("Vietnam and France discuss cooperation\n" + body + "\n", encoding="utf-8")
    return extract(article)


def _who(d: Draft) -> dict[str, frozenset[str]]:
    """First three words of each statement -> its speaker ids."""
    return {
        " ".join(d.text[s.evidence.start : s.evidence.end].split()[:3]): s.who.ids
        for s in d.statements
    }


def test_a_role_in_an_appositive_resolves_a_later_description(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "HANOI (VNA) - Claire Vautrin, vice president of Solvane Energies, said the company would "
        "open an office in Da Nang. French Ambassador Paul Ferrand said France welcomed the plan. "
        "The vice president added that hiring would start in May.",
    )
    who = _who(d)
    assert who["The vice president"] == {"claire-vautrin"}  # not the ambassador named last


def test_a_description_must_fit_every_word_of_the_office(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "HANOI (VNA) - Vice Chairwoman of the National Assembly Nguyen Thi Mai Hoa received "
        "President of the French Senate Gerard Lacombe and French President Henri Valmont's "
        "adviser Chairman Tran Van Duc on Monday. Lacombe said the Senate valued the ties. "
        "The Vice Chairwoman highlighted the role of localities. The Senate President urged "
        "more student exchanges.",
    )
    who = _who(d)
    assert who["The Vice Chairwoman"] == {"nguyen-thi-mai-hoa"}  # not Chairman Tran Van Duc
    assert who["The Senate President"] == {"gerard-lacombe"}


def test_a_role_written_before_the_name_and_a_military_rank(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "CAM RANH (VNA) - Rear Admiral Yannick Morvan, commander of French forces in the Pacific, "
        "said the visit showed France's commitment. The ambassador of France to Vietnam, Camille "
        "Durieux, who was also present, said the navies would train together. “We came to "
        "learn,” the admiral told the press. The French ambassador noted that the ship would "
        "leave on Friday.",
    )
    who = _who(d)
    assert who["Rear Admiral Yannick"] == {"yannick-morvan"}
    assert who["“We came to"] == {"yannick-morvan"}
    assert who["The French ambassador"] == {"camille-durieux"}


def test_a_family_name_after_a_given_name_is_a_western_surname(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "PARIS (VNA) - French Minister Yannick Le Sourd said the talks were useful.",
    )
    assert "yannick-le-sourd" in {a.id for a in d.proposals}


def test_an_unnamed_speaker_breaks_the_chain_and_keeps_its_gender(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "HANOI (Reuters) - French Minister for Energy Agathe Morand said on Tuesday, as she began "
        "a visit, that France was ready to help. Minister Dang Quoc Tuan urged French firms to "
        "transfer technology. An official at the ministry, who declined to be identified, said a "
        "decision was not expected soon. He said several countries had made offers. She said "
        "French lenders were ready to finance the work.",
    )
    st = {" ".join(d.text[s.evidence.start : s.evidence.end].split()[:3]): s for s in d.statements}
    assert st["An official at"].who.speaker.type == "unnamed"
    assert st["He said several"].who.speaker.type == "unnamed"  # not Tuan, the last one named
    # "She" after "He" is not the same unnamed official: the woman the text made one ("she began").
    assert st["She said French"].who.ids == {"agathe-morand"}


def test_the_speaker_after_the_verb_and_sources_of_statements(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "PARIS (VNA) - French Minister Agathe Morand met Vietnamese Minister Dang Quoc Tuan on "
        "Monday. France will train 200 Vietnamese engineers by 2030, said Minister Agathe Morand. "
        "“Trust is built step by step,” stressed Dang Quoc Tuan. Tuan welcomed the offer, "
        "said the ministry. The two ministers would meet again in June, according to a statement "
        "from the French Embassy in Hanoi. Sophie Lanier – director of Campus Vietnam – said "
        "applications would open in May.",
    )
    who = _who(d)
    assert who["France will train"] == {"agathe-morand"}
    assert who["“Trust is built"] == {"dang-quoc-tuan"}  # any reporting verb after a quotation
    # ", said the ministry" after "Tuan welcomed the offer": the ministry named none before.
    assert who.get("Tuan welcomed the") == {"dang-quoc-tuan"}
    assert who["The two ministers"] == {"french-embassy-in-hanoi"}
    assert who["Sophie Lanier –"] == {"sophie-lanier"}


def test_a_quotation_over_several_sentences_is_one_statement(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "PARIS (AP) - French President Emmanuel Macron met Vietnamese President Luong Cuong on "
        "Tuesday. “France and Vietnam share more than a past. They share a vision,” Macron wrote "
        "on X. “We are ready to open new chapters,” Cuong said. “Science comes first.” The two "
        "presidents then visited an exhibition.",
    )
    texts = {
        d.text[s.evidence.start : s.evidence.end].split()[0]: [
            d.text[m.start : m.end] for m in s.more
        ]
        for s in d.statements
    }
    assert texts["They"] == ["“France and Vietnam share more than a past."]
    assert texts["“We"] == ["“Science comes first.”"]
    macron = next(s for s in d.statements if d.text[s.evidence.start :].startswith("They"))
    assert macron.quote_kind == "direct" and macron.who.ids == {"emmanuel-macron"}
    rendered = render(d)
    assert '"“France and Vietnam share more than a past.", "They share a vision' in rendered


def test_a_capital_letter_before_a_quotation_ends_a_sentence() -> None:
    text = "“We agree,” Macron wrote on X. “We act.” Director J. Smith said the talks went well."
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got[:2] == ["“We agree,” Macron wrote on X.", "“We act.”"]
    assert got[2] == "Director J. Smith said the talks went well."  # an initial stays one


def test_he_after_a_sentence_whose_subject_is_a_person_is_that_person(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "HANOI (VNA) - Minister Dang Quoc Tuan received French Minister Agathe Morand on Monday. "
        "Morand said France was ready to help. Tuan later visited a power plant in Ninh Binh. "
        "He said the plant would be upgraded.",
    )
    assert _who(d)["He said the"] == {"dang-quoc-tuan"}  # not Morand, who spoke last


def test_a_title_abbreviation_and_a_known_surname_alone(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "HANOI (VNA) - Prime Minister Pham Minh Khoa held phone talks with French Prime Minister "
        "Sébastien Lecornu on Tuesday. PM Khoa congratulated the French side on the results of "
        "the year. Lecornu said France wanted to invest more in Vietnam. Lecornu accepted with "
        "pleasure an invitation to visit Hanoi.",
    )
    who = _who(d)
    assert who["PM Khoa congratulated"] == {"pham-minh-khoa"}  # "PM" is part of the subject
    assert who["Lecornu said France"] == {"sebastien-lecornu"}  # known, named in full above
    assert who["Lecornu accepted with"] == {"sebastien-lecornu"}


def test_the_government_leader_and_a_nationality_from_the_name(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "PARIS (VNA) - Prime Minister Pham Minh Khoa met French President Emmanuel Macron in "
        "Paris on Monday. Macron said France valued the partnership. The Government leader asked "
        "France to ratify the investment agreement. The Vietnamese leader also called for more "
        "student exchanges.",
    )
    who = _who(d)
    assert who["The Government leader"] == {"pham-minh-khoa"}  # the head of government
    assert who["The Vietnamese leader"] == {"pham-minh-khoa"}  # a Vietnamese name's bearer


def test_a_pronoun_once_resolved_gives_a_gender(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "PARIS (VOV) - The delegation includes Ambassador to France Lê Thị Thu Hà and Deputy "
        "Minister Hoàng Quốc Bảo. NA Chairman Trần Văn Lộc held talks with Senate President "
        "Gérard Larcher. Lộc said the visit would deepen ties. He thanked the Senate for its "
        "support. Lộc later met President of the French National Assembly Yaëlle Morin-Dufour. "
        "She proposed a joint working group on climate. On Friday, the NA Chairman addressed a "
        "business forum. He said France was a key partner.",
    )
    who = _who(d)
    assert who["She proposed a"] == {"yaelle-morin-dufour"}  # not the woman listed far above
    assert who["He said France"] == {"tran-van-loc"}  # "she" was Morin-Dufour: "he" is not


def test_a_delegation_list_with_long_titles_and_compound_names(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "DA LAT (VNA) - The French delegation includes Vice-President of the Savoie Departmental "
        "Council in charge of Foreign Relations, Sport and Mountain Attractiveness Anne-Sophie "
        "Berthelin-Roux; President of the Chamber of Trades of Savoie Jean-Marc Delorme-Viard; "
        "and Deputy Mayor of Annecy responsible for Heritage and Twinning Théo Vallin. "
        "Berthelin-Roux said the department would send architects. According to Director of the "
        "provincial Department of Culture, Sports and Tourism Trần Thị Bích Ngọc, the province "
        "welcomed 20,000 French visitors last year.",
    )
    ids = {a.id for a in d.proposals}
    assert {"anne-sophie-berthelin-roux", "jean-marc-delorme-viard", "theo-vallin"} <= ids
    assert "tran-thi-bich-ngoc" in ids
    who = _who(d)
    assert who["Berthelin-Roux said the"] == {"anne-sophie-berthelin-roux"}
    assert who["the province welcomed"] == {"tran-thi-bich-ngoc"}  # "according to" her


def test_a_representative_speaks_for_the_body_and_member_states_is_no_verb(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "HO CHI MINH CITY (VNS) - French Consul General Paul Arnaud-Morel said trade was rising. "
        "“Once France has ratified, the message to the remaining member states will be strong,” "
        "he said. A representative of the Ministry of Industry and Trade told participants that "
        "exports had grown. She said a support desk would open next year. “The Senate will vote "
        "in June,” Arnaud-Morel told his guests.",
    )
    who = _who(d)
    assert who["“Once France has"] == {"paul-arnaud-morel"}  # not "the remaining member"
    ministry = who["A representative of"]
    assert len(ministry) == 1 and "ministry-of-industry-and-trade" in next(iter(ministry))
    assert who["She said a"] == ministry  # the representative again
    assert who["“The Senate will"] == {"paul-arnaud-morel"}  # the quotation, not the verb only


def test_an_object_pronoun_gives_no_gender_to_the_subject(tmp_path: Path) -> None:
    """ "Khiêm briefed her on ..." names only Khiêm, but "her" is whom he briefed: it makes him
    no woman, so the next "He" is still him."""
    d = _draft(
        tmp_path,
        "Chairman of the Bình Sơn Provincial People’s Committee Nguyễn Đức Tài received French "
        "Ambassador Claire Morvan on Wednesday. Tài briefed her on the province’s economy, "
        "saying that exports had doubled. He expressed his gratitude for France’s support.",
    )
    who = _who(d)
    assert who["He expressed his"] == {"nguyen-duc-tai"}


def test_an_official_of_a_states_ministry_and_a_spokesperson_for_an_embassy(
    tmp_path: Path,
) -> None:
    """The body an unnamed official speaks for is the ministry after its owner's possessive,
    not the owner state; "the French embassy in Hà Nội" is the French Embassy in Hanoi."""
    d = _draft(
        tmp_path,
        "A spokesperson for the French embassy in Hà Nội welcomed the agreement, saying it would "
        "help farmers. An official of Việt Nam’s Ministry of Agriculture and Environment said "
        "the ministry would fund the project.",
    )
    who = _who(d)
    assert who["A spokesperson for"] == {"french-embassy-in-hanoi"}
    assert who["An official of"] == {"vietnam-ministry-of-agriculture-and-environment"}


def test_a_french_name_with_le_after_a_lower_case_office(tmp_path: Path) -> None:
    """ "its vice-president Solenn Le Goarant": a lower-case hyphenated office introduces the
    name, and "Le" before a word that is no Vietnamese syllable is a French particle, not the
    family name Lê; "Pays de la Loire" keeps its particles in the council's name."""
    d = _draft(
        tmp_path,
        "A delegation of the Pays de la Loire Regional Council led by its vice-president Solenn "
        "Le Goarant signed an agreement on Tuesday. “We learn from each other,” Le Goarant told "
        "reporters. Le Goarant, for her part, said the region would send engineers.",
    )
    made = {a.id: a.name for a in d.proposals}
    assert made.get("solenn-le-goarant") == "Solenn Le Goarant"
    assert made.get("pays-de-la-loire-regional-council") == "Pays de la Loire Regional Council"
    assert "le-goarant" not in made and "loire-regional-council" not in made
    who = _who(d)
    assert who["“We learn from"] == {"solenn-le-goarant"}
    assert who["Le Goarant, for"] == {"solenn-le-goarant"}


def test_an_agency_sign_off_inside_the_last_statement_is_left_out(tmp_path: Path) -> None:
    """ "... would start in 2028. — VNS": the statement's quote stops before the sign-off even
    when the statement was read to the end of its line."""
    d = _draft(
        tmp_path,
        "Minister Trần Văn Nam met French Ambassador Claire Morvan on Monday. Both sides "
        "expressed the hope that direct flights would start in 2028. — VNS",
    )
    out = render(d)
    assert 'would start in 2028."]' in out or 'would start in 2028"]' in out
    assert '— VNS"]' not in out


def test_quoted_as_saying_and_a_states_customs_as_a_source(tmp_path: Path) -> None:
    """ "X was quoted as saying that ..." is X's statement; "according to Vietnam Customs" and
    "according to French customs data" are the two customs services' statements (one actor
    each, however the text writes it), not the states'; "customs duties" is no actor."""
    d = _draft(
        tmp_path,
        "French Minister for Foreign Trade Étienne Vallier met Vietnamese officials on Monday. "
        "Vallier was quoted as saying that the ratification would come soon. Trade reached 6 "
        "billion USD last year, according to Vietnam Customs. Exports rose 5 percent, according "
        "to French customs data. The two sides discussed customs duties on wine.",
    )
    who = _who(d)
    assert who["Vallier was quoted"] == {"etienne-vallier"}
    assert who["Trade reached 6"] == {"vietnam-customs"}
    assert who["Exports rose 5"] == {"french-customs"}
    made = {a.id: a for a in d.proposals}
    assert made["vietnam-customs"].country == "VN"
    assert "General Department of Vietnam Customs" in made["vietnam-customs"].aliases
    assert made["french-customs"].country == "FR"
    assert not any("duties" in a for a in made)


def test_both_sides_after_two_states_agreed_are_the_two_people_of_the_talks(
    tmp_path: Path,
) -> None:
    """A lead where "Vietnam and France agreed" names the states, then the people who held the
    talks: a later "both sides" is those two people (the article's principals), not the states."""
    d = _draft(
        tmp_path,
        "PARIS (AFP) - Vietnam and France agreed on Monday to expand maritime cooperation. "
        "The talks were held by French Deputy Minister Odile Ferrand and Vietnamese Deputy "
        "Minister Đặng Quốc Bảo. Ferrand said the navies would train together. Bảo said Hanoi "
        "welcomed the offer. Both sides reaffirmed their support for the law of the sea.",
    )
    who = _who(d)
    assert who["Both sides reaffirmed"] == {"odile-ferrand", "dang-quoc-bao"}, who


def test_a_time_between_the_speaker_and_the_verb_is_no_part_of_the_subject(
    tmp_path: Path,
) -> None:
    """ "X on Monday pledged", "X on May 25 urged", "X last week said": the time belongs to the
    verb, and the name before it is the speaker."""
    d = _draft(
        tmp_path,
        "PARIS (AFP) - French Foreign Minister Odile Ferrand on Monday pledged to deepen ties "
        "with Vietnam. Prime Minister Đặng Quốc Bảo on May 25 urged French firms to invest in "
        "chips. Ferrand last week said the deal was good.",
    )
    who = _who(d)
    assert who["French Foreign Minister"] == {"odile-ferrand"}, who
    assert who["Prime Minister Đặng"] == {"dang-quoc-bao"}, who
    assert who["Ferrand last week"] == {"odile-ferrand"}, who


def test_what_two_states_agreed_is_the_content_of_the_attribution_that_ends_it(
    tmp_path: Path,
) -> None:
    """ "France and Vietnam agreed to ..., Minister X said": one statement, X's, over the whole
    sentence; but a person's words relayed ("Y told his guests that ..., the ministry said")
    stay the person's."""
    d = _draft(
        tmp_path,
        "PARIS (AFP) - France and Vietnam agreed to hold annual consultations, French Minister "
        "Odile Ferrand said after talks in Hanoi. Ferrand told her guests that France wanted to "
        "be a partner of choice, the Foreign Ministry said in a statement.",
    )
    who = _who(d)
    assert who == {
        "France and Vietnam": {"odile-ferrand"},
        "Ferrand told her": {"odile-ferrand"},
    }, who


def test_the_airline_is_the_firm_whose_name_says_airline_not_the_last_firm(
    tmp_path: Path,
) -> None:
    """ "Cánh Diều Airlines signed with Airbus ..., the airline said": the company whose name
    holds the word, although Airbus was named last."""
    d = _draft(
        tmp_path,
        "HANOI (AFP) - Low-cost carrier Cánh Diều Airlines signed an agreement with European "
        "planemaker Airbus for ten jets, the airline said.",
    )
    assert _who(d)["Low-cost carrier Cánh"] == {"canh-dieu-airlines"}


def test_two_officials_joined_by_and_keep_their_own_offices(tmp_path: Path) -> None:
    """ "... Vice Chairman of X Lê Văn Tâm and Vice President of Y Julien Kerhoas": the second
    office starts after "and" (it does not run back over the first person), so "The French
    official" is Kerhoas, whose French given name says what the region's name does not."""
    d = _draft(
        tmp_path,
        "The agreement was signed in the presence of Vice Chairman of the Quảng Nam Provincial "
        "People’s Committee Lê Văn Tâm and Vice President of the Brittany Regional Council "
        "Julien Kerhoas. Tâm thanked the region for its support. The French official added that "
        "the region would fund a new workshop.",
    )
    roles = {m.actor.id: m.role for m in d.mentions if m.actor.type == "person" and m.role}
    assert roles["julien-kerhoas"] == "Vice President of the Brittany Regional Council"
    assert _who(d)["The French official"] == {"julien-kerhoas"}


def test_a_lower_case_description_set_off_by_commas_is_looked_through(tmp_path: Path) -> None:
    """ "X, the state-owned operator of the city’s tramway, confirmed ...": the subject is the
    name before the description."""
    d = _draft(
        tmp_path,
        "HANOI (VNA) - French rail manufacturer Ferrane signed a contract with Saigon Tram Joint "
        "Stock Company on Monday. Saigon Tram Joint Stock Company, the state-owned operator of "
        "the city’s tramway, confirmed on Tuesday that the first trams would arrive in 2029.",
    )
    assert _who(d)["Saigon Tram Joint"] == {"saigon-tram"}
