"""What the learner should discover in each data story, and the exercise that computes it.

The course teaches by discovery: no page, heading, key point, opening scene or
prompt may state a result before the exercise whose answer shows it
(``../shared/LEARNING.md``). Each :class:`StoryResult` below names one result
of a story of :mod:`brakes.data.stories` in a plain phrase, the exercise that
computes it, and the wordings that would give it away (regular expressions,
matched without regard to case, that stay inside one sentence).
``tests/authoring/test_story_position.py`` walks the learner's path in course
order and fails where one of them appears before its exercise. Trainer-only
blocks may state results: the trainer needs them.

To add a story's result, add a line here; a wording that is a fair question
("which answer leaves customers least satisfied?") should not match, so write
the patterns for the statement ("redirects satisfy least").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

#: What may come between two words of a pattern: up to 80 characters of the same sentence.
GAP = r"[^.!?;]{0,80}?"


def _sentence(*words: str) -> str:
    """A pattern of ``words`` in this order, within one sentence."""
    return GAP.join(words)


@dataclass(frozen=True)
class StoryResult:
    """One result the learner should discover, and where they compute it."""

    story: int
    """The story's number in DESIGN.md and in :mod:`brakes.data.stories`."""
    result: str
    """The result in a plain phrase, as a statement that would give it away."""
    computed_in: str
    """The id of the exercise whose answer shows the result."""
    patterns: tuple[str, ...]
    """Ways of stating it: regular expressions matched case-insensitively."""
    _compiled: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled = tuple(re.compile(p, re.IGNORECASE) for p in self.patterns)
        object.__setattr__(self, "_compiled", compiled)

    def find(self, text: str) -> Iterator[re.Match[str]]:
        """Every place in ``text`` that states this result, in order."""
        matches = (m for pattern in self._compiled for m in pattern.finditer(text))
        yield from sorted(matches, key=lambda m: m.start())


