"""Every rule's examples run as tests; a rule without examples, or a malformed rule, fails loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import RuleError
from factcheck.pipeline import run_example
from factcheck.ruleset import builtin_rules_dir, load_rules, parse_rule

RULES = load_rules()
CASES = [
    pytest.param(rule, example, id=f"{rule.id}:{example.expect}:line{example.line}")
    for rule in RULES
    for example in rule.examples
]


def test_rules_are_found() -> None:
    assert [rule.id for rule in RULES], "no rules loaded"
    assert "numbers.conflict" in {rule.id for rule in RULES}


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule, example) -> None:
    findings = [f for f in run_example(rule, example.files) if f.rule == rule.id]
    if example.expect == "fail":
        assert findings, f"{rule.path}:{example.line}: expected a finding, got none"
    else:
        assert not findings, f"{rule.path}:{example.line}: expected no finding, got {[f.message for f in findings]}"


def test_every_rule_file_has_fail_and_pass_examples() -> None:
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        if any(part.startswith("_") for part in path.relative_to(builtin_rules_dir()).parts):
            continue
        rule = parse_rule(path.read_text(encoding="utf-8"), str(path), "x")
        assert {e.expect for e in rule.examples} == {"fail", "pass"}, path


GOOD = """check: numeric-consistency
severity: error
message: "{subject}"
description: test
examples:
  fail:
    - {a.md: "x", b.md: "y"}
  pass:
    - {a.md: "x"}
"""


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (GOOD.replace("severity: error", "severity: error\nseverty: error"), 3, "unknown key 'severty'"),
        (GOOD.replace("check: numeric-consistency", "check: no-such-check"), 1, "unknown check 'no-such-check'"),
        (GOOD.replace("severity: error", "severity: fatal"), 2, "unknown severity 'fatal'"),
        (GOOD + "options:\n  tolerence: 0.1\n", 11, "unknown option 'tolerence'"),
        (GOOD + "options:\n  relative_tolerance: lots\n", 11, "option 'relative_tolerance' must be a number"),
        (GOOD + "options:\n  growing: sanctions\n", 11, "must be a list of strings"),
        (GOOD.split("examples:")[0], 1, "missing required key 'examples'"),
        (GOOD.replace('  pass:\n    - {a.md: "x"}\n', ""), 6, "at least one 'pass' example"),
        ("check: [unclosed\n", 2, "invalid YAML"),
        (GOOD + "options:\n  relative_tolerance: .nan\n", 11, "must be a finite number, zero or more, got nan"),
        (GOOD + "options:\n  relative_tolerance: -0.1\n", 11, "must be a finite number, zero or more"),
        (GOOD + "options:\n  relative_tolerance: .inf\n", 11, "must be a finite number, zero or more"),
        (GOOD + "options:\n  swap_days: -1\n", 11, "must be an integer, zero or more"),
        (GOOD.replace("description: test", "description: test\ndescription: again"), 5, "duplicate key"),
    ],
)
def test_malformed_rule_names_file_and_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rule(text, "rules/x/bad.yaml", "x.bad")
    assert caught.value.line == line
    assert fragment in str(caught.value)
    assert str(caught.value).startswith(f"rules/x/bad.yaml:{line}: ")


def test_extra_rule_dir_ids_come_from_paths(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "numbers.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "people.yaml").write_text("not: a rule\n", encoding="utf-8")
    ids = [rule.id for rule in load_rules([tmp_path], builtin=False)]
    assert ids == ["house.numbers"]


def test_duplicate_rule_id_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "numbers").mkdir()
    (tmp_path / "numbers" / "conflict.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleError, match="already defined"):
        load_rules([tmp_path])


RULE_WITH_MESSAGE = """check: numeric-consistency
severity: error
message: {message}
description: x
examples:
  fail:
    - a.md: "Trade reached $244bn in 2024."
      b.md: "Trade reached $200bn in 2024."
  pass:
    - a.md: "Trade reached $244bn in 2024."
"""


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ('"{nope}"', "message: unknown field '{nope}' (fields: base_a, base_b, doc_a, doc_b, story, subject,"),
        ('"{0} in {doc_a}"', "message: positional field '{0}'"),
        ('"{subject"', "message: expected '}' before end of string"),
        ('"{subject:>999999999}"', "message: field '{subject}' takes no format spec or conversion"),
        ('"{subject.__class__}"', "message: unknown field '{subject.__class__}'"),
    ],
)
def test_a_bad_message_is_refused_when_the_rule_loads(message: str, expected: str) -> None:
    with pytest.raises(RuleError) as raised:
        parse_rule(RULE_WITH_MESSAGE.format(message=message), "house/bad.yaml", "house.bad")
    assert str(raised.value).startswith("house/bad.yaml:3: " + expected), str(raised.value)


def test_a_rule_nested_too_deeply_names_its_file() -> None:
    text = GOOD + "options:\n  growing: " + "[" * 50_000 + "]" * 50_000 + "\n"
    with pytest.raises(RuleError, match="nested too deeply") as caught:
        parse_rule(text, "rules/x/deep.yaml", "x.deep")
    assert str(caught.value).startswith("rules/x/deep.yaml")


def test_an_alias_bomb_is_refused_before_any_value_is_built() -> None:
    lines = ["x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    text = "\n".join(lines) + "\n" + GOOD + "options:\n  growing: *a9\n"
    with pytest.raises(RuleError, match="anchors and aliases expand to more than"):
        parse_rule(text, "rules/x/bomb.yaml", "x.bomb")


def test_a_huge_bad_value_is_shown_as_a_short_excerpt() -> None:
    text = GOOD + "options:\n  relative_tolerance: [" + ", ".join(["lots"] * 5000) + "]\n"
    with pytest.raises(RuleError) as caught:
        parse_rule(text, "rules/x/bad.yaml", "x.bad")
    assert "got a list of 5000 items" in str(caught.value) and len(str(caught.value)) < 200
