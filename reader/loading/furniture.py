"""Page furniture and timestamps: the lines a saved or scraped page carries besides the story.

Menus, account and paywall prompts, share bars, font-size buttons, newsletter boxes, section names and
page timestamps must be told apart from the headline, byline and dateline before any metadata is read:
a timestamp where a dateline would be is not a dateline, and ``A A`` is not a byline.

Both tests are by the shape of the whole line (what kinds of words it is made of), not by a list of
sites' phrases: a timestamp is a short line of date and time words; furniture is a short line made only
of interface words, or a line that asks the reader to do something to the page.
"""

from __future__ import annotations

import re

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
_WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
]
_TIME_WORDS = {
    *_MONTHS,
    *_WEEKDAYS,
    "am",
    "pm",
    "a.m",
    "p.m",
    "a.m.",
    "p.m.",
    "at",
    "on",
    "of",
    "the",
    "updated",
    "update",
    "published",
    "posted",
    "modified",
    "last",
    "first",
    "created",
    "edited",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "eat",
    "ist",
    "hrs",
    "h",
    "ago",
    "minutes",
    "minute",
    "hours",
    "hour",
    "min",
    "mins",
    "today",
    "yesterday",
    "st",
    "nd",
    "rd",
    "th",
    "le",
    "à",
}
_TIME_TOKEN = re.compile(r"[\w.]+")
_CLOCK = re.compile(r"^\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:[ap]\.?m\.?)?$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(
    r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}|\d{1,2}(?:st|nd|rd|th)?)$", re.IGNORECASE
)


def _date_word(token: str) -> str | None:
    """'month', 'number', 'clock' or 'word' for a token a timestamp is made of, else None."""
    lower = token.casefold().rstrip(".")
    if lower in _MONTHS:
        return "month"
    if _CLOCK.match(token):
        return "clock"
    if _NUMERIC_DATE.match(token):
        return "date" if re.search(r"[./-]", token) else "number"
    if lower in _TIME_WORDS or lower + "." in _TIME_WORDS:
        return "word"
    return None


def is_timestamp(text: str, source_words: int = 0) -> bool:
    """A line made of a date (a month name with a number, or a numeric date) and time words:
    ``Updated March 3, 2026 at 6:10 am``, ``Wednesday, 3 March 2026 06:42 AM``,
    ``Published on 03/03/2026 - 18:42 Modified: 03/03/2026 - 19:05``. ``source_words`` other words are
    allowed (a byline before a ``|``)."""
    tokens = _TIME_TOKEN.findall(text)
    if not 0 < len(tokens) <= 20:
        return False
    kinds = [_date_word(t) for t in tokens]
    other = sum(k is None for k in kinds)
    dated = "date" in kinds or "month" in kinds and ("number" in kinds or "clock" in kinds)
    return dated and other <= source_words


# Words that only ever make up interface lines: share bars, menus, account links, buttons.
_INTERFACE_WORDS = {
    "share",
    "shares",
    "post",
    "email",
    "e-mail",
    "mail",
    "print",
    "comment",
    "comments",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "reddit",
    "pinterest",
    "telegram",
    "messenger",
    "copy",
    "link",
    "save",
    "saved",
    "bookmark",
    "sign",
    "in",
    "log",
    "out",
    "up",
    "login",
    "logout",
    "register",
    "account",
    "my",
    "subscribe",
    "subscribers",
    "subscriber",
    "menu",
    "search",
    "home",
    "back",
    "to",
    "top",
    "a",
    "aa",
    "next",
    "previous",
    "prev",
    "close",
    "open",
    "listen",
    "watch",
    "play",
    "video",
    "videos",
    "photos",
    "gallery",
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "follow",
    "us",
    "on",
    "more",
    "less",
    "show",
    "hide",
    "text",
    "size",
    "font",
    "reset",
    "skip",
    "content",
    "main",
    "navigation",
    "toggle",
    "expand",
    "collapse",
    "now",
    "join",
    "free",
    "trial",
    "offer",
    "newsletter",
    "newsletters",
    "alerts",
    "notifications",
    "app",
    "download",
    "get",
    "the",
    "and",
    "or",
    "of",
    "your",
    "you",
    "for",
    "this",
    "article",
    "story",
    "page",
    "read",
    "view",
    "all",
    "full",
    "screen",
    "gift",
    "sections",
    "section",
    "options",
    "settings",
    "cookies",
    "cookie",
    "privacy",
    "terms",
    "contact",
    "feedback",
    "help",
    "loading",
    "load",
    "clear",
    "submit",
    "go",
    "cancel",
}
# A line asking the reader to act on the page, whatever else it says.
_PROMPT = re.compile(
    r"^(?:sign (?:in|up)|log ?in|subscribe|join now|join today|already (?:a )?(?:subscriber|member)|"
    r"enter your (?:postcode|zip|email|location)|create (?:a free |an )?account|register (?:now|for)|"
    r"get (?:unlimited|full|the app|our)|start your (?:free )?trial|support (?:our|local) journalism|"
    r"download (?:the|our) app|turn on notifications|sign up for|to continue reading|"
    r"you (?:have|'ve) (?:read|reached)|this (?:content|article) is (?:for|available to) subscribers)\b"
    r"|(?:all[- ]access|digital (?:access|pass|subscription)|\bper (?:month|week)\b|\$\d+(?:\.\d\d)?\s*(?:/|a |per )"
    r"(?:month|week|year)|unlimited (?:digital )?access|for (?:just|only) [$£€]\d)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w'\u2019-]+")


# Items of a menu or breadcrumb: separated by bars, dots, chevrons or runs of spaces.
_MENU_SEPARATOR = re.compile(r"\s*[|\u00b7\u2022\u203a\u00bb>]\s*|\s{2,}")


def is_menu(text: str) -> bool:
    """A row of short items: ``News | Business | Sport``, ``Home  Local  Crime & Courts``,
    ``International › Europe``, ``GLOBAL DESK DAILY · English Edition``; never a byline (``By ... | ...``)."""
    text = text.strip()
    if text[:3].casefold() == "by ":
        return False
    items = [item for item in _MENU_SEPARATOR.split(text) if item.strip()]
    # Two items of up to three words, or three and more of up to four ("THE NORTH WEST LEDGER | UK News | Health").
    longest = 3 if len(items) == 2 else 4
    return len(items) >= 2 and all(
        len(_WORD.findall(item)) <= longest and not item.rstrip().endswith((".", "?", "!", ","))
        for item in items
    )


def is_furniture(text: str) -> bool:
    """A share bar, menu, button row or paywall prompt (``SHARE POST EMAIL PRINT``, ``A A``,
    ``Sign in``, ``Enter your postcode for local weather``, ``All-Access Digital Pass``)."""
    words = _WORD.findall(text)
    if not words:
        return False
    if len(words) <= 30 and _PROMPT.search(text):
        return True
    if len(words) <= 24 and is_menu(text):
        return True
    return len(words) <= 10 and all(w.casefold() in _INTERFACE_WORDS for w in words)
