"""Actors' names as news writes them (issue 9, actors recall): possessives inside and after an
organisation's name, a company's legal form, a body located in a city, Vietnamese provincial
committees, companies by what the text calls them. Each rule on a few sentences written for the
test (none copied from anywhere); the development set measures them at scale."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vnfr_data.draft import Draft, extract, render
from vnfr_data.sources.folding import slug


def _draft(tmp_path: Path, text: str) -> Draft:
    article = tmp_path / "001_00000000000000af.txt"
    article.write_text(text, encoding="utf-8")
    return extract(article, published=dt.date(2026, 5, 6))


def _proposed(d: Draft) -> dict[str, str]:
    return {a.id: a.name for a in d.proposals}


def _mentioned(d: Draft) -> set[str]:
    return {m.actor.id for m in d.mentions}


def test_a_peoples_committee_is_one_name_and_no_person(tmp_path: Path) -> None:
    """ "People’s" before "Committee" is inside the name: the committee is proposed whole, and
    no part of it is taken for a person's name."""
    d = _draft(
        tmp_path,
        "Province and region sign a memorandum\n"
        "Chairman of the Bình Sơn Provincial People’s Committee Ngô Văn Tài received the "
        "delegation on Tuesday.\n",
    )
    proposed = _proposed(d)
    assert proposed.get("binh-son-provincial-peoples-committee") == (
        "Bình Sơn Provincial People’s Committee"
    )
    assert "ngo-van-tai" in proposed
    assert not any("people" in p and p != "binh-son-provincial-peoples-committee" for p in proposed)


def test_a_plural_possessive_inside_a_name_keeps_the_office_and_the_body(tmp_path: Path) -> None:
    """ "Parliamentarians’ Group": the office runs over the plural possessive to the name, and
    an en dash joins the compound ("Việt Nam–France")."""
    d = _draft(
        tmp_path,
        "Lawmakers meet in Paris\n"
        "The delegation includes Chairman of the Việt Nam–France Friendship Parliamentarians’ "
        "Group Đào Minh Quang and other deputies.\n",
    )
    proposed = _proposed(d)
    assert "dao-minh-quang" in proposed
    assert "vietnam-france-friendship-parliamentarians-group" in proposed
    assert not any(p.startswith("group-") for p in proposed)


def test_an_organisation_written_possessive_is_the_organisation(tmp_path: Path) -> None:
    """ "the European Commission’s warning" links the known European Commission, and a new
    company written possessive is proposed without the "’s"."""
    d = _draft(
        tmp_path,
        "Seafood exporters wait for Brussels\n"
        "Exporters hope the European Commission’s warning will be lifted this year. The "
        "Toulon-based Marenor Group’s new plant opened in March.\n",
    )
    assert "european-commission" in _mentioned(d)
    assert not any(p.endswith("commissions") for p in _proposed(d))
    assert "marenor-group" in _proposed(d)


def test_a_legal_form_is_no_part_of_a_companys_id(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Contract for a new water plant\n"
        "Vietnamese contractor Sông Lam Construction JSC will build the plant. Sông Lam "
        "Construction said the works would start in June.\n",
    )
    proposed = _proposed(d)
    assert proposed.get("song-lam-construction") == "Sông Lam Construction JSC"
    assert "song-lam-construction-jsc" not in proposed


def test_companies_by_what_the_text_calls_them_with_particles(tmp_path: Path) -> None:
    """ "French roaster ...", "French bank ...", "water company Eaux de ...": the cue word says
    it is a company; a particle ("de") is part of its name."""
    d = _draft(
        tmp_path,
        "French firms sign in Hanoi\n"
        "French roaster Torréfaction Morel signed with a local exporter. French bank Crédit "
        "Vernier will lend 20 million EUR, and French water company Sources de Vanoise will "
        "advise the city.\n",
    )
    proposed = _proposed(d)
    assert {"torrefaction-morel", "credit-vernier", "sources-de-vanoise"} <= set(proposed)


def test_a_body_only_located_in_a_city_is_named_without_it(tmp_path: Path) -> None:
    """ "X Hospital in Hà Nội and Y Central Hospital" are two hospitals, neither named with its
    city; an embassy's city is part of its name."""
    d = _draft(
        tmp_path,
        "Nurses trained for emergencies\n"
        "The project trained nurses at Thanh Bình Hospital in Hà Nội and Sông Hương Central "
        "Hospital, with the help of the French Embassy in Hanoi.\n",
    )
    proposed = set(_proposed(d))
    assert {"thanh-binh-hospital", "song-huong-central-hospital"} <= proposed
    assert not any("hospital-in" in p for p in proposed)
    assert "french-embassy-in-hanoi" in proposed


