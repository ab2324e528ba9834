"""Paper for a training room: knowledge checks and role-play scenarios read from a page's HTML."""

from __future__ import annotations

import markdown

from handbook.paper.training import knowledge_checks, scenarios, without_answers

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "pymdownx.details", "pymdownx.superfences",
              "toc"]

CHAPTER = """
# Listening

## Listen {#listen}

Text with a [link](#listen).

## Check your understanding {#check-your-understanding}

**1. First question?**

??? question "A. Right answer"

    Right. Because.

??? question "B. Wrong answer"

    Not quite. See [Listen](#listen).

**2. Second question?**

??? question "A. Only option"

    Right.
"""

SCENARIOS = """
# Scenarios

Intro with a list:

- one
- two

## The angry caller {#angry-caller}

**Situation.** She called three times.

**Roles:**

- **Staff member:** You want to keep her.
- **Customer:** You want to be heard.
- **Manager:** You arrive late.

**Good handling looks like this:**

- They listen.
- They use her name.

**Phrases to practice:**

- [Listen](listening.md#listen).
"""


def html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_a_knowledge_check_is_read_as_questions_with_their_options_and_explanations() -> None:
    questions = knowledge_checks(html(CHAPTER))
    assert [q.text for q in questions] == ["1. First question?", "2. Second question?"]
    assert [o.label for o in questions[0].options] == ["A. Right answer", "B. Wrong answer"]
    assert "Not quite. See" in questions[0].options[1].explanation
    assert '<a href="#listen">' in questions[0].options[1].explanation
    assert len(questions[1].options) == 1


def test_a_page_without_a_knowledge_check_has_no_questions() -> None:
    assert knowledge_checks(html(SCENARIOS)) == []


def test_on_paper_the_options_keep_their_labels_and_lose_their_explanations() -> None:
    paper = without_answers(html(CHAPTER), lambda label: f"[{label}]")
    assert "[A. Right answer]" in paper and "[B. Wrong answer]" in paper
    assert "Because" not in paper and "details" not in paper
    assert "1. First question?" in paper


def test_a_scenario_is_read_as_situation_roles_and_checklist() -> None:
    found = scenarios(html(SCENARIOS))
    assert [s.id for s in found] == ["angry-caller"]
    scenario = found[0]
    assert scenario.title == "The angry caller"
    assert scenario.situation == "<strong>Situation.</strong> She called three times."
    assert [(r.name, r.brief) for r in scenario.roles] == [
        ("Staff member", "You want to keep her."), ("Customer", "You want to be heard."),
        ("Manager", "You arrive late.")]
    assert scenario.checklist == ("They listen.", "They use her name.")


def test_the_pdf_command_on_a_folder_that_is_not_a_built_site_says_to_build_first(
        tmp_path, capsys) -> None:
    from handbook.paper import pdf

    assert pdf.main([str(tmp_path)]) == 1
    assert "build the site first (python3 tasks.py build)" in capsys.readouterr().err
