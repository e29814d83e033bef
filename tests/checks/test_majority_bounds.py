"""A story told by many articles: findings list every outlier and a bounded sample of the others.

Issue (hardening, item 9): each finding listed every agreeing article, so 2,000 articles on one
subject made the report grow with the square, and a quotation carried by more than 50 articles was
never compared at all.
"""

from __future__ import annotations

from factcheck.checks.base import MAJORITY_SHOWN
from factcheck.model import Finding
from factcheck.pipeline import run_example
from factcheck.ruleset import load_rules

RULES = {rule.id: rule for rule in load_rules()}

ARTICLE = (
    "The Marrowby ferry carried 412 passengers, according to {source}. "
    '"We will not reopen the quay until every hull has been inspected," said {speaker}, {role}.'
)


def corpus(articles: int, outliers: set[int]) -> list[tuple[str, str]]:
    files = []
    for number in range(articles):
        odd = number in outliers
        text = ARTICLE.format(
            source="the Port Authority" if odd else "the Coast Guard",
            speaker="Ana Ruiz" if odd else "Olu Adeyemi",
            role="the mayor" if odd else "the harbour master",
        )
        files.append((f"a{number:03d}.md", text))
    return files


def found(rule_id: str, files: list[tuple[str, str]]) -> Finding:
    [finding] = [f for f in run_example(RULES[rule_id], files) if f.rule == rule_id]
    return finding


def test_every_outlier_is_located_and_only_a_few_of_the_others() -> None:
    files = corpus(80, {3, 40, 77})
    for rule_id in ("sources.attribution", "quotes.attribution"):
        finding = found(rule_id, files)
        paths = [loc.path for loc in finding.locations]
        assert paths[:3] == ["a003.md", "a040.md", "a077.md"], rule_id
        assert len(paths) == 3 + MAJORITY_SHOWN, rule_id
        assert "and 72 more" in finding.message, finding.message


def test_a_quotation_carried_by_many_articles_is_still_compared() -> None:
    finding = found("quotes.attribution", corpus(120, {7}))
    assert finding.message.startswith("“We will not reopen the quay")
    assert "Ana Ruiz in a007.md" in finding.message


def test_another_agreeing_article_does_not_change_the_id() -> None:
    for rule_id in ("sources.attribution", "quotes.attribution"):
        before = found(rule_id, corpus(12, {5}))
        after = found(rule_id, corpus(13, {5}))
        assert before.id == after.id, rule_id
