"""NHS numbers: ten digits whose last is a modulus 11 check digit."""

from __future__ import annotations

import re

from lipp.domain.redaction.hits import DetailKind, Hit

CANDIDATE = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")


def is_valid_nhs_number(digits: str) -> bool:
    """The NHS modulus 11 check: weights 10 down to 2 on the first nine digits; 11 minus the remainder is the
    check digit (11 reads as 0; 10 means no valid number has these nine digits)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def nhs_numbers(text: str) -> list[Hit]:
    hits = []
    for match in CANDIDATE.finditer(text):
        if is_valid_nhs_number("".join(match.groups())):
            hits.append(Hit(DetailKind.NHS_NUMBER, match.start(), match.end(), match.group()))
    return hits