def test_a_navy_and_a_treasury_are_bodies(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Frigate calls at Cam Ranh\n"
        "The French Navy frigate Vendémiaire docked on Monday, and the French Treasury said the "
        "loan would be signed in June.\n",
    )
    assert {"french-navy", "french-treasury"} <= set(_proposed(d))


def test_ids_spell_hanoi_as_the_dataset_does() -> None:
    assert slug("Hà Nội People’s Committee") == "hanoi-peoples-committee"
    assert slug("Việt Nam–France Friendship Group") == "vietnam-france-friendship-group"


def test_a_ministry_a_country_names_with_its_possessive_is_that_countrys(tmp_path: Path) -> None:
    """ "Vietnam’s Ministry of Transport": the country's ministry, its id prefixed with the
    country as the dataset's ministries are ("vietnam-foreign-ministry")."""
    d = _draft(
        tmp_path,
        "Rail talks in Hanoi\n"
        "Vietnam’s Ministry of Transport said on Monday that the line would open in 2030. "
        "Việt Nam’s Ministry of Construction approved the design.\n",
    )
    made = {a.id: a.country for a in d.proposals}
    assert made.get("vietnam-ministry-of-transport") == "VN"
    assert made.get("vietnam-ministry-of-construction") == "VN"  # diacritics: the same state
    assert not {"ministry-of-transport", "ministry-of-construction"} & set(made)


def test_a_national_commission_is_a_body_not_a_bilateral_mechanism(tmp_path: Path) -> None:
    """A "... Commission" is a standing mechanism only when two sides hold it ("Joint",
    "Intergovernmental", a dash compound); "the National Competition Commission" is a body."""
    d = _draft(
        tmp_path,
        "Dairy deal awaits approval\n"
        "The purchase must be approved by the National Competition Commission. The "
        "Vietnam–France Intergovernmental Commission will meet in June.\n",
    )
    names = {ag.name for ag in d.agreements}
    assert "National Competition Commission" not in names
    assert "national-competition-commission" in {a.id for a in d.proposals}
    assert any("Intergovernmental Commission" in (n or "") for n in names)


def test_an_office_then_a_comma_then_the_name(tmp_path: Path) -> None:
    """ "the Ambassador of France to Việt Nam, Hélène ..., and ...": the name set off by commas
    after its office is a person, with the office's country."""
    d = _draft(
        tmp_path,
        "Grant signed for nursing schools\n"
        "On Monday, the Ambassador of France to Việt Nam, Sylvie Marchand-Roux, and Deputy "
        "Minister of Health Vũ Đức Anh signed the grant. The signing was witnessed by the "
        "Consul General of France in Huế, Thomas Verdier.\n",
    )
    made = {a.id: a.country for a in d.proposals}
    assert made.get("sylvie-marchand-roux") == "FR"
    assert "vu-duc-anh" in made
    assert made.get("thomas-verdier") == "FR"  # the name ends the sentence


def test_a_network_of_institutes_and_a_delegation_to_a_state(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Health cooperation marks a century\n"
        "The Pasteur Institutes have worked in the country for a century, according to the EU "
        "Delegation to Việt Nam.\n",
    )
    assert {"pasteur-institutes", "eu-delegation-to-vietnam"} <= set(_proposed(d))


def test_an_embassy_is_one_id_however_it_is_written(tmp_path: Path) -> None:
    """ "the French embassy" and "the French Embassy in Việt Nam" are the embassy in Hanoi."""
    for written in ("according to the French embassy", "said the French Embassy in Việt Nam"):
        d = _draft(
            tmp_path,
            f"Water contract signed\nThe contract is the first of its kind, {written}.\n",
        )
        assert "french-embassy-in-hanoi" in _mentioned(d), written
        assert "french-embassy-in-vietnam" not in _proposed(d)


def test_a_possessive_before_no_organisation_word_ends_the_name(tmp_path: Path) -> None:
    """ "the Senate’s France–Việt Nam friendship group": the body is the Senate; "France’s
    Atomic Energy Commission (CEA)": the commission, France's, without the possessive."""
    d = _draft(
        tmp_path,
        "Senators visit Hải Phòng\n"
        "Senator Odile Vernet, chairwoman of the Senate’s France–Việt Nam friendship group, "
        "said the visit mattered. France’s Atomic Energy Commission (CEA) will train engineers.\n",
    )
    made = {a.id: a for a in d.proposals}
    assert not any(p.startswith("senates") for p in made)
    cea = made.get("cea")  # its own acronym, not its English initials, is the id
    assert cea is not None and cea.country == "FR" and "CEA" in cea.aliases
    assert not any(p.startswith("frances") for p in made)


