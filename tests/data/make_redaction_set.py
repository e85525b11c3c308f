"""Write tests/data/redaction_set_v1.jsonl: review-style sentences, half with identifying details, half without.

Every name, place and number is invented for this file (see redaction_set.md). Two parts:
- "tuning": sentences from the frames and pools below, the part the rules were shaped against;
- "held_out": sentences written differently (other frames, a reviewer's longer voice, other name and place
  pools, other spellings of dates), which the rules were never tuned on; the test of the targets reads it.

Run: .venv/bin/python tests/data/make_redaction_set.py   (the same seed writes the same file)
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path


def _pool(words: str) -> list[str]:
    return words.split()


OUT = Path(__file__).resolve().parent / "redaction_set_v1.jsonl"
SEED = 20261201

# Given names from many backgrounds, most of them outside the check's lexicon; the held-out pools share none.
GIVEN = {
    "tuning": _pool("""Olumide Chiamaka Adaeze Tunde Folake Kwabena Ama Yaw Efua Abdirahman Hodan Ayaan Ubah
    Filmon Senait
    Merhawi Zeynep Emre Baran Rojda Shirin Dariusz Magdalena Kasia Wiktor Bartosz Ionela Mihai Bogdan Raluca Tomas
    Ruta Aiste Oksana Taras Yulia Nasrin Farid Zarghona Parwana Rahim Tahmina Sabina Nusrat Rafiq Shahana Gurdeep
    Manpreet Jaspreet Balvinder Hardeep Kiran Meena Pooja Dhruv Vikram Lakshmi Karthik Anbu Thulasi Wei Mei Jun
    Xiaoling Thanh Linh Minh Duc Fionnuala Siobhan Ciaran Niamh Eilidh Callum Morag Angharad Rhodri Cerys Dewi
    Tamsin Jolene Kacey Tyreece Shantelle Delroy Marcia Leroy Jermaine Kezia Lacey Patricia Denise Gordon Malcolm
    Bernadette Keith Brenda Trevor Cheryl Roxanne Precious Tendai Farai Nyasha Chipo Mehmet Yusra Bilqis Idris
    Ilyas Safa Hiba Rania Karim Nour Layan Omari Zion Tiana Khalil"""),
    "held_out": _pool("""Adebayo Ngozi Chukwuemeka Yetunde Kojo Akosua Mulki Sahra Abdiwali Yonas Helen Tsega
    Dilan Serkan
    Agata Krzysztof Radoslaw Andreea Florin Darius Gintare Mantas Bohdan Halyna Roya Mahbooba Sultana Imran
    Parveen Mohinder Sukhjit Narinder Deepak Ananya Saranya Murugan Hui Ling Kai Quang Trang Padraig Grainne
    Seonaid Iestyn Bronwen Kerys Demi-Leigh Tayla Jayce Lennox Cordelia Ebony Winston Maxine Beverley Clifford
    Doreen Rutendo Tatenda Samira Walid Hamid Bushra Aliyu Tiago Joaquim Florentina"""),
}
SURNAMES = {
    "tuning": _pool("""Kaur Adeyemi Okonkwo Mensah Asante Farah Warsame Tesfaye Yilmaz Demir Kowalczyk Nowak
    Popescu Ionescu
    Kazlauskas Shevchenko Rahimi Ahmadzai Begum Uddin Sandhu Gill Patel Sharma Krishnan Subramaniam Zhang Liu
    Nguyen Tran O'Sullivan McAllister Campbell Pritchard Llewellyn Hughes Brown Thompson Clarke Reid Moyo Dube
    Haddad Mansour Hussain Akhtar Baptiste Francis Doherty Lovell"""),
    "held_out": _pool("""Balogun Eze Boateng Hirsi Gebremedhin Aydin Zielinski Dumitru Petrauskas Kovalenko
    Karimi Chowdhury
    Dhillon Mehta Ramasamy Chen Pham Gallagher MacLeod Price Whitfield Ncube Khalil Okafor Smith Jones Lee
    Morgan Costa Varga"""),
}
NICKNAMES = {
    "tuning": ["Bubba", "Tiny", "Little Man", "Princess", "Moe", "Jojo", "Bean", "Smudge", "Dee", "Kiki", "Junior"],
    "held_out": ["Peanut", "Boo", "Big Man", "Sunshine", "Tee", "Lulu", "Nana B", "Chops"],
}
PLACE_WORDS = {
    "tuning": _pool("""Northvale Oakridge Hillcrest Brookside Meadowbank Ashdown Carver Larkfield Thornbury
    Elmwood Kingsmead
    Fernlea Harrowgate Whitmore Birchfield Stanhope Rosehill Gorsemoor Millbrook Westcombe"""),
    "held_out": _pool("""Eastmoor Copperfield Hawthorn Linden Saltmarsh Redbrook Ivydene Foxley Cranmore
    Holloway Marshfield
    Beechwood"""),
}
ROLES = ["mum", "mother", "dad", "father", "stepdad", "brother", "sister", "half-brother", "nan", "grandad",
         "aunt", "uncle", "cousin", "partner", "boyfriend", "son", "daughter"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "fourteenth", "sixteenth", "eighteenth", "twentieth", "twenty-first",
            "twenty-third", "twenty-fifth", "twenty-eighth", "thirtieth"]  # fmt: skip
AGES = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen"]  # fmt: skip
STREET_SUFFIX = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Crescent", "Way", "Gardens", "Terrace"]

Filler = Callable[[random.Random, str], str]


def _full(rng: random.Random, part: str) -> str:
    return f"{rng.choice(GIVEN[part])} {rng.choice(SURNAMES[part])}"


def _dob(rng: random.Random, part: str) -> str:
    year = rng.randint(2006, 2024)
    day, month, number = rng.choice(ORDINALS), rng.choice(MONTHS), rng.randint(1, 28)
    shapes = [f"the {day} of {month} {year}", f"{day} {month} {year}", f"{month} the {day}, {year}",
              f"{number}th of {month} {year}"]  # fmt: skip
    if part == "held_out":
        shapes += [f"the {day} day of {month}, {year}", f"{month} {number}, {year}"]
    return rng.choice(shapes)


def _date(rng: random.Random, part: str) -> str:
    shapes = [f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2019, 2026)}",
              f"the {rng.choice(ORDINALS)} of {rng.choice(MONTHS)} {rng.randint(2019, 2026)}"]  # fmt: skip
    if part == "held_out":
        shapes += [f"{rng.randint(1, 28)}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2026)}"]
    return rng.choice(shapes)


def _hospital(rng: random.Random, part: str) -> str:
    place = rng.choice(PLACE_WORDS[part])
    shapes = [f"{place} General Hospital", f"{place} Royal Infirmary", f"Royal {place} Hospital", f"{place} Hospital",
              f"St {rng.choice(['Luke', 'Jude', 'Agnes', 'Bede', 'Cuthbert', 'Hilda'])}'s Hospital",
              f"{place} Community Hospital"]  # fmt: skip
    if part == "held_out":
        shapes += [f"{place.lower()} general hospital", f"the {place} Infirmary", f"{place} Children's Hospital"]
    return rng.choice(shapes)


def _school(rng: random.Random, part: str) -> str:
    place = rng.choice(PLACE_WORDS[part])
    shapes = [f"{place} Academy", f"{place} Primary", f"{place} High", f"{place} Juniors", f"{place} Primary School",
              f"{place} Park Academy", f"St {rng.choice(['Mary', 'Anne', 'Joseph', 'Oswald', 'Aidan'])}'s",
              f"{place} College", f"{place} Infants"]  # fmt: skip
    if part == "held_out":
        shapes += [f"{place.lower()} primary", f"{place} CE Primary", f"{place} Grammar", f"{place} Sixth Form"]
    return rng.choice(shapes)


def _estate(rng: random.Random, part: str) -> str:
    place = rng.choice(PLACE_WORDS[part])
    shapes = [f"{place} {suffix}" for suffix in ("estate", "Estate", "Towers", "Court", "House", "Heights")]
    if part == "held_out":
        shapes += [f"{place.lower()} estate", f"{place} Park estate"]
    return rng.choice(shapes)


def _street(rng: random.Random, part: str) -> str:
    place = rng.choice(PLACE_WORDS[part])
    if part == "held_out" and rng.random() < 0.3:
        return f"{place.lower()} {rng.choice(STREET_SUFFIX).lower()}"
    return f"{place} {rng.choice(STREET_SUFFIX)}"


def _postcode(rng: random.Random, part: str) -> str:
    area = rng.choice(["NV", "EM", "WB", "SF", "LK", "NE", "LS", "B", "M"])
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{area}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def _phone(rng: random.Random, part: str) -> str:
    return rng.choice([f"07700 900{rng.randint(100, 999)}", f"0161 496 0{rng.randint(100, 999)}",
                       f"01632 960{rng.randint(100, 999)}", f"+44 7700 900{rng.randint(100, 999)}"])  # fmt: skip


def _email(rng: random.Random, part: str) -> str:
    given = rng.choice(GIVEN[part]).lower()
    return f"{given}.{rng.choice(SURNAMES[part]).lower().replace(chr(39), '')}{rng.randint(1, 99)}@example.com"


def _nhs(rng: random.Random, part: str) -> str:
    while True:
        nine = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            digits = "".join(map(str, [*nine, check]))
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _name(rng: random.Random, part: str) -> str:
    return rng.choice(GIVEN[part])


def _lname(rng: random.Random, part: str) -> str:
    return rng.choice(GIVEN[part]).lower()


FILL: dict[str, tuple[str, Filler]] = {
    "name": ("person_name", _name),
    "lname": ("person_name", _lname),
    "full": ("person_name", _full),
    "nick": ("nickname", lambda rng, part: rng.choice(NICKNAMES[part])),
    "dob": ("date_of_birth", _dob),
    "agedate": ("age_on_date", _date),
    "age": ("", lambda rng, part: rng.choice(AGES)),
    "role": ("", lambda rng, part: rng.choice(ROLES)),
    "hospital": ("hospital", _hospital),
    "school": ("school_name", _school),
    "estate": ("estate", _estate),
    "street": ("street_address", _street),
    "postcode": ("postcode", _postcode),
    "phone": ("phone_number", _phone),
    "email": ("email", _email),
    "nhs": ("nhs_number", _nhs),
}

POSITIVE = {
    "tuning": [
        "{full} told the Health Visitor that the baby had stopped feeding.",
        "The social worker visited {name} at home twice during the scope period.",
        "{name} had missed three appointments at the clinic before the referral.",
        "Police spoke to {name} and her older brother separately.",
        "{full} was not invited to the Child Protection Conference.",
        "The school nurse noted that {name} was often tired in class.",
        "the health visitor recorded that {lname} was gaining weight.",
        "{lname} told his teacher he was scared to go home.",
        "The referral said that {lname} had bruising to the arm.",
        "her {role} {lname} did not attend the core group.",
        "The GP saw {role} {lname} three times in the month before the incident.",
        "{role} {name} was not spoken to by the assessing worker.",
        "Practitioners said the boy was known as '{nick}' at nursery.",
        "Family members called the baby “{nick}” and workers used it too.",
        "The child, known as '{nick}', was open to Early Help.",
        "She was born on {dob} and was not registered with a GP.",
        "The records show he was born {dob}, a week before the family moved.",
        "The baby's date of birth, {dob}, was missing from the midwifery notes.",
        "She turned {age} on {agedate}, two days before the strategy discussion.",
        "He turned {age} on {agedate} and was reported missing a week later.",
        "The child was aged {age} on {agedate} when the MASH received the referral.",
        "She was admitted to {hospital} after the fall.",
        "The baby was taken to {hospital} by ambulance.",
        "Staff at {hospital} did not share the discharge summary with the GP.",
        "He attended {school} until he was excluded in Year 9.",
        "The Designated Safeguarding Lead at {school} made the referral.",
        "She moved to {school} in the autumn term.",
        "The family lived on the {estate} for most of the scope period.",
        "Housing moved the family to {estate} after the fire.",
        "Neighbours on {street} reported shouting late at night.",
        "The family moved to a flat on {street} in the spring.",
        "The mother was staying with a friend near {street}.",
        "The address was in the {postcode} area, outside the board's boundary.",
        "The father's mobile number, {phone}, was on the police log.",
        "The mother wrote from {email} asking for help with housing.",
        "Her NHS number {nhs} was on the discharge letter.",
        "{name}'s attendance fell sharply after the move to {school}.",
        "{full}, the maternal grandmother, cared for the children at weekends.",
    ],
    "held_out": [
        "In interview, the reviewer heard from {full} that nobody had asked her what life at home was like.",
        "Over the summer {name} stayed mostly with her {role} and was rarely seen by any agency.",
        "Records from the out-of-hours team refer to the young person only as '{nick}'.",
        "It is of note that {lname} had been seen at the walk-in centre on four occasions.",
        "When the case was stepped down, {lname}'s {role} asked for a named contact and none was given.",
        "A family friend, {full}, later told police that she had raised concerns with the school.",
        'Agencies knew the stepfather by the nickname "{nick}" but never recorded his full name.',
        "According to the birth notification the child was born on {dob} at home, with no midwife present.",
        "The chronology places the child's birth on {dob}; the first health visiting contact was weeks later.",
        "The young person had just turned {age} on {agedate} when the exploitation concerns were first recorded.",
        "By {agedate}, the day she turned {age}, the family had moved three times.",
        "Treatment was given at {hospital}, and the injuries were not discussed with children's social care.",
        "Two clinicians at {hospital} recorded different accounts of how the injury happened.",
        "The child had been on roll at {school} for less than a term when the exclusion was considered.",
        "Teachers at {school} described a bright pupil whose attendance quietly collapsed.",
        "The family were placed in temporary accommodation in {estate} far from the children's school.",
        "Officers attended the flat in {estate} on six occasions during the review period.",
        "There were repeated reports of cannabis being sold from an address on {street}.",
        "A neighbour on {street} rang the police the night before the incident.",
        "Contact details for the father ({phone}) were held by probation but not shared.",
        "The duty worker e-mailed {email} to arrange the visit and received no reply.",
        "The discharge letter quoted the baby's NHS number ({nhs}) but no address.",
        "The new address, {postcode}, was not passed to the health visiting service.",
        "{name} and {name} were cared for by an older sibling for much of the week.",
        "Her {role}, {lname}, was not told about the outcome of the strategy meeting.",
    ],
}

TERMS = ["MARAC", "the MASH", "the Family Court", "Early Help", "the Child Protection Conference", "the Health Visitor",
         "the Designated Safeguarding Lead", "CAMHS", "the LADO", "MAPPA", "the Youth Justice Service",
         "the Virtual School", "Children's Social Care", "the Independent Reviewing Officer", "the Front Door",
         "the Multi-Agency Safeguarding Hub", "the Named Nurse for Safeguarding", "Operation Encompass",
         "the Rapid Review", "the Strategy Discussion", "the Core Group", "the Public Law Outline",
         "the Family Group Conference", "the Domestic Abuse Service", "Adult Social Care", "the Probation Service",
         "the Police Child Abuse Investigation Team", "the Community Midwifery Team", "the Emergency Department",
         "the GP Practice", "the School Nursing Service", "the Housing Options Team", "the Leaving Care Team",
         "the Northvale Safeguarding Children Partnership", "the Eastmoor Family Hub", "the Integrated Care Board",
         "the Local Authority Designated Officer", "Section 47 enquiries", "a Child in Need plan",
         "the Signs of Safety framework", "Working Together 2023", "the Child Safeguarding Practice Review Panel",
         "the Independent Domestic Violence Advisor", "the Team Around the Family", "the Youth Court",
         "the Special Educational Needs Coordinator", "an Education, Health and Care Plan"]  # fmt: skip
NEGATIVE_FRAMES = {
    "tuning": [
        "The referral to {t} was not followed up when the family moved.",
        "{T} did not hear about the earlier concerns raised by {t}.",
        "Information held by {t} was not shared before {t} met.",
        "Practitioners were unsure whether {t} or {t} should lead.",
        "The review found that {t} was not invited to {t}.",
        "Minutes of {t} did not record the views of the child.",
        "{T} closed the case without speaking to {t}.",
        "Escalation to {t} happened only after a second incident.",
        "Thresholds for {t} were understood differently across agencies.",
        "The father was not seen by {t} or by {t}.",
        "Supervision did not ask why {t} had stopped visiting.",
        "The mother's partner was not known to {t} until the incident.",
        "Her brother was spoken to at school, but not by {t}.",
        "Agencies did not test what the mother said against what {t} recorded.",
        "Will agencies escalate when {t} disagrees with {t}?",
        "In May the plan was reviewed by {t} without the father present.",
        "The risk was rated Amber by {t} and was not revisited.",
        "Frank conversations in supervision would have helped {t}.",
        "A non-mobile baby presented with bruising and {t} was not told.",
        "Child K was seen by {t} three times in the scope period.",
    ],
    "held_out": [
        "It is striking how rarely {t} and {t} compared notes about the household.",
        "Nobody in {t} asked what daily life was like for the youngest child.",
        "The reviewer was told that {t} felt unable to challenge {t}.",
        "Once the case was stepped down to {t}, the focus on the father's history was lost.",
        "Good practice was seen in {t}, where the worker persisted with home visits.",
        "There is no record that {t} was asked for information before {t} concluded.",
        "Learning for the partnership: {t} should be told whenever {t} closes a case.",
        "Grace periods for missed appointments meant {t} waited months before acting.",
        "Hope was expressed by {t} that the new plan would hold; it did not.",
        "Staff in {t} were working with vacancies of nearly a third.",
        "The family's first language was not English and {t} did not book an interpreter.",
        "Both parents had care experience, which {t} did not take into account.",
    ],
}
TAILS = ["", " This happened more than once.", " No one checked the outcome.", " The plan was not updated.",
         " Workers described the pressure of caseloads."]  # fmt: skip


def _positive(rng: random.Random, frame: str, part: str) -> tuple[str, list[dict[str, str]]]:
    expect: list[dict[str, str]] = []

    def fill(match: re.Match[str]) -> str:
        kind, filler = FILL[match[1]]
        value = filler(rng, part)
        if kind:
            expect.append({"kind": kind, "text": value})
        return value

    text = re.sub(r"\{(\w+)\}", fill, frame)
    return text[0].upper() + text[1:] if not frame.startswith(("{lname}", "her", "the")) else text, expect


def _negative(rng: random.Random, frame: str) -> str:
    text = re.sub(r"\{t\}", lambda _: rng.choice(TERMS), frame)
    text = re.sub(r"\{T\}", lambda _: (lambda t: t[0].upper() + t[1:])(rng.choice(TERMS)), text)
    return text + rng.choice(TAILS)


def build() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    rows: list[dict[str, object]] = []
    for part, count in (("tuning", 320), ("held_out", 160)):
        seen: set[str] = set()
        positives = POSITIVE[part]
        while len(seen) < count:
            frame = positives[len(seen) % len(positives)]
            text, expect = _positive(rng, frame, part)
            if text in seen or any(text.count(e["text"]) != 1 for e in expect):
                continue
            seen.add(text)
            rows.append({"id": f"{part}-p{len(seen):03d}", "part": part, "text": text, "expect": expect})
        seen = set()
        frames = NEGATIVE_FRAMES[part]
        while len(seen) < count:
            text = _negative(rng, frames[len(seen) % len(frames)])
            if text in seen:
                continue
            seen.add(text)
            rows.append({"id": f"{part}-n{len(seen):03d}", "part": part, "text": text, "expect": []})
    return rows


def main() -> None:
    rows = build()
    OUT.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"wrote {len(rows)} sentences to {OUT.name}")


if __name__ == "__main__":
    main()
