"""General word lists: countries, nationalities, places, titles (months and numbers are shared).

Kept apart from the rules so that the rules read as rules. Nothing here names
anything particular to one article: these are facts about English news prose
and the world (which country a capital or a nationality belongs to).
"""

from __future__ import annotations

from ..sources.lexicon import CARDINALS, MONTHS, ORDINALS, WEEKDAYS

__all__ = ["CARDINALS", "MONTHS", "ORDINALS", "WEEKDAYS"]  # re-exported: the shared lexicon


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easier to read and edit)."""
    return frozenset(text.split())


#: Country name (and common variants) -> ISO 3166-1 alpha-2.
COUNTRIES: dict[str, str] = {
    "Vietnam": "VN",
    "Viet Nam": "VN",
    "France": "FR",
    "China": "CN",
    "Japan": "JP",
    "South Korea": "KR",
    "Republic of Korea": "KR",
    "North Korea": "KP",
    "United States": "US",
    "United States of America": "US",
    "USA": "US",
    "United Kingdom": "GB",
    "Britain": "GB",
    "Germany": "DE",
    "Italy": "IT",
    "Spain": "ES",
    "Portugal": "PT",
    "Russia": "RU",
    "India": "IN",
    "Australia": "AU",
    "New Zealand": "NZ",
    "Canada": "CA",
    "Laos": "LA",
    "Cambodia": "KH",
    "Thailand": "TH",
    "Malaysia": "MY",
    "Singapore": "SG",
    "Indonesia": "ID",
    "Philippines": "PH",
    "Myanmar": "MM",
    "Brunei": "BN",
    "Timor-Leste": "TL",
    "Cuba": "CU",
    "Brazil": "BR",
    "Argentina": "AR",
    "Mexico": "MX",
    "Chile": "CL",
    "Peru": "PE",
    "Colombia": "CO",
    "Venezuela": "VE",
    "Ukraine": "UA",
    "Poland": "PL",
    "Czech Republic": "CZ",
    "Hungary": "HU",
    "Bulgaria": "BG",
    "Romania": "RO",
    "Netherlands": "NL",
    "Belgium": "BE",
    "Luxembourg": "LU",
    "Switzerland": "CH",
    "Austria": "AT",
    "Sweden": "SE",
    "Norway": "NO",
    "Denmark": "DK",
    "Finland": "FI",
    "Ireland": "IE",
    "Greece": "GR",
    "Turkey": "TR",
    "Israel": "IL",
    "Iran": "IR",
    "Iraq": "IQ",
    "Saudi Arabia": "SA",
    "United Arab Emirates": "AE",
    "Qatar": "QA",
    "Egypt": "EG",
    "South Africa": "ZA",
    "Nigeria": "NG",
    "Algeria": "DZ",
    "Morocco": "MA",
    "Tunisia": "TN",
    "Senegal": "SN",
    "Kazakhstan": "KZ",
    "Mongolia": "MN",
    "Bangladesh": "BD",
    "Pakistan": "PK",
    "Sri Lanka": "LK",
    "Nepal": "NP",
    "Dominican Republic": "DO",
}

#: Nationality adjective -> ISO code.
DEMONYMS: dict[str, str] = {
    "Vietnamese": "VN",
    "French": "FR",
    "Chinese": "CN",
    "Japanese": "JP",
    "Korean": "KR",
    "American": "US",
    "British": "GB",
    "German": "DE",
    "Italian": "IT",
    "Spanish": "ES",
    "Portuguese": "PT",
    "Russian": "RU",
    "Indian": "IN",
    "Australian": "AU",
    "Canadian": "CA",
    "Lao": "LA",
    "Laotian": "LA",
    "Cambodian": "KH",
    "Thai": "TH",
    "Malaysian": "MY",
    "Singaporean": "SG",
    "Indonesian": "ID",
    "Philippine": "PH",
    "Filipino": "PH",
    "Cuban": "CU",
    "Brazilian": "BR",
    "Mexican": "MX",
    "Ukrainian": "UA",
    "Polish": "PL",
    "Czech": "CZ",
    "Hungarian": "HU",
    "Bulgarian": "BG",
    "Dutch": "NL",
    "Belgian": "BE",
    "Swiss": "CH",
    "Austrian": "AT",
    "Swedish": "SE",
    "Norwegian": "NO",
    "Danish": "DK",
    "Finnish": "FI",
    "Irish": "IE",
    "Greek": "GR",
    "Turkish": "TR",
    "Israeli": "IL",
    "Iranian": "IR",
    "Egyptian": "EG",
    "Nigerian": "NG",
    "Moroccan": "MA",
}

#: Cities -> ISO code, for an event's country when only the city is named.
CITIES: dict[str, str] = {
    "Hanoi": "VN",
    "Ha Noi": "VN",
    "Ho Chi Minh City": "VN",
    "Da Nang": "VN",
    "Danang": "VN",
    "Hai Phong": "VN",
    "Hue": "VN",
    "Can Tho": "VN",
    "Paris": "FR",
    "Lyon": "FR",
    "Marseille": "FR",
    "Toulouse": "FR",
    "Strasbourg": "FR",
    "Bordeaux": "FR",
    "Nice": "FR",
    "Beijing": "CN",
    "Shanghai": "CN",
    "Tokyo": "JP",
    "Seoul": "KR",
    "Washington": "US",
    "New York": "US",
    "London": "GB",
    "Berlin": "DE",
    "Rome": "IT",
    "Madrid": "ES",
    "Lisbon": "PT",
    "Moscow": "RU",
    "New Delhi": "IN",
    "Canberra": "AU",
    "Wellington": "NZ",
    "Ottawa": "CA",
    "Vientiane": "LA",
    "Phnom Penh": "KH",
    "Bangkok": "TH",
    "Kuala Lumpur": "MY",
    "Jakarta": "ID",
    "Manila": "PH",
    "Brussels": "BE",
    "Geneva": "CH",
    "Vienna": "AT",
    "Havana": "CU",
    "Kyiv": "UA",
    "Warsaw": "PL",
    "Prague": "CZ",
    "Budapest": "HU",
    "Sofia": "BG",
    "Amsterdam": "NL",
    "The Hague": "NL",
    "Stockholm": "SE",
    "Oslo": "NO",
    "Copenhagen": "DK",
    "Helsinki": "FI",
    "Dublin": "IE",
    "Athens": "GR",
    "Ankara": "TR",
    "Cairo": "EG",
}

#: Words that make up titles and offices ("French Armed Forces Minister", "Ambassador to France").
TITLE_WORDS: frozenset[str] = wordset("""
    President Presidents Vice Prime Minister Ministers Deputy General Secretary Secretaries
    Ambassador Ambassadors Chairman Chairwoman Chairperson Chair Governor Mayor Senator Speaker
    Chancellor King Queen Prince Princess Premier Director Director-General CEO Chief Head
    Commissioner Counselor Counsellor Consul Envoy Spokesperson Spokesman Spokeswoman Professor
    Prof Dr Mr Mrs Ms Madam Sir Lady Party State Foreign Defence Defense Armed Forces Trade
    Finance Permanent Representative First Lieutenant Colonel Admiral Marshal Politburo Member
    Affairs Industry Planning Investment Agriculture Health Education Culture Justice Security
    Public Transport Construction Labour Labor Information Communications Science Technology
    Natural Resources Environment Home Interior Economy Economic National Assembly Central
    Committee Standing Executive Senior Acting Former Minister-Counselor Secretary-General
    Vice-President Vice-Chairman Chargé Charge d'Affaires Ambassador-designate Mission Office
    Sports Tourism Youth Women Labour Veterans Ethnic Religious Overseas External Relations
    People's People’s Army Navy Police Staff Commander Minister-President Governor-General
    Mayor-elect Head-of-State Special Envoy Emissary High Commissioner Under-Secretary Delegate
    Energy Ecological Ecology Transition Digital Maritime Fisheries Innovation Rear Captain
    Commodore Brigadier
    """)

#: Title words that alone name an office (the head of a title phrase).
OFFICE_HEADS: frozenset[str] = wordset("""
    President Minister Ambassador Secretary Chairman Chairwoman Chairperson Governor Mayor Senator
    Speaker Chancellor King Queen Premier Director Director-General CEO Chief Commissioner
    Counselor Counsellor Consul Envoy Spokesperson Spokesman Spokeswoman Professor General
    Secretary-General Representative Commander Delegate Admiral Colonel Lieutenant Captain
    Commodore Marshal Brigadier
    """)

#: Courtesy titles that may stand alone before a name.
HONORIFICS: frozenset[str] = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Madam", "Sir"})

#: Cues to a person's gender, for resolving "he"/"she": courtesy titles, the Vietnamese
#: middle names "Thi" (women) and "Van" (men), and common given names of women. Only a cue
#: that is present counts; everybody else is of unknown gender.
FEMALE_TITLES: frozenset[str] = frozenset({"Mrs", "Ms", "Madam", "Madame", "Mme", "Lady", "Queen"})
MALE_TITLES: frozenset[str] = frozenset({"Mr", "Monsieur", "Sir", "King"})
FEMALE_MIDDLE_NAMES: frozenset[str] = frozenset({"Thi", "Thị"})
MALE_MIDDLE_NAMES: frozenset[str] = frozenset({"Van", "Văn"})


from .given_names import FEMALE_GIVEN_NAMES as FEMALE_GIVEN_NAMES  # noqa: E402
from .given_names import MALE_GIVEN_NAMES as MALE_GIVEN_NAMES  # noqa: E402

#: Determiners after which a cardinal refers back ("the two leaders") instead of counting.
ANAPHORIC_DETERMINERS: frozenset[str] = frozenset(
    {"the", "these", "those", "their", "both", "its", "his", "her", "our", "all", "each", "every"}
)

#: Head words of agreements, frameworks and policies, with the agreement type they suggest.
#: Words that make a body one two sides hold together ("Joint Committee", "a bilateral working
#: group"): such a body is a cooperation mechanism, no actor. A regular expression alternation.
SHARED_BODY_WORDS = r"(?:Joint|Intergovernmental|Inter-governmental|Mixed|Bilateral)"

#: A capital letter in a regex character class, Vietnamese ones included ("Đà Lạt", "Ấn Độ"):
#: [A-Z] alone cuts "Lâm Đồng–Haute-Savoie" to "Haute-Savoie".
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha())

AGREEMENT_HEADS: dict[str, str] = {
    "agreement": "other",
    "agreements": "cooperation_documents",
    "convention": "convention",
    "treaty": "other",
    "accord": "other",
    "pact": "other",
    "protocol": "other",
    "charter": "other",
    "partnership": "partnership_programme",
    "declaration": "declaration",
    "memorandum": "cooperation_documents",
    "memoranda": "cooperation_documents",
    "mou": "cooperation_documents",
    "mous": "cooperation_documents",
    "code": "code_of_conduct",
    "framework": "cooperation_mechanism",
    "mechanism": "cooperation_mechanism",
    "strategy": "policy",
    "policy": "policy",
    "doctrine": "policy",
    "initiative": "other",
    "programme": "partnership_programme",
    "program": "partnership_programme",
    "plan": "other",
    "roadmap": "other",
}

#: Head words of events and things that are never part of a person's name.
EVENT_HEADS: frozenset[str] = wordset("""
    Summit Conference Forum Dialogue Meeting Talks Visit Games Olympics Olympic Paralympic
    Championship Championships Cup Festival Expo Exhibition Fair Ceremony Anniversary Victory
    War Day Week Year Typhoon Storm Earthquake Flood Election Congress Session Plenum Plenary
    """)

#: Capitalised words that name places or things rather than people.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    {w.capitalize() for w in AGREEMENT_HEADS}
    | EVENT_HEADS
    | wordset(
        """
    Sea Ocean River Lake Mountain Province City District Street Island Islands Region Asia Europe
    Africa America Pacific Atlantic Indian East West North South Middle Central Southeast
    Agency Ministry Committee Government Parliament Assembly Office Commission Department Bank
    Company Corporation Group News Television Radio Times Post Press Organisation Organization
    Union Nations Association Council Institute University Centre Center Foundation Federation
    Chamber Fund Party Army Navy Police Energy Trade Investment Development Cooperation
    Transition Just Free Protection Comprehensive Strategic Law Conduct Parties Development
    Assistance Official Indo-Pacific Francophonie International United National European
    Provincial People Women Children Hospital College
    """
    )
)

#: Words of ministries' portfolios and offices' fields, never part of a person's name
#: ("Minister of Education and Training Nguyen Kim Son").
PORTFOLIO_WORDS: frozenset[str] = wordset("""
    Training Partnerships Partnership Sovereignty Industrial Francophonie Commerce Relations
    Senate Officer Executive Commercial Operating Financial Council Regional Municipal Trade
    Foreign Europe Affairs Economy Finance Digital Energy Industry Education Culture Sports
    Tourism Health Defence Defense Justice Interior Labour Labor Agriculture Transport Science
    Technology Environment Information Communications Planning Investment Construction Home
    Natural Resources Ecological Transition Maritime Fisheries Innovation Development Research
    Youth Women Veterans Overseas External Internal Social Welfare Budget Treasury Cooperation
    Friendship Parliamentary Legislative Judicial Public Security Solidarity Territories Cities
    Housing Armed Forces Veterans Memory Heritage Communication Media Broadcasting Ethnic
    Religious Minorities Inspection Audit Customs Tax Taxation Statistics Standards
    """)

#: Aliases that are common English words or very common Vietnamese name parts: a link made
#: through one of them needs a reviewer's look ("Man", "Son", "Long", "Minh").
RISKY_ALIASES: frozenset[str] = wordset("""
    man son long ha hang tan nam an hoa lan mai hung minh anh thanh tuan hai duc dung hieu
    binh chinh quang nga thu van thi vu ho le do ly trong phuc linh khanh hoang bach ngoc
    may will mark grant rose bill frank joy hope
    """)

#: Vietnamese family names: a person's name starts with one ("... Training Nguyen Kim Son").
VIETNAMESE_FAMILY_NAMES: frozenset[str] = wordset("""
    Nguyen Nguyễn Tran Trần Le Lê Pham Phạm Hoang Hoàng Huynh Huỳnh Phan Vu Vũ Vo Võ Dang Đặng
    Bui Bùi Do Đỗ Ho Hồ Ngo Ngô Duong Dương Ly Lý Dinh Đinh Luong Lương Trinh Trịnh Mai Ta Tạ
    Doan Đoàn Lam Lâm Cao Ha Hà Chu Thai Thái Truong Trương Quach Quách Lu Lưu Kieu Kiều Phung
    Phùng Tô To Tong Tống Vuong Vương Trieu Triệu La Lại Lai Nong Nông Khuat Khuất Dao Đào
    """)

#: Head words of organisation names, with the actor type they suggest.
ORG_HEADS: dict[str, str] = {
    "agency": "government_body",
    "ministry": "government_body",
    "committee": "government_body",
    "government": "government_body",
    "parliament": "government_body",
    "assembly": "government_body",
    "senate": "government_body",
    "office": "government_body",
    "commission": "government_body",
    "department": "government_body",
    "consulate": "government_body",
    "embassy": "government_body",
    "palace": "government_body",
    "council": "government_body",
    "authority": "government_body",
    "army": "government_body",
    "navy": "government_body",
    "delegation": "government_body",
    "board": "government_body",
    "treasury": "government_body",
    "hospital": "organisation",
    "college": "organisation",
    "bank": "company",
    "company": "company",
    "corporation": "company",
    "corp": "company",
    "group": "organisation",
    "jsc": "company",
    "airlines": "company",
    "airways": "company",
    "news": "media",
    "television": "media",
    "radio": "media",
    "organisation": "international_organisation",
    "organization": "international_organisation",
    "union": "international_organisation",
    "forum": "organisation",
    "association": "organisation",
    "institute": "organisation",
    "university": "organisation",
    "école": "organisation",
    "school": "organisation",
    "academy": "organisation",
    "centre": "organisation",
    "center": "organisation",
    "foundation": "organisation",
    "federation": "organisation",
    "chamber": "organisation",
    "fund": "organisation",
    "party": "political_party",
}