def test_the_french_presidential_palace_is_the_elysee(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Contracts worth billions signed in Hanoi\n"
        "Contracts worth nine billion euros were signed on Monday, the French presidential palace "
        "said.\n",
    )
    assert "elysee-palace" in _mentioned(d)
    assert any(s.who.ids == {"elysee-palace"} for s in d.statements)


def test_a_french_agency_named_without_an_organisation_word(tmp_path: Path) -> None:
    """ "Business France" is the agency, and its "France" no mention of the state."""
    d = _draft(
        tmp_path,
        "French cheese makers look to Vietnam\n"
        "Exports of French cheese to Vietnam rose 12 percent last year, according to Business "
        "France.\n",
    )
    assert "business-france" in _mentioned(d)
    business = next(m for m in d.mentions if m.actor.id == "business-france")
    assert not any(m.actor.id == "france" and business.span.contains(m.span) for m in d.mentions)


def test_a_name_before_any_reporting_verb_is_a_person(tmp_path: Path) -> None:
    """ "..., Antoine Lebrun replied": "replied", "recalled", "warned" report speech as
    "said" does, so the name before them is proposed as a person."""
    d = _draft(
        tmp_path,
        "Questions on the rail loan\n"
        "Asked about the delay, Antoine Lebrun replied that the loan was ready. The first line "
        "opened in 2021, Mireille Castaing recalled.\n",
    )
    assert {"antoine-lebrun", "mireille-castaing"} <= set(_proposed(d))


def test_a_womens_union_keeps_its_possessive(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Province trains young entrepreneurs\n"
        "Chairwoman of the Bình Sơn Women’s Union Trịnh Thu Hà said 300 women had joined.\n",
    )
    proposed = _proposed(d)
    assert "binh-son-womens-union" in proposed
    assert "trinh-thu-ha" in proposed


def test_a_states_body_written_possessive_speaks_for_itself(tmp_path: Path) -> None:
    """ "Vietnam’s Ministry of Transport said ...": the ministry is the speaker (its subject
    starts at the state's possessive), not nobody."""
    d = _draft(
        tmp_path,
        "Rail offer\n"
        "HANOI - French firms bid for the rail line on Monday.\n"
        "Vietnam’s Ministry of Transport said in a statement that it welcomed the offer.\n",
    )
    assert any(s.who.ids == {"vietnam-ministry-of-transport"} for s in d.statements)


def test_a_management_board_is_a_body_a_board_of_directors_none(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Metro contract signed\n"
        "The Hải Phòng Urban Railway Management Board (URB) signed the contract on Monday. The "
        "Board of Directors approved it in May.\n",
    )
    made = _proposed(d)
    assert "hai-phong-urban-railway-management-board" in made
    assert not any("directors" in p for p in made)


def test_a_joint_committee_is_a_mechanism_not_an_actor(tmp_path: Path) -> None:
    """ "the Vietnam–France Joint Economic Committee": held by two sides, an agreement of the
    cooperation-mechanism kind, never proposed as an organisation (which would also hide the
    mechanism from the agreements)."""
    d = _draft(
        tmp_path,
        "Economic committee meets in Paris\n"
        "The Vietnam–France Joint Economic Committee will hold its next session in Paris in "
        "June, the two ministers said.\n",
    )
    assert not any("committee" in p for p in _proposed(d))
    assert any("Joint Economic Committee" in (ag.name or "") for ag in d.agreements)


def test_a_provincial_department_by_its_portfolios(tmp_path: Path) -> None:
    """ "the provincial Department of Culture, Sports and Tourism": one name (the list of its
    portfolios), of the province whose People's Committee was named before."""
    d = _draft(
        tmp_path,
        "French region and province sign a plan\n"
        "Vice Chairman of the Bình Sơn Provincial People’s Committee Ngô Văn Tài received the "
        "guests. Director of the provincial Department of Culture, Sports and Tourism Đỗ Thị "
        "Lan said tourism grew.\n",
    )
    made = _proposed(d)
    assert made.get("binh-son-department-of-culture-sports-and-tourism") == (
        "Bình Sơn Department of Culture, Sports and Tourism"
    )
    assert "do-thi-lan" in made


def test_a_province_before_a_verb_is_no_person_nor_an_abbreviation_a_company(
    tmp_path: Path,
) -> None:
    d = _draft(
        tmp_path,
        "Tourism grows in the province\n"
        "At the meeting, Tài said Bình Sơn welcomed 90,000 French tourists. NA Chairman Trần "
        "Văn Minh received the delegation.\n",
    )
    made = _proposed(d)
    assert "binh-son" not in made
    assert "na" not in made


