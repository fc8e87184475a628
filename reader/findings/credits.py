"""Who the story is credited to: byline, dateline agency credit, ``Source:`` lines, trailer credits,
disclaimers and photo credits, and the findings when a version changes them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from reader.align.relation import Reuse, lifted_rows
from reader.findings.speakers import same_speaker
from reader.loading.structure import byline_text, is_trailer_line
from reader.model import Article, Finding, FindingKind, ParagraphKind, Row, Severity, TextSpan
from reader.settings.profile import Profile
from reader.text.normalize import match_key

_DATELINE_CREDIT = re.compile(r"\(([^()]{1,40})\)")
_SOURCE = re.compile(r"^\s*Source\s*:\s*(.+?)\s*$", re.IGNORECASE)
_DISCLAIMER = re.compile(r"produced by|has not been edited|syndicated feed|©|copyright", re.IGNORECASE)
_PHOTO = re.compile(
    r"\b[A-Z]{2,}(?:\s[A-Z]{2,})?/[A-Z][\w.\-]+(?:\s[A-Z][\w.\-]+){0,3}\s*$|\(photo:[^)]*\)|\bphoto:\s*[^.]+",
    re.IGNORECASE,
)
_GLUED_TRAILER = re.compile(
    r"\((?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled)\s+by\b[^()]{3,300}\)\s*$", re.IGNORECASE
)
_NAME = re.compile(r"[A-Z][\w\u2019'.-]+(?:\s+(?:[A-Z][\w\u2019'.-]+|de|van|von|da|del|bin|al-\w+)){0,3}")
_NOT_NAMES = {
    "Reporting",
    "Writing",
    "Editing",
    "Additional",
    "Compiled",
    "Edited",
    "Produced",
    "By",
    "In",
    "And",
}
_OUTLET_START = re.compile(r"\s+(?:The|Daily|Staff|Our)\b.*$")


@dataclass(frozen=True)
class Credit:
    kind: str  # dateline | source | trailer | disclaimer | photo
    paragraph: int
    start: int
    end: int
    text: str

    @property
    def span(self) -> TextSpan:
        return TextSpan(self.paragraph, self.start, self.end)


_LABELS = {
    "dateline": "agency credit in the dateline",
    "source": "'Source:' line",
    "trailer": "trailer credit",
    "disclaimer": "agency disclaimer",
    "photo": "photo credit",
}


def lede_index(article: Article) -> int | None:
    """The paragraph holding the dateline: glued to the lede, or a dateline paragraph of its own."""
    for paragraph in article.paragraphs:
        if paragraph.body_start > 0 or paragraph.kind is ParagraphKind.DATELINE:
            return paragraph.index
    return None


def _dateline_prefix(article: Article, index: int) -> tuple[int, str]:
    paragraph = article.paragraphs[index]
    end = paragraph.body_start if paragraph.body_start else len(paragraph.text)
    return end, paragraph.text[:end]


def credits_of(article: Article) -> list[Credit]:
    found: list[Credit] = []
    lede = lede_index(article)
    if lede is not None:
        end, prefix = _dateline_prefix(article, lede)
        match = _DATELINE_CREDIT.search(prefix)
        if match:
            found.append(Credit("dateline", lede, match.start(), match.end(), match.group(1).strip()))
    for paragraph in article.paragraphs:
        text = paragraph.text
        if paragraph.kind is ParagraphKind.CREDIT or paragraph.kind is ParagraphKind.BOILERPLATE:
            if source := _SOURCE.match(text):
                found.append(Credit("source", paragraph.index, 0, len(text), source.group(1)))
            elif is_trailer_line(text):
                found.append(Credit("trailer", paragraph.index, 0, len(text), text.strip()))
            elif _DISCLAIMER.search(text):
                found.append(Credit("disclaimer", paragraph.index, 0, len(text), text.strip()))
        elif paragraph.kind is ParagraphKind.CAPTION:
            if photo := _PHOTO.search(text):
                found.append(
                    Credit("photo", paragraph.index, photo.start(), photo.end(), photo.group().strip())
                )
        elif paragraph.kind is ParagraphKind.BODY and (glued := _GLUED_TRAILER.search(text)):
            # A trailer pasted onto the last paragraph: "...the law allows. (Reporting by A; Editing by B)"
            found.append(
                Credit("trailer", paragraph.index, glued.start(), glued.end(), glued.group().strip())
            )
    return found


@lru_cache(maxsize=8)
def _agency_names(profile: Profile) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every agency name of the profile, and each name's agency (its usual name).
    Acronyms (AP, PA) match in capitals only, so "pa" or "Ap" in a word never credits anyone."""
    usual: dict[str, str] = {}
    acronyms, names = [], []
    for group in profile.agency_groups:
        for name in group:
            usual.setdefault(name.casefold(), group[0])
            (acronyms if name.isupper() and len(name) <= 5 else names).append(re.escape(name))
    if not usual:
        return re.compile(r"(?!)"), usual
    parts = []
    if names:
        parts.append(f"(?i:{'|'.join(sorted(names, key=len, reverse=True))})")
    if acronyms:
        parts.append("|".join(sorted(acronyms, key=len, reverse=True)))
    return re.compile(rf"(?<![\w/])(?:{'|'.join(parts)})(?![\w/])"), usual


