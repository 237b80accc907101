"""The words that name an event, each with the event type it suggests (or a raw kind of its
own, such as "visit_verb", that the event rules read); `event_phrases` decides whether the
phrase around a trigger names one particular event."""

from __future__ import annotations

import re

#: "the Saigon Exhibition and Convention Center", "the Festival Hall": a place named after what
#: is held there, not an event.
_VENUE = (
    r"\s+(?:and\s+(?:Convention|Conference|Exhibition|Trade|Events?)\s+)?(?:Cent(?:re|er)|Hall"
    r"|Park|Grounds?|Palace|Complex|Venue)\b"
)

#: (pattern, type, needs a determiner or name before it)
_TRIGGERS: tuple[tuple[str, str], ...] = (
    (r"\bstate[- ]level visit\b|\bstate visit\b", "state_visit"),
    (r"\bofficial (?:friendship )?visit\b", "official_visit"),
    (
        r"(?<!to )(?<!will )(?<!would )(?<!shall )(?<!also )(?<!then )\b(?:working |landmark |recent |first |historic |upcoming |brief |two-day |three-day |four-day |five-day )?visit\b(?!\w)",
        "visit",
    ),
    (r"\b(?:[a-z]+-day )?port call\b", "visit"),  # a navy ship's visit
    # "during his stay in Paris", "her tour of Europe": a visit named by its stay
    (r"\b(?:stay|tour)\b(?=\s+(?:in|of)\s+[A-ZĐÀ-Ỹ])", "visit"),
    # "To Lam's trip to Paris in October": a trip to a named place is a visit
    (r"\b(?:[a-z]+-day |official |working |overseas )?trip(?=\s+to\s+[A-ZĐÀ-Ỹ])", "visit"),
    (
        r"\b(?:visited|visiting|to visit|arrived in|arrives in|travel to|travelled to|traveled to)\b"
        r"|\b(?:called|docked|docks|berthed) at(?=\s+[A-ZĐÀ-Ỹ])"  # a ship "called at Toulon"
        # "toured the Dung Quất Economic Zone": a visit to a named place (not "toured a factory"
        # inside the sentence's own visit)
        r"|\b(?:toured|touring)(?=\s+(?:the\s+)?[A-ZĐÀ-Ỹ])"
        # "led a business delegation to Lyon": the delegation's journey there
        r"|\b(?:led|leading|leads|will lead|to lead)\s+(?:a|an|the|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?"
        r"delegation\s+to(?=\s+(?:the\s+)?[A-ZĐÀ-Ỹ])"
        # "flew to Paris", "landed in Hanoi", "before flying to Indonesia": a journey to a named
        # place is a visit there (the place, capitalised, must follow: not "flying home")
        # ... not an airline's service: "began flying to Munich", "will start flying to Lyon"
        r"|(?<!began )(?<!begin )(?<!begins )(?<!started )(?<!start )(?<!starts )(?<!resumed )"
        r"(?<!resume )(?<!stopped )"
        r"\b(?:flew|flying|flies|fly|headed|heading|travelling|traveling) to(?=\s+[A-ZĐÀ-Ỹ])"
        r"|\b(?:landed|lands|landing|arriving|arrive|touched down) in(?=\s+[A-ZĐÀ-Ỹ])"
        r"|\b(?:will|would|shall)\s+(?:also\s+|then\s+)?visit\b",
        "visit_verb",
    ),
    (r"\btalks\b", "talks"),
    # "paid a courtesy call on Minister X": the minister receives the caller
    (r"\bcourtesy (?:call|visit)s?\b(?=\s+(?:on|to)\s)", "reception"),
    # "a mission of French agri-food businesses to the province", "a trade mission to Việt Nam":
    # a delegation's journey there is a visit
    (
        r"\b(?:(?:trade|business|investment|economic|commercial|parliamentary|fact-finding)\s+)?"
        r"mission\b(?=\s+(?:of\s+(?:[\w’'-]+\s+){1,5}?)?to\s+(?:the\s+)?[A-ZĐÀ-Ỹa-z])",
        "visit",
    ),
    # "held a phone call with", "in a telephone conversation": talks at a distance
    (r"\b(?:tele)?phone (?:call|conversation)\b|\bvideo (?:call|conference)\b", "talks"),
    # a press conference is the leaders' remarks to the media, not a conference
    (r"\b(?:joint )?(?:press|news) conference\b", "other"),
    # "a joint search-and-rescue exercise", "the naval drills": an exercise of forces
    (
        r"\b(?:(?:joint|naval|military|maritime|search[- ]and[- ]rescue|rescue|air|amphibious"
        r"|bilateral|humanitarian|live-fire|combined|coast guard|anti-piracy)\s+)+"
        r"(?:exercises?|drills?|manoeuvres|maneuvers|patrols?)\b",
        "other",
    ),
    # "the vote by the National Assembly", "the launch of the satellite", "the inauguration of"
    (
        r"(?<=\bthe )vote\b(?=\s+(?:by|of|in|on)\b)|\blaunch\b(?=\s+of\s)"
        r"|\binauguration\b(?!\s+ceremony)",
        "other",
    ),
    (r"\bworking session\b", "meeting"),
    # "the 12th session of the Intergovernmental Committee": a standing body's meeting (the event
    # rules keep it only when a committee or commission follows)
    (
        r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+teenth"
        r"|[a-z]+tieth|annual|next|plenary|\d+(?:st|nd|rd|th)) (?:session|round)\b(?=\s+of\b)",
        "session",
    ),
    (r"\b(?:roundtable|round table|round-table)\b", "conference"),
    (r"\bconsultations?\b", "dialogue"),
    (
        r"\bmeeting\b|\bmet with\b|\bmet\b|\bto meet\b|(?<=will )meet\b|(?<=will also )meet\b"
        r"|(?<= and )meet\b",
        "meeting",
    ),
    # "X and Y on March 2 discussed ...": two named people discussing is one meeting.
    (r"\bdiscussed\b", "meeting_verb"),
    (r"(?<![\w’'-])(?:Receiving|Welcoming)\b", "reception"),
    (r"(?<![\w’'-])Meeting\b(?=\s+with\b)", "meeting"),
    (r"\breceiv(?:ed|ing|es)\b|\breception\b", "reception"),
    # "Chinh hosted French Minister X", "Macron welcomed President Y at the Élysée": a host
    # receiving a named guest (the rules check that a person or a delegation follows)
    (r"\bhost(?:ed|s|ing)\b|\bwelcom(?:ed|es|ing)\b", "host_verb"),
    (
        r"\bsigning ceremony\b|\bsigning(?= of\b)|\bsigning\b|\b(?:was|were|been|be) (?:also )?signed\b"
        r"|\bto sign(?=\s+(?:a|an|the|new|\w+)\s)"
        r"|\b(?:will|would|shall)\s+(?:also\s+)?sign(?=\s+(?:a|an|the|new)\s)"
        r"|(?<!\bthe )(?<!\bout )(?<!existing )\bsigned(?=\s+(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|numerous|new|[A-Z])\b"
        r"\s*(?:\S+\s+){0,3}(?:agreements?|memorand\w*|MoUs?|deals?|contracts?|documents?|declarations?|treat\w+|conventions?|accords?|[A-Z]))"
        # "signed contracts worth ...", "signed a letter of intent", "signed a cooperation plan"
        r"|\bsigned(?=\s+(?:(?:a|an|the|two|three|four|five|\d+|new)\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:contracts?|letters? of intent|plans?|programmes?|programs?|protocols?|charters?"
        r"|roadmaps?|frameworks?|arrangements?|twinning|loans?)\b)"
        # "the twinning, signed in 1996", "the programme signed by the two governments in May",
        # "a memorandum that the two countries signed on October 8"
        r"|(?<!\bguest book )\bsigned(?=\s+(?:by|in|on|at|last|earlier)\s(?!behalf\b))"
        # "the two ministers inked a grant agreement": the news verb of a signing
        # "the two firms sealed a supply deal", "concluded an agreement on ..."
        r"|\b(?:sealed|clinched|concluded)(?=\s+(?:a|an|the|two|three|four|five|\d+|new)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:agreements?|deals?|contracts?|accords?|memorand\w*|MoUs?)\b)"
        r"|\b(?:was|were|been|be) (?:also )?inked\b|\binked(?=\s+(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+|several"
        r"|new|[A-Z])\b)",
        "signing",
    ),
    (
        r"\bhandover\b|\bhanded over\b|\bexchange of (?:the )?(?:cooperation )?documents\b"
        # "witnessed the exchange of a memorandum of understanding on training"
        r"|\bexchange of\s+(?:(?:a|an|the|two|three|four|five|\d+|several)\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:agreements?|memorand\w*|MoUs?|letters? of intent|instruments of ratification"
        r"|cooperation documents)\b"
        # "the two sides exchanged 14 cooperation documents", "documents ... were exchanged"
        r"|\b(?:was|were|been|be) (?:also )?exchanged\b"
        r"|\bexchanged(?=\s+(?:[\w-]+\s+){0,6}?(?:documents?|agreements?|memorand\w*|MoUs?"
        r"|letters? of intent|instruments)\b)",
        "document_exchange",
    ),
    (
        r"\b[Cc]onference\b(?!" + _VENUE + r")|\b(?:business |economic )?forum\b|\bseminar\b"
        r"|\bworkshop\b",
        "conference",
    ),
    (
        # "A French film week", also a name: "the Vietnamese Culture Week", "Hue Festival 2026"
        r"\b(?:[Ff]ilm|[Cc]ulture|[Cc]ultural|[Ff]ood|[Ff]ashion|[Mm]usic) [Ww]eek\b"
        r"|\b[Ff]estival\b(?!" + _VENUE + r")|\b[Ee]xhibition\b(?!" + _VENUE + r")"
        r"|\b(?:trade|retail|book|food|job|education|tourism|business|seafood|wine|investment)\s+fair\b"
        # "a 10-day training course on emergency care": a course of a stated length is one
        # course held (a "training course" alone may be a kind of thing offered)
        r"|\b[\w-]+-(?:day|week|month)\s+(?:[\w-]+\s+)?(?:training|refresher|language|vocational"
        r"|intensive|summer)\s+(?:[\w-]+\s+)?courses?\b"
        r"|(?<=\bthe )fair\b(?!\s+(?:and|to|share|trade|value|play|price|deal|chance|enough)\b)"
        r"|\bexpo\b"
        # performances, contests and gatherings: "a concert by the Lyon Baroque Ensemble", "a
        # speaking contest", "held a charity run", "a summer camp for children of the diaspora"
        r"|\b(?:concerts?|galas?|recitals?|contests?|competitions?|quizz?(?:es)?|olympiads?"
        r"|parades?|carnivals?|marathons?|(?:charity|fun|solidarity) (?:runs?|walks?|races?)"
        r"|(?:summer|winter|youth|training|language|study) camps?)\b"
        # a season with its own name: "the French Cultural Days 2026", "Francophonie Week",
        # "Việt Nam Culture Month"
        r"|\b(?!(?:This|Next|Last|Each|Every|Holy|The)\b)[A-ZĐÀ-Ỹ][\w’'–-]*\s+(?:Days|Week|Month)\b"
        # a festive celebration named by its occasion: "a Lunar New Year celebration"
        r"|(?:(?<=Year )|(?<=Tết )|(?<=Day )|(?<=Tet )|(?<=mas ))celebrations?\b",
        "other",
    ),
    (r"\b[Ss]ummit\b", "summit"),
    (r"\bForum\b", "conference"),
    (r"\b[Dd]ialogue\b", "dialogue"),
    (
        r"\b(?:\d+(?:st|nd|rd|th)|(?:[a-z]+-)?(?:first|second|third|fifth|eighth|ninth|twelfth"
        r"|[a-z]+(?:th|tieth)|hundredth)) anniversary\b",
        "commemoration",
    ),
    # "Speaking at the opening": the opening ceremony of what the article reports.
    (
        r"\bceremony\b|\bcelebration\b|(?<=\b[Aa]t the )opening\b(?!\s+(?:ceremony|session|remarks|speech|of\s+(?:the\s+)?market))",
        "ceremony",
    ),
    (
        r"\b(?:upgrade|elevation|upgrading|elevating)\b|\b(?:upgraded|elevated)\b(?=[^.,;]{0,80}\bto\b)"
        # "raised their ties to a Comprehensive Strategic Partnership"
        r"|\b(?:raised|lifted)\b(?=\s+(?:their|the|bilateral|its)\s+(?:[\w-]+\s+)?(?:ties|relations"
        r"|relationship|cooperation)\s+to\s+(?:a|an|the)\s+[^.;]{0,60}?[Pp]artnership\b)"
        # "relations were lifted to a comprehensive strategic partnership in 2024"
        r"|(?:(?<=\bwere )|(?<=\bwas ))(?:raised|lifted)\b(?=\s+to\s+(?:a|an|the)\s+[^.;]{0,60}?[Pp]artnership\b)",
        "partnership_upgrade",
    ),
    (
        r"\bestablish(?:ed|ing)\s+(?:a|an|the)\s+(?:[A-Za-z-]+\s+){0,3}[Pp]artnership\b",
        "partnership_upgrade",
    ),
    (
        r"\b(?:in|during) an interview with\b|\binterview\b|\b(?:[Ss]peaking|[Tt]alking)(?= to\b)",
        "interview",
    ),
    (r"\b(?:re-)?election\b", "election"),
    # "since Lecornu took office in September", "X was appointed ambassador", "was sworn in"
    (
        r"\b(?:took|takes|take|taking|assumed|assumes) office\b|\bsworn in\b"
        r"|\b(?:was|were|has been|have been|had been|is to be|will be) (?:appointed|named)"
        r"(?=\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?[A-Z\w])",
        "election_verb",
    ),
    # "his appointment as Prime Minister", "congratulated him on his appointment"
    (r"\bappointment\b(?=\s+(?:as|to)\s)|(?<=\b(?:his|her) )appointment\b", "election"),
    (
        r"\b(?:Typhoon|Tropical Storm|Storm|Cyclone|Hurricane|Earthquake|Flood|Floods)\s+[A-Z][a-z]+\b",
        "disaster",
    ),
    (
        r"\b(?:Olympic|Paralympic|Olympics|Paralympics|SEA Games|Asian Games|World Cup)\b",
        "sports_event",
    ),
    # "the partnership, which the two countries established in October": its establishment.
    (
        # ... or without the pronoun: "the Comprehensive Strategic Partnership the two countries
        # established in October 2024" (the event rules check that a partnership precedes it)
        r"(?<!during )(?<!in )(?:\bwhich\s+|(?<=[Pp]artnership )|(?<=[Pp]artnership that ))"
        r"(?:the two (?:countries|sides|nations)|they|both (?:sides|countries))\s+"
        r"(?:established|set up|forged|upgraded|elevated)\b"
        # "the Comprehensive Strategic Partnership, established in October 2024, ...": a
        # participle of its own, dated
        r"|(?<=[Pp]artnership, )(?:established|set up|forged|launched)(?=\s+(?:in|on)\s)"
        # "the Comprehensive Strategic Partnership, which was established in October 2024"
        r"|(?<=[Pp]artnership, which was )(?:established|set up|forged|launched)(?=\s+(?:in|on)\s)",
        "partnership_clause",
    ),
)


_TRIGGER_RX = tuple((re.compile(rx), kind) for rx, kind in _TRIGGERS)
