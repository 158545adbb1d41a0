"""Table tests for the DfE identifier check characters (sendhub.lib.identifiers; pure, no Django).

UPN: DfE "Unique pupil numbers (UPN): a guide for schools and local authorities", check letter
(characters 2-13 weighted by position, modulo 23, table ABCDEFGHJKLMNPQRTUVWXYZ). ULN: the Learning
Records Service check digit, as the ESFA's ILR rule ULN_04 applies it (weights 10..2, modulo 11).
"""

from __future__ import annotations

import pytest

from sendhub.lib.identifiers import uln_check_digit, uln_problem, upn_check_letter, upn_problem


@pytest.mark.parametrize(
    ("body", "letter"),
    [
        ("000000000001", "P"),  # 1 x 13 = 13; 13 mod 23 = 13 -> P (I and O skipped)
        ("000000000000", "A"),  # 0 -> A
        ("100000000000", "C"),  # 1 x 2 = 2 -> C
        ("000000000010", "N"),  # 1 x 12 = 12 -> N (A0 ... H7 J8 K9 L10 M11 N12)
        ("20200000000Z", "Z"),  # temporary UPN: Z counts 22; 2x2 + 2x4 + 22x13 = 298; 298 mod 23 = 22 -> Z
        ("202900024001", "P"),
    ],
)
def test_upn_check_letter(body: str, letter: str) -> None:
    assert upn_check_letter(body) == letter


@pytest.mark.parametrize(
    ("upn", "valid"),
    [
        ("P202900024001", True),
        ("P000000000001", True),
        ("Z20200000000Z", True),  # a temporary UPN (last character a letter)
        ("A202900024001", False),  # wrong check letter
        ("P202900024010", False),  # two digits swapped
        ("P202900024002", False),  # one digit mistyped
        ("P20290002400", False),  # 12 characters
        ("P2029000240011", False),  # 14 characters (the community samples' bug)
        ("P20290002400I", False),  # I is never used
        ("P2029000X4001", False),  # a letter inside the digits
        ("p202900024001", False),  # lower case check letter
    ],
)
def test_upn_problem(upn: str, valid: bool) -> None:
    assert (upn_problem(upn) is None) is valid


@pytest.mark.parametrize(
    ("first_nine", "digit"),
    [
        ("123456789", 9),  # 210 mod 11 = 1 -> 10 - 1
        ("100000000", 0),  # 10 mod 11 = 10 -> 0
        ("999999999", 8),  # 486 mod 11 = 2 -> 8
        ("400000000", 3),  # 40 mod 11 = 7 -> 3
        ("987654321", None),  # 330 mod 11 = 0: no ULN starts with these digits
    ],
)
def test_uln_check_digit(first_nine: str, digit: int | None) -> None:
    assert uln_check_digit(first_nine) == digit


@pytest.mark.parametrize(
    ("uln", "valid"),
    [
        ("1234567899", True),
        ("1000000000", True),
        ("4000000003", True),
        ("1234567890", False),  # wrong check digit
        ("2134567899", False),  # two digits swapped
        ("9999999999", False),  # a placeholder, not a ULN
        ("9876543210", False),  # remainder 0: never issued
        ("123456789", False),  # 9 digits
        ("12345678999", False),  # 11 digits
        ("12345678X9", False),
    ],
)
def test_uln_problem(uln: str, valid: bool) -> None:
    assert (uln_problem(uln) is None) is valid


@pytest.mark.parametrize(
    "body", ["20290002400", "2029000240011", "2029000X4001", "20290002400I", "20290002400S"]
)
def test_upn_check_letter_refuses_a_malformed_body(body: str) -> None:
    with pytest.raises(ValueError):
        upn_check_letter(body)


@pytest.mark.parametrize("first_nine", ["12345678", "1234567890", "12345678X"])
def test_uln_check_digit_refuses_a_malformed_start(first_nine: str) -> None:
    with pytest.raises(ValueError):
        uln_check_digit(first_nine)