def agencies_named(text: str, profile: Profile) -> set[str]:
    """The agencies (by their usual names) that ``text`` names."""
    pattern, usual = _agency_names(profile)
    return {usual[m.group().casefold()] for m in pattern.finditer(text)}


# Where a story's credit to an agency can stand; a caption's photo credit ("AP Photo/...") credits the
# photo, and a body sentence ("told The Associated Press") credits nobody.
_CREDIT_PLACES = {
    ParagraphKind.BYLINE: "byline",
    ParagraphKind.CREDIT: "credit line",
    ParagraphKind.BOILERPLATE: "page's credit line",
    ParagraphKind.DATELINE: "dateline",
}


def agency_credits(article: Article, profile: Profile) -> dict[str, str]:
    """Each agency the article credits for the story, with where the first credit stands."""
    found: dict[str, str] = {}
    for agency, where, _paragraph in _agency_mentions(article, profile):
        found.setdefault(agency, where)
    return found


def credit_paragraphs(article: Article, profile: Profile) -> list[int]:
    """The paragraphs that credit an agency for the story (dateline, byline, trailer, copyright line)."""
    return sorted({paragraph for _agency, _where, paragraph in _agency_mentions(article, profile)})


def _agency_mentions(article: Article, profile: Profile):
    """(agency, where, paragraph) of every credit to an agency for the story, in reading order of kind."""
    lede = lede_index(article)
    if lede is not None:
        for agency in agencies_named(_dateline_prefix(article, lede)[1], profile):
            yield agency, "dateline", lede
    for credit in credits_of(article):
        if credit.kind not in ("dateline", "photo"):
            for agency in agencies_named(credit.text, profile):
                yield agency, _LABELS[credit.kind], credit.paragraph
    for paragraph in article.paragraphs:
        where = _CREDIT_PLACES.get(paragraph.kind)
        if where is not None and not _PHOTO_IN_TEXT.search(paragraph.text):
            for agency in agencies_named(paragraph.text, profile):
                yield agency, where, paragraph.index


_PHOTO_IN_TEXT = re.compile(r"\bPhoto\s*/|/\s*Getty\b|\bphoto:", re.IGNORECASE)


@dataclass(frozen=True)
class AgencyCredits:
    """The agencies the wire and a version credit (``agency_credits`` of each), worked out once per
    version and read by every credit finding and the scorecard."""

    wire: dict[str, str]
    version: dict[str, str]

    @property
    def still(self) -> dict[str, str]:
        """The wire's agencies the version still credits, with where."""
        return {a: w for a, w in self.version.items() if a in self.wire}

    @property
    def uncredited(self) -> bool:
        """The wire credits an agency and the version credits it nowhere."""
        return bool(self.wire) and not self.still

    @property
    def names(self) -> str:
        return ", ".join(sorted(self.wire))