def test_an_office_after_the_name_gives_the_country_a_role_is_resolved_by(tmp_path: Path) -> None:
    """ "Rear Admiral X, Commander of the French Armed Forces ...": French, so "the French
    admiral said" is he."""
    d = _draft(
        tmp_path,
        "Frigate calls at Cam Ranh\n"
        "CAM RANH - On board was Rear Admiral Gilles Ravenel, Commander of the French Armed "
        "Forces in the Pacific, who flew in from Tahiti. The French admiral said France would "
        "keep sending ships.\n",
    )
    made = {a.id: a.country for a in d.proposals}
    assert made.get("gilles-ravenel") == "FR"
    assert any(s.who.ids == {"gilles-ravenel"} for s in d.statements)


def test_according_to_her_is_the_woman_named_before(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Film week planned\n"
        "HANOI - Director of the Department of Culture Trịnh Thu Hà met the guests on Monday. "
        "According to her, the first film week will open in June.\n",
    )
    found = [s for s in d.statements if d.text[s.evidence.start :].startswith("the first film")]
    assert found and found[0].who.ids == {"trinh-thu-ha"}


def test_an_agency_sign_off_is_no_part_of_the_last_statement(tmp_path: Path) -> None:
    """ "..., the MRB said. — VNS": the statement's quote stops at its sentence's full stop."""
    d = _draft(
        tmp_path,
        "Metro line carries millions\n"
        "HÀ NỘI — The Hải Phòng Urban Railway Management Board (URB) opened its first line in "
        "August 2024, with twelve stations.\n"
        "It carried 9.6 million passengers in its first year of operation, the URB said. — VNS\n"
        "Share | Print | Comment (0)\n",
    )
    quotes = [line for line in render(d).splitlines() if "evidence:" in line and "URB" in line]
    assert quotes and all('the URB said."]' in q for q in quotes), quotes


# -- delegation lists, companies, states inside offices (helper "agreements2") ------------------


def test_a_long_office_with_a_serial_comma_still_names_its_holder(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Ministers meet in Paris\n"
        "The French side included Minister of the Economy, Finance, and Industrial Sovereignty "
        "Édouard Marchal and Minister Delegate for Francophonie Inès Carpentier-Ba.\n",
    )
    proposed = _proposed(d)
    assert proposed.get("edouard-marchal") == "Édouard Marchal"
    assert proposed.get("ines-carpentier-ba") == "Inès Carpentier-Ba"
    assert "oif" not in _mentioned(d)  # "Francophonie" of an office is no organisation


def test_two_organisations_joined_by_and_are_two(tmp_path: Path) -> None:
    """ "X and Đà Nẵng-based Y JSC", "the University of ... and École ...": a second name that
    opens with where it is based or with an organisation word is a second organisation."""
    d = _draft(
        tmp_path,
        "Firms and schools sign deals\n"
        "French engineering group Varenne Ingénierie and Đà Nẵng-based Sơn Trà Port JSC signed a "
        "memorandum of understanding, and the University of Danang and École Supérieure de Brest "
        "exchanged a cooperation agreement.\n",
    )
    proposed = _proposed(d)
    for actor in ("varenne-ingenierie", "son-tra-port", "university-of-danang"):
        assert actor in proposed, proposed
    assert "ecole-superieure-de-brest" in proposed
    assert not any("-and-" in p for p in proposed), proposed


def test_a_company_named_again_without_its_generic_word_is_the_same(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Airline orders jets\n"
        "Low-cost carrier Cánh Diều Airlines signed a purchase agreement with Airbus on Tuesday.\n"
        "Cánh Diều chief executive Trần Minh Khôi said the jets would fly to Lyon.\n",
    )
    proposed = _proposed(d)
    assert "canh-dieu-airlines" in proposed
    assert "canh-dieu" not in proposed
    mentions = [m for m in d.mentions if m.actor.id == "canh-dieu-airlines"]
    assert len(mentions) == 2


def test_a_business_forum_is_a_meeting_not_an_actor(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Forum in Hanoi\n"
        "The deal was signed at the Việt Nam–France Business Forum in Hà Nội, organised by the "
        "French Chamber of Commerce and Industry in Vietnam.\n",
    )
    assert not any("forum" in p for p in _proposed(d))