STORY_RESULTS: tuple[StoryResult, ...] = (
    # Story 1: the conversation happens where the brand does not speak, and it is colder there.
    StoryResult(
        1,
        "most of the talk is where the brand has no voice",
        "1.3",
        (
            _sentence(r"\bmost\b", r"\b(?:conversation|talk|mentions)\b", r"\bwhere\b", "no voice"),
            _sentence(
                r"(?:conversation|talk) (?:mostly )?happens",
                r"where",
                r"(?:does not|doesn't) speak",
            ),
        ),
    ),
    StoryResult(
        1,
        "the tone is colder where the brand has no voice",
        "1.4",
        (
            _sentence(r"\b(?:more negative|colder|harsher|cooler)\b", r"\bwhere\b", r"no voice"),
            _sentence(
                r"\b(?:more negative|colder|harsher)\b", r"\b(?:there|forums|review sites)\b"
            ),
            _sentence(r"\b(?:forums|review sites)\b", r"\b(?:more negative|colder|harsher)\b"),
        ),
    ),
    # Story 3: unanswered complaints keep spreading, answered ones stop.
    StoryResult(
        3,
        "unanswered complaints keep spreading while answered ones stop",
        "1.9",
        (
            _sentence(r"\bunanswered\b", r"\bkeep(?:s)? (?:spreading|growing|reaching)"),
            _sentence(
                r"\b(?:complaints?|mentions?)\b",
                r"nobody answers",
                r"\bkeep(?:s)? (?:spreading|growing)",
            ),
            _sentence(r"\banswered ones\b", r"\b(?:stop|fade|grow less)"),
            _sentence(r"\b(?:unanswered|nobody answers)\b", r"\btravel\w* further\b"),
        ),
    ),
    # Story 2: which answers satisfy, bring customers back, and who gives them.
    StoryResult(
        2,
        "redirects satisfy least, even less than no answer",
        "1.14",
        (
            _sentence(r"\bredirect", r"\b(?:least|lowest|less)\b", r"\bsatisf"),
            _sentence(r"\b(?:least|less|lower)\b", r"\bsatisf", r"\bredirect"),
            _sentence(
                r"\bredirect",
                r"\b(?:(?<!or )below|worse than|less than)\b",
                r"\b(?:silence|no answer)",
            ),
            _sentence(r"\bredirect", r"\bsatisf\w*", r"\b(?:least|less)\b"),
        ),
    ),
    StoryResult(
        2,
        "resolution, not visibility, goes with satisfaction",
        "1.15",
        (
            r"\bresolution,? not visibility\b",
            _sentence(r"\bsatisf", r"whether the problem was (?:solved|resolved)", r"\bnot\b"),
            _sentence(r"what went with satisfaction", r"\bsolved\b"),
        ),
    ),
    StoryResult(
        2,
        "among solved problems, a faster answer does better",
        "1.16",
        (
            _sentence(
                r"\bamong (?:solved|resolved)", r"\bfast\w*\b", r"\b(?:did|does|do) better\b"
            ),
            _sentence(r"\bonce (?:a|the) problem is solved\b", r"\bspeed still (?:matters|pays)\b"),
        ),
    ),
    StoryResult(
        2,
        "a public resolution brings customers back more than the web form",
        "1.17",
        (
            _sentence(r"\bpublic resolution", r"\bbring\w* (?:customers |them )?back more\b"),
            _sentence(r"\b(?:web form|redirect\w*)\b", r"\bfewer repeat purchases\b"),
            _sentence(
                r"\bhigher\b", r"\bafter a .?public_resolution.?", r"\bthan after a .?redirect"
            ),
        ),
    ),
    StoryResult(
        2,
        "customers sent to the web form have to write again more often",
        "1.18",
        (
            _sentence(
                r"\b(?:web form|redirect\w*)\b", r"\bmore often\b", r"\b(?:write|contact)\w*\b"
            ),
            _sentence(r"\b(?:web form|redirect\w*)\b", r"\b(?:write|contact)\w* again more\b"),
        ),
    ),
    StoryResult(
        2,
        "the agency sends customers to the web form more than the in-house team",
        "1.19",
        (
            _sentence(
                r"\bagency\b", r"\b(?:mostly|more often|most often)\b", r"\b(?:web form|redirect)"
            ),
            _sentence(r"\bagency\b", r"\bredirects? (?:more|most)\b"),
            _sentence(r"\bagency\b", r"\bweb form\b", r"\bmore than\b"),
            _sentence(r"\bagency\b", r"\bsend\w* (?:the )?customers? (?:somewhere else|elsewhere)"),
        ),
    ),
    StoryResult(
        2,
        "the agency answers faster but solves less",
        "1.20",
        (
            _sentence(
                r"\bagency\b",
                r"\bfast\w*\b",
                r"\b(?:but|yet|while)\b",
                r"\b(?:solves|resolves|solved|resolved)\b",
            ),
            _sentence(r"\bagency\b", r"\b(?:solves|resolves) (?:less|fewer)\b"),
            _sentence(r"\bfast replies\b", r"whether or not anything is solved"),
        ),
    ),
    # Story 4: employees' own platforms are not the customers'.
    StoryResult(
        4,
        "employees use other platforms than the customers",
        "2.3",
        (
            _sentence(
                r"\b(?:employees|staff)\b", r"\b(?:other|different) platforms\b", r"\bcustomers\b"
            ),
            _sentence(
                r"\b(?:employees|staff)\b",
                r"\b(?:not|aren't|are not)\b",
                r"where (?:the )?customers are\b",
            ),
            _sentence(
                r"\b(?:employees|staff)\b",
                r"\bLinkedIn\b",
                r"\bcustomers\b",
                r"\b(?:not|hardly|rarely|seldom)\b",
            ),
        ),
    ),
    # Story 6: the Swiss-army knife.
    StoryResult(
        6,
        "the brand posts almost everything on Facebook, where students hardly are",
        "2.8",
        (
            _sentence(
                r"\bbrand\b",
                r"\bposts?\b",
                r"\b(?:almost|nearly) (?:everything|all)\b",
                r"\bFacebook\b",
            ),
            _sentence(r"\bstudents\b", r"\b(?:barely|hardly|rarely|seldom)\b", r"\bFacebook\b"),
        ),
    ),
    # Story 5: so far so good.
    StoryResult(
        5,
        "the tone slid months before the sales fell",
        "2.22",
        (
            _sentence(
                r"\b(?:tone|sentiment)\b",
                r"\b(?:slid|slides|fell|turned|dropped)\b",
                r"\b(?:months|weeks) before\b",
                r"\bsales\b",
            ),
            _sentence(
                r"\blistening alarm\b", r"\b(?:rang|rings|would have rung) (?:first|earlier)\b"
            ),
            _sentence(r"\bsales\b", r"\bfollow\w*\b", r"\bmonths later\b"),
        ),
    ),
    # Story 7: followers are not customers; service is what brings them back.
    StoryResult(
        7,
        "the contest brought followers, not returning buyers",
        "3.4",
        (
            _sentence(
                r"\bcontest\b",
                r"\bfollowers\b",
                r"\bnot\b",
                r"\b(?:returning|repeat) (?:buyers|customers)",
            ),
            _sentence(
                r"\b(?:repeat[- ]purchase|returning buyers|repeat customers)\b",
                r"\b(?:did not|didn't|hardly|barely|never) (?:move|change|rise)",
            ),
            _sentence(
                r"\bcontest\b",
                r"\bfollowers\b",
                r"\b(?:no|not|without)\b",
                r"\b(?:customers|buyers|repeat purchases?)\b",
                r"\b(?:back|returning|again)\b",
            ),
        ),
    ),
    StoryResult(
        7,
        "satisfied customers buy again more often",
        "3.6",
        (
            _sentence(r"\bsatisfied customers\b", r"\bbuy\w* again more\b"),
            _sentence(
                r"\bhigher\s+(?:satisfaction\s+)?scores?\b", r"\b(?:bought|buy\w*)\s+again\s+more\b"
            ),
        ),
    ),
    StoryResult(
        7,
        "satisfaction, not speed, goes most with buying again",
        "3.7",
        (
            _sentence(
                r"\b(?:satisf\w+|resol\w+|service quality)\b",
                r"\b(?:predicts|drives|goes most with)\b",
                r"\b(?:buying again|repeat purchase)",
            ),
            _sentence(
                r"\b(?:speed|how fast)\b",
                r"\b(?:hardly|barely|did not|does not)\b",
                r"\b(?:matter|go with)\w*\b",
                r"\bbuying again\b",
            ),
            _sentence(
                r"\b(?:wait\w*|how\s+long)\b",
                r"\b(?:says?\s+(?:next\s+to\s+)?nothing|hardly|barely)\b",
                r"\b(?:bought|buy\w*)\s+again\b",
            ),
        ),
    ),
    # Story 9: me too.
    StoryResult(
        9,
        "joining TikTok did not move the brand's share of voice",
        "3.12",
        (
            _sentence(
                r"\b(?:joining|TikTok)\b",
                r"\b(?:did not|didn't|hardly|barely) (?:move|raise|change|lift)",
                r"\bshare of voice\b",
            ),
            _sentence(
                r"\bshare of voice\b",
                r"\b(?:did not|didn't|hardly|barely|never) (?:move|rise|grow|change)",
            ),
            _sentence(
                r"\b(?:joining|following|TikTok)\b",
                r"\b(?:won|gained|brought) (?:nothing|no|little)\b",
            ),
        ),
    ),
    # Story 8: departments plan alone.
    StoryResult(
        8,
        "most campaigns serve no company goal and are not shared",
        "3.16",
        (
            _sentence(
                r"\bmost\b", r"\bcampaigns\b", r"\b(?:no|not linked to a|serve no)\b", r"\bgoal\b"
            ),
            _sentence(r"\bmost\b", r"\bcampaigns\b", r"\bnot shared\b"),
        ),
    ),
    StoryResult(
        8,
        "some departments' campaigns duplicate each other",
        "3.17",
        (
            _sentence(r"\bsame (?:page|account)\b", r"\bsame week\b"),
            _sentence(r"\bsame week\b", r"\bsame (?:page|account)\b"),
            _sentence(r"\b(?:neither|no) (?:team|department) knows\b", r"\bother"),
            r"\bcampaigns (?:duplicate|repeat) (?:each other|one another)\b",
        ),
    ),
    StoryResult(
        7,
        "the tone cooled while the follower count grew",
        "3.24",
        (
            _sentence(
                r"\bfollower",
                r"\b(?:grew|rose|climbed)\b",
                r"\b(?:tone|sentiment)\b",
                r"\b(?:cooled|fell|slid|dropped)\b",
            ),
            _sentence(
                r"\b(?:tone|sentiment)\b",
                r"\b(?:cooled|fell|slid|dropped)\b",
                r"\bwhile\b",
                r"\bfollower",
            ),
        ),
    ),
    # Story 8's remedy: the governance model the data argue for.
    StoryResult(
        8,
        "hub and spoke suits La Mijotière",
        "3.21",
        (
            _sentence(
                r"\bhub and spoke\b",
                r"\b(?:suits|fits|would suit|is right for|we recommend)\b",
                r"\bLa Mijotière\b",
            ),
            _sentence(
                r"\bLa Mijotière\b",
                r"\b(?:needs|should choose|should adopt)\b",
                r"\bhub and spoke\b",
            ),
            _sentence(r"\bone brand\b", r"\bstart with a (?:small )?hub\b"),
        ),
    ),
)