_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*")
_ROLE_WORDS = {
    "editor",
    "editors",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "writer",
    "writers",
    "staff",
    "columnist",
    "contributor",
    "producer",
    "photographer",
    "desk",
    "team",
    "bureau",
    "chief",
    "senior",
    "deputy",
    "associate",
    "contributing",
    "special",
    "city",
    "business",
    "political",
    "politics",
    "economics",
    "economy",
    "markets",
    "market",
    "sport",
    "sports",
    "science",
    "health",
    "world",
    "news",
    "foreign",
    "affairs",
    "consumer",
    "security",
    "diplomatic",
    "legal",
    "crime",
    "courts",
    "energy",
    "technology",
    "education",
    "environment",
    "international",
    "national",
    "local",
    "online",
    "digital",
    "uk",
    "us",
    "europe",
    "africa",
    "asia",
    "wire",
}


def _is_role(part: str) -> bool:
    """A job title or a desk ("PA City Editor", "Security Correspondent"), or a part with no name in it."""
    words = re.findall(r"[\w'\u2019.-]+", part)
    roles = [w for w in words if w.casefold().strip(".") in _ROLE_WORDS]
    return bool(roles) and all(w in roles or w.isupper() and len(w) <= 3 for w in words)  # "PA", "AFP"


def credit_names(text: str) -> list[str]:
    """Person names in a byline or trailer: 'By A B, C D and E F The Daily Example' -> [A B, C D, E F]."""
    text = re.sub(r"^\s*\(?\s*By\s+", "", text.strip(), flags=re.IGNORECASE)
    text = _IN_PLACE.sub("", text)  # "Daniel Orwin in Stockholm and ..." keeps the name after "and"
    names = []
    for part in re.split(r",|;|\band\b|&", text):
        part = part.strip(" ()")
        if _is_role(part):
            continue  # "PA City Editor", "Business Reporter", "UK Markets": a job or a desk, not a name
        for match in _NAME.finditer(part):
            words = [w for w in match.group().split() if w not in _NOT_NAMES]
            name = _OUTLET_START.sub("", " ".join(words))
            if name and name not in _NOT_NAMES:
                names.append(name)
                break
    return names


def _people(names: list[str], profile: Profile | None) -> list[str]:
    """Byline names without the agency ('Hannah Lindqvist, Meridian', 'JOHN ROE Associated Press',
    'The Associated Press')."""
    if profile is None:
        return names
    pattern, _usual = _agency_names(profile)
    people = []
    for name in names:
        person = re.sub(r"^(?:The|By)\s+", "", pattern.sub(" ", name).strip(), flags=re.IGNORECASE)
        person = " ".join(person.split())
        if person and person.casefold() not in ("the", "by", "staff"):
            people.append(person)
    return people


def _missing(names: list[str], against: list[str]) -> list[str]:
    return [n for n in names if not any(n.casefold() == m.casefold() or same_speaker(n, m) for m in against)]


def _finding(
    kind, severity, base_idx, other_idx, base_text, other_text, message, base_spans=(), other_spans=()
):
    return Finding(
        kind,
        severity,
        tuple(base_idx),
        tuple(other_idx),
        base_text,
        other_text,
        message,
        tuple(base_spans),
        tuple(other_spans),
    )


