"""The redaction check catches what reviewers actually write: dates of birth in words, an age on a date, named
hospitals, schools and estates, nicknames in quotes and a family role beside a name, in any case; and it keeps
quiet about the field's own capitalised terms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lipp.domain.redaction.checker import check_text

pytestmark = pytest.mark.usefixtures("redaction_check_loaded")

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
ORDINALS = ["first", "second", "third", "fourth", "fifth", "ninth", "twelfth", "fourteenth", "twentieth",
            "twenty-first", "twenty second", "thirtieth", "thirty-first"]  # fmt: skip
AGES = ["two", "five", "eleven", "thirteen", "fourteen", "sixteen", "twenty-one"]
PLACES = ["Larkspur", "Oakhollow", "Brackenfield", "Wyvern", "Castleton", "Ravensmoor", "Quayside"]
STREETS = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Crescent", "Way", "Gardens", "Terrace"]

years = st.integers(min_value=2000, max_value=2026).map(str)
day_in_words = st.sampled_from(ORDINALS)
day_in_figures = st.integers(min_value=1, max_value=28).map(lambda d: f"{d}{'th' if d > 3 else ''}")
months = st.sampled_from(MONTHS)
places = st.sampled_from(PLACES)


def covered(text: str, detail: str) -> bool:
    start = text.index(detail)
    return any(hit.start < start + len(detail) and start < hit.end for hit in check_text(text))


@st.composite
def dates_in_words(draw: st.DrawFn) -> str:
    day, month, year = draw(day_in_words | day_in_figures), draw(months), draw(years)
    shape = draw(st.sampled_from(["the {d} of {m} {y}", "{d} {m} {y}", "{m} the {d}, {y}", "{d} of {m}, {y}"]))
    return shape.format(d=day, m=month, y=year)


@given(dates_in_words(), st.sampled_from(["was born on", "was born", "date of birth:", "born on", "birthday is"]))
def test_a_date_of_birth_in_words_is_found(date: str, cue: str) -> None:
    text = f"The records say the child {cue} {date} and moved soon after."
    assert covered(text, date)


@given(st.sampled_from(AGES) | st.integers(min_value=1, max_value=17).map(str), dates_in_words(),
       st.sampled_from(["turned", "was aged", "turned", "became"]))  # fmt: skip
def test_an_age_reached_on_a_date_is_found(age: str, date: str, verb: str) -> None:
    text = f"She {verb} {age} on {date}, a week before the referral."
    assert covered(text, date)


@given(places, st.sampled_from(["General Hospital", "Royal Infirmary", "Hospital", "Community Hospital"]))
def test_a_named_hospital_is_found(place: str, suffix: str) -> None:
    text = f"The baby was taken to {place} {suffix} by ambulance."
    assert covered(text, f"{place} {suffix}")


@given(places, st.sampled_from(["Academy", "Primary", "High", "Juniors", "Infants", "College", "Primary School"]))
def test_a_school_is_found_with_or_without_the_word_school(place: str, suffix: str) -> None:
    text = f"He attended {place} {suffix} until the exclusion."
    assert covered(text, f"{place} {suffix}")


@given(places, st.sampled_from([*STREETS, "estate", "Estate", "Towers", "Heights"]), st.booleans())
def test_a_street_or_estate_without_a_house_number_is_found(place: str, suffix: str, lower: bool) -> None:
    name = f"{place} {suffix}".lower() if lower else f"{place} {suffix}"
    text = f"The family moved to a flat on {name} in the spring."
    assert covered(text, name)


@given(st.sampled_from(["Bubba", "Tiny", "Little Man", "Smudge", "Kiki"]), st.sampled_from(["'{}'", "“{}”", '"{}"']))
def test_a_nickname_in_quotes_is_found(nickname: str, quotes: str) -> None:
    quoted = quotes.format(nickname)
    text = f"At nursery the boy was called {quoted} by staff."
    assert covered(text, nickname)


@given(st.sampled_from(["mum", "her brother", "his nan", "Stepdad", "the baby's father", "her cousin"]),
       st.sampled_from(["sarah", "kai", "olumide", "Zeynep", "dariusz"]))  # fmt: skip
def test_a_family_role_beside_a_name_like_word_is_found_in_any_case(role: str, name: str) -> None:
    text = f"The worker spoke to {role} {name} on the doorstep."
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    [
        "Patricia Kaur told the Health Visitor she was worried.",
        "mum sarah did not attend the Child Protection Conference.",
        "The child, known as 'Bubba', was open to Early Help.",
        "She was born on the third of May 2019.",
        "He turned fourteen on 2 March 2025.",
        "She was admitted to Northvale General Hospital after the fall.",
        "He attended Oakridge Academy until Year 9.",
        "The family lived on the Meadowbank estate off Carver Street.",
    ],
)
def test_the_sentences_the_independent_testers_wrote_are_caught(text: str) -> None:
    assert check_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "The MARAC referral went to the MASH on the same day.",
        "The Designated Safeguarding Lead raised it with the Family Court.",
        "Early Help closed the case before the Child Protection Conference met.",
        "The Health Visitor was not invited to the Strategy Discussion.",
        "Her mum was worried and her brother was quiet.",
        "The father worked away and the mother's partner was not known to Children's Social Care.",
        "Police Child Abuse Investigation Team officers were not told by Adult Social Care.",
        "She went to the local hospital and then to hospital again.",
        "Practitioners used 'disguised compliance' to explain the missed visits.",
        "In May the risk was rated Amber by the LADO.",
        "The Eastmere Children's Safeguarding Partnership commissioned the review with a new toolkit.",
    ],
)
def test_the_fields_own_terms_and_plain_practice_text_are_not_flagged(text: str) -> None:
    assert check_text(text) == []