def test_a_state_inside_an_office_or_a_region_name_is_no_mention_of_it(tmp_path: Path) -> None:
    d = _draft(
        tmp_path,
        "Region and province renew ties\n"
        "The documents were signed in the presence of the Ambassador of France to Việt Nam, Odile "
        "Brunet-Lai, and the Consul General of France in Đà Nẵng, Paul Mercier.\n"
        "Hauts-de-France councillor Anne Roux said the region would open an office.\n",
    )
    assert not {"france", "vietnam"} & _mentioned(d)
    d = _draft(tmp_path, "France and Vietnam sign\nFrance and Việt Nam signed a treaty.\n")
    assert {"france", "vietnam"} <= _mentioned(d)


def test_a_ministry_of_a_portfolio_only_vietnam_has_is_vietnams(tmp_path: Path) -> None:
    """ "the Ministry of Industry and Trade" named bare, in an article that qualifies no office,
    is Vietnam's (France has no ministry of that name), and its id says so as the dataset's
    ministries' ids do; a bare portfolio both sides have stays without a country."""
    d = _draft(
        tmp_path,
        "Trade rises again\n"
        "Two-way trade rose 8 percent last year, according to the Ministry of Industry and "
        "Trade.\n"
        "The Ministry of Finance published the tariff schedule on Monday.\n",
    )
    proposed = {a.id: a for a in d.proposals}
    assert proposed["vietnam-ministry-of-industry-and-trade"].country == "VN"
    assert "ministry-of-finance" in proposed
    assert proposed["ministry-of-finance"].country is None


def test_an_acronym_in_another_language_is_the_id_the_initials_are_not(tmp_path: Path) -> None:
    """An acronym that is not the initials of the English name (CCIFV, CEA) is what the body is
    called in its own language, so it is the id; one that only abbreviates the English name
    (WHO, MRB) leaves the id to the name; a short name of words ("PV Power") is no acronym."""
    d = _draft(
        tmp_path,
        "Firms meet in Hà Nội\n"
        "The French Chamber of Commerce and Industry in Vietnam (CCIFV) hosted the meeting with "
        "the Alternative Energies and Atomic Energy Commission (CEA) on Monday.\n"
        "The World Health Organization (WHO) and the Hà Nội Metropolitan Railway Management "
        "Board (MRB) also attended, as did PetroVietnam Power Corporation (PV Power).\n",
    )
    proposed = _proposed(d)
    assert proposed.get("ccifv") == "French Chamber of Commerce and Industry in Vietnam"
    assert proposed.get("cea") == "Alternative Energies and Atomic Energy Commission"
    assert "world-health-organization" in proposed
    assert "hanoi-metropolitan-railway-management-board" in proposed
    assert "petrovietnam-power-corporation" in proposed
    assert not {"who", "mrb", "pv-power", "pv power"} & set(proposed)


def test_a_demonym_after_for_or_of_is_the_people_a_body_serves(tmp_path: Path) -> None:
    """ "the Commission for Expatriate Vietnamese": a demonym after "for" (and one word) names
    the people the body serves, so it stays in the name; a demonym after "and" still does not
    ("... Centre and French ...")."""
    d = _draft(
        tmp_path,
        "Summer school for diaspora children\n"
        "A summer school for 80 children will open in Huế in July, the National Commission for "
        "Expatriate Vietnamese announced on Monday.\n"
        "The Lotus Vaccination Centre and French experts ran the clinic.\n",
    )
    proposed = _proposed(d)
    assert proposed.get("national-commission-for-expatriate-vietnamese") == (
        "National Commission for Expatriate Vietnamese"
    ), proposed
    assert "national-commission-for-expatriate" not in proposed
    assert not any(p.endswith("-and-french") or p.endswith("-french") for p in proposed), proposed


def test_a_company_by_its_legal_form_or_beside_another_company(tmp_path: Path) -> None:
    """ "Hanoi Metro One Member Co., Ltd." is a company by its legal form, whatever it does
    (a city first is part of its name); "Sao Bắc Airlines and Fenwick signed": the name joined
    by "and" to a company's is a company's, which "Fenwick said" then names; a person's name
    joined so ("Vietjet and Nguyễn Thị Lan") is none."""
    d = _draft(
        tmp_path,
        "Carriers and suppliers sign deals\n"
        "A consortium led by Hanoi Metro One Member Co., Ltd. will operate the line. Separately, "
        "Sao Bắc Airlines and Fenwick signed a maintenance contract on Monday. Fenwick said the "
        "contract would cover 12 aircraft. Vietjet and Nguyễn Thị Lan met on Friday.\n",
    )
    proposed = _proposed(d)
    assert proposed.get("hanoi-metro") == "Hanoi Metro One Member Co., Ltd."
    assert proposed.get("fenwick") == "Fenwick"
    assert not any("nguyen" in p for p in proposed)
    assert {s.who.speaker.id for s in d.statements} == {"fenwick"}