def byline_findings(base: Article, other: Article, profile: Profile | None = None) -> list[Finding]:
    b_idx = next((p.index for p in base.paragraphs if p.kind is ParagraphKind.BYLINE), None)
    o_idx = next((p.index for p in other.paragraphs if p.kind is ParagraphKind.BYLINE), None)
    b_text = base.paragraphs[b_idx].text if b_idx is not None else None
    o_text = other.paragraphs[o_idx].text if o_idx is not None else None
    if b_text is None and o_text is None:
        return []
    if o_text is None:
        return [
            _finding(
                FindingKind.BYLINE_REMOVED,
                Severity.MINOR,
                [b_idx],
                [],
                b_text,
                None,
                f"Byline removed: {b_text}",
                [base.whole(b_idx)],
            )
        ]
    if b_text is None:
        return [
            _finding(
                FindingKind.BYLINE_ADDED,
                Severity.MINOR,
                [],
                [o_idx],
                None,
                o_text,
                f"Byline added: {o_text}",
                (),
                [other.whole(o_idx)],
            )
        ]
    b_names, o_names = (_people(credit_names(byline_text(text)), profile) for text in (b_text, o_text))
    removed, added = _missing(b_names, o_names), _missing(o_names, b_names)
    b_span, o_span = [base.whole(b_idx)], [other.whole(o_idx)]
    if not removed and not added:
        return []
    if removed and not o_names:
        return [
            _finding(
                FindingKind.BYLINE_REMOVED,
                Severity.MINOR,
                [b_idx],
                [o_idx],
                b_text,
                o_text,
                f"Byline names removed: {', '.join(removed)} (the byline now names no reporter)",
                b_span,
                o_span,
            )
        ]
    if added and not b_names:
        return [
            _finding(
                FindingKind.BYLINE_ADDED,
                Severity.MINOR,
                [b_idx],
                [o_idx],
                b_text,
                o_text,
                f"Byline names added: {', '.join(added)} (the wire's byline names no reporter)",
                b_span,
                o_span,
            )
        ]
    if len(removed) == len(b_names) and len(added) == len(o_names):
        return [
            _finding(
                FindingKind.BYLINE_CHANGED,
                Severity.MINOR,
                [b_idx],
                [o_idx],
                b_text,
                o_text,
                f"Wire byline replaced: {', '.join(b_names)} no longer credited, "
                f"the copy's own byline instead ({', '.join(o_names)})",
                b_span,
                o_span,
            )
        ]
    if removed and added:
        return [
            _finding(
                FindingKind.BYLINE_CHANGED,
                Severity.MINOR,
                [b_idx],
                [o_idx],
                b_text,
                o_text,
                f"Byline changed: {', '.join(removed)} replaced by {', '.join(added)}",
                b_span,
                o_span,
            )
        ]
    if removed:
        return [
            _finding(
                FindingKind.BYLINE_REMOVED,
                Severity.MINOR,
                [b_idx],
                [o_idx],
                b_text,
                o_text,
                f"Byline name removed: {', '.join(removed)}",
                b_span,
                o_span,
            )
        ]
    return [
        _finding(
            FindingKind.BYLINE_ADDED,
            Severity.MINOR,
            [b_idx],
            [o_idx],
            b_text,
            o_text,
            f"Byline name added: {', '.join(added)}",
            b_span,
            o_span,
        )
    ]


def _same_credit(a: Credit, b: Credit) -> bool:
    if a.kind == "trailer":
        return not _missing(credit_names(a.text), credit_names(b.text))
    return fuzz.ratio(match_key(a.text), match_key(b.text)) >= 80 or match_key(a.text) in match_key(b.text)


def credit_findings(
    base: Article, other: Article, profile: Profile, agencies: AgencyCredits
) -> list[Finding]:
    """Credits of the wire a version dropped or replaced. Dropping one is major only when no credit to
    the wire's agency remains anywhere in the version (byline, dateline, copyright or source line); a
    photo credit belongs to the photo, and a copy may run other photos: never more than info."""
    base_credits, other_credits = credits_of(base), credits_of(other)
    still, uncredited, agency = agencies.still, agencies.uncredited, agencies.names

    def weight(credit: Credit) -> tuple[Severity, str]:
        if credit.kind == "photo":
            return Severity.INFO, ""
        if uncredited:
            return Severity.MAJOR, f" (no credit to {agency} remains anywhere in this version)"
        if still:
            agency_name, where = next(iter(still.items()))
            return Severity.MINOR, f" ({agency_name} still credited in the {where})"
        return Severity.MINOR, ""

    findings = []
    used: set[int] = set()
    for credit in base_credits:
        same_kind = [(n, c) for n, c in enumerate(other_credits) if c.kind == credit.kind and n not in used]
        kept = next(((n, c) for n, c in same_kind if _same_credit(credit, c)), None)
        if kept:
            used.add(kept[0])
            continue
        label = _LABELS[credit.kind]
        severity, note = weight(credit)
        replacement = same_kind[0] if same_kind else None
        if replacement:
            used.add(replacement[0])
            r = replacement[1]
            if credit.kind == "trailer" and not _missing(credit_names(credit.text), credit_names(r.text)):
                continue
            findings.append(
                _finding(
                    FindingKind.CREDIT_REMOVED,
                    severity,
                    [credit.paragraph],
                    [r.paragraph],
                    credit.text,
                    r.text,
                    f"{label[0].upper()}{label[1:]} replaced: '{credit.text}' became '{r.text}'{note}",
                    [credit.span],
                    [r.span],
                )
            )
            continue
        other_at = lede_index(other) if credit.kind == "dateline" else None
        base_text, other_text = credit.text, None
        message = f"{label[0].upper()}{label[1:]} removed: '{credit.text}'{note}"
        if credit.kind == "dateline":
            base_text = _dateline_prefix(base, credit.paragraph)[1].strip()
            other_text = _dateline_prefix(other, other_at)[1].strip() if other_at is not None else None
            now = f"'{other_text}'" if other_text else "no dateline"
            message = (
                f"Agency credit '{credit.text}' removed from the dateline: '{base_text}' became {now}{note}"
            )
        findings.append(
            _finding(
                FindingKind.CREDIT_REMOVED,
                severity,
                [credit.paragraph],
                [other_at] if other_at is not None else [],
                base_text,
                other_text,
                message,
                [credit.span],
                [TextSpan(other_at, 0, _dateline_prefix(other, other_at)[0])] if other_at is not None else [],
            )
        )
    if uncredited and not any(f.severity is Severity.MAJOR for f in findings):
        # The wire credited the agency only where no credit line stands (its byline, say).
        where = next(
            (
                p.index
                for p in base.paragraphs
                if p.kind is ParagraphKind.BYLINE and agencies_named(p.text, profile)
            ),
            lede_index(base),
        )
        findings.append(
            _finding(
                FindingKind.CREDIT_REMOVED,
                Severity.MAJOR,
                [where] if where is not None else [],
                [],
                agency,
                None,
                f"No credit to {agency} remains anywhere in this version (the wire credits it in the "
                f"{next(iter(agencies.wire.values()))})",
                [base.whole(where)] if where is not None else [],
            )
        )
    for n, credit in enumerate(other_credits):
        if n in used:
            continue
        label = _LABELS[credit.kind]
        findings.append(
            _finding(
                FindingKind.CREDIT_ADDED,
                Severity.INFO,
                [],
                [credit.paragraph],
                None,
                credit.text,
                f"{label[0].upper()}{label[1:]} added: '{credit.text}'",
                (),
                [credit.span],
            )
        )
    return findings


def dateline_text(article: Article, index: int | None) -> str | None:
    """'PORT ALDER, Nov 21' from the dateline as written (agency credit and dash left out)."""
    if index is None:
        return None
    _end, prefix = _dateline_prefix(article, index)
    text = _DATELINE_CREDIT.sub(" ", prefix)
    text = re.sub(r"^\s*date\s+\S+\s+", "", text)
    text = " ".join(text.strip().rstrip(":-\u2013\u2014 ").split())
    return text or None


def _place_and_date(dateline: str | None) -> tuple[str, str]:
    """The place (first part) and the date (the parts holding a digit) of a dateline; a region or
    country between them ("NAIROBI, Kenya, March 3") is neither."""
    if not dateline:
        return "", ""
    place, *rest = dateline.split(",")
    return match_key(place), match_key(" ".join(part for part in rest if re.search(r"\d", part)))


def _same_place(a: str, b: str, profile: Profile) -> bool:
    """'KYIV' / 'KIEV' (a transliteration), 'PORT ALDER/EASTMERE' / 'PORT ALDER' (fewer places named)."""
    if a == b or profile.is_spelling_variant(a, b):
        return True
    words_a, words_b = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def _same_date(a: str, b: str, profile: Profile) -> bool:
    """'Nov 21', 'Nov. 21', 'November 21' and '21 November' are the same date."""

    def canonical(date: str) -> list[str]:
        tokens = re.findall(r"[\w.]+", date.casefold())
        return sorted(
            str(profile.style.get(t, profile.style.get(t.rstrip("."), t.rstrip(".")))) for t in tokens
        )

    return canonical(a) == canonical(b)


def dateline_findings(base: Article, other: Article, rows: list[Row], profile: Profile) -> list[Finding]:
    """A reprint's dateline against the wire's; an independent article's own dateline is not compared."""
    b_lede, o_lede = lede_index(base), lede_index(other)
    b_dateline, o_dateline = dateline_text(base, b_lede), dateline_text(other, o_lede)
    if b_dateline is None:
        return []
    related = any(
        b_lede in row.base and row.other and (o_lede is None or o_lede in row.other) for row in rows
    )
    if not related:
        return []
    b_end, b_prefix = _dateline_prefix(base, b_lede)
    if o_dateline is None:
        target = next((row.other[0] for row in rows if b_lede in row.base and row.other), None)
        return [
            _finding(
                FindingKind.DATELINE_CHANGED,
                Severity.MINOR,
                [b_lede],
                [target] if target is not None else [],
                b_prefix.strip(),
                None,
                f"Dateline removed: '{b_dateline}'",
                [TextSpan(b_lede, 0, b_end)],
            )
        ]
    o_end, o_prefix = _dateline_prefix(other, o_lede)
    b_place, b_date = _place_and_date(b_dateline)
    o_place, o_date = _place_and_date(o_dateline)
    same_place = _same_place(b_place, o_place, profile)
    if same_place and _same_date(b_date, o_date, profile):
        return []
    if not same_place:
        severity, what = Severity.MAJOR, "place changed"
    elif not o_date:
        severity, what = Severity.MINOR, "date dropped"
    elif not b_date:
        severity, what = Severity.MINOR, "date added"
    else:
        severity, what = Severity.MINOR, "date changed"
    return [
        _finding(
            FindingKind.DATELINE_CHANGED,
            severity,
            [b_lede],
            [o_lede],
            b_prefix.strip(),
            o_prefix.strip(),
            f"Dateline {what}: '{b_dateline}' became '{o_dateline}'",
            [TextSpan(b_lede, 0, b_end)],
            [TextSpan(o_lede, 0, o_end)],
        )
    ]


def article_findings(
    base: Article, other: Article, rows: list[Row], profile: Profile, agencies: AgencyCredits
) -> list[Finding]:
    return (
        byline_findings(base, other, profile)
        + credit_findings(base, other, profile, agencies)
        + dateline_findings(base, other, rows, profile)
    )


def lift_findings(
    base: Article, rows: list[Row], share: Reuse, agencies: AgencyCredits, profile: Profile
) -> list[Finding]:
    """An independent story that lifts a substantial share of the wire and credits its agency nowhere.
    It stands on the wire's credits, none of which the story carries; its places are those credits and
    the paragraphs it lifted."""
    if not agencies.uncredited:
        return []
    agency = agencies.names
    lifted = lifted_rows(base, rows)
    return [
        _finding(
            FindingKind.CREDIT_REMOVED,
            Severity.MAJOR,
            sorted({*credit_paragraphs(base, profile), *(i for row in lifted for i in row.base)}),
            sorted({i for row in lifted for i in row.other}),
            agency,
            None,
            f"Takes {share.kept:.0%} of the wire's text ({share.lifted_paragraphs} paragraphs whole) and credits "
            f"{agency} nowhere",
        )
    ]
