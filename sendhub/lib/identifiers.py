"""Check characters of the DfE pupil and learner identifiers (pure; no Django).

**UPN** (unique pupil number; DfE, *Unique pupil numbers (UPN): a guide for schools and local
authorities*, section "Check letter"; common basic data set item N00001): 13 characters, a check letter
followed by the LA number (3 digits), the establishment number (4), the year of allocation (2) and a
serial number (3). A temporary UPN ends in a letter instead of the last digit. The check letter: multiply
characters 2 to 13 by their positions (2 to 13), a letter at position 13 counting as its value in the
check-letter table below; add the products; the remainder on division by 23 indexes the table
``A B C D E F G H J K L M N P Q R T U V W X Y Z`` (0 to 22; I, O and S are never used).

**ULN** (unique learner number; DfE's Learning Records Service, and the ESFA's ILR validation rule
ULN_04 with derived data DD01): 10 digits, the last a check digit. Multiply the first nine digits by
10, 9, ..., 2, add the products and take the remainder on division by 11: the check digit is 10 minus
that remainder, and a remainder of 0 (which would need a check "digit" of 10) is never issued.

python-stdnum's ``gb.upn`` also checks UPNs, but it refuses LA numbers missing from its own list (new
authorities such as 942/943, Cumberland and Westmorland and Furness, arrive later there) and it has no
ULN; these two short algorithms are written here, with table tests (``sendhub/core/tests/test_identifiers.py``).
"""

from __future__ import annotations

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # check-letter table, values 0 to 22
UPN_LENGTH = 13
ULN_LENGTH = 10


def upn_check_letter(body: str) -> str:
    """The check letter for characters 2-13 of a UPN (12 characters: 11 digits, then a digit or a letter)."""
    if len(body) != UPN_LENGTH - 1 or not body[:-1].isdigit():
        raise ValueError("A UPN body is 11 digits followed by a digit or a check-table letter")
    last = body[-1]
    if last.isdigit():
        last_value = int(last)
    elif last in UPN_LETTERS:
        last_value = UPN_LETTERS.index(last)
    else:
        raise ValueError("A temporary UPN ends in a letter other than I, O or S")
    total = sum(int(ch) * weight for weight, ch in enumerate(body[:-1], start=2))
    total += last_value * UPN_LENGTH
    return UPN_LETTERS[total % 23]


def upn_problem(upn: str) -> str | None:
    """Why ``upn`` is not a valid UPN (format or check letter), or ``None`` when it is."""
    if len(upn) != UPN_LENGTH:
        return f"A UPN has {UPN_LENGTH} characters; {upn!r} has {len(upn)}."
    body = upn[1:]
    if not body[:-1].isdigit() or not (body[-1].isdigit() or body[-1] in UPN_LETTERS):
        return (
            f"{upn!r} is not a UPN: after the check letter come 11 digits and then a digit "
            "(or, for a temporary UPN, a capital letter other than I, O or S)."
        )
    expected = upn_check_letter(body)
    if upn[0] != expected:
        return f"The check letter of UPN {upn} does not match its digits (it would be {expected}): it was probably mistyped."
    return None


def uln_check_digit(first_nine: str) -> int | None:
    """The ULN check digit for the first nine digits; ``None`` when no ULN can start with them."""
    if len(first_nine) != ULN_LENGTH - 1 or not first_nine.isdigit():
        raise ValueError("The first part of a ULN is nine digits")
    remainder = sum(int(ch) * weight for ch, weight in zip(first_nine, range(10, 1, -1), strict=True)) % 11
    return None if remainder == 0 else 10 - remainder


def uln_problem(uln: str) -> str | None:
    """Why ``uln`` is not a valid ULN (format or check digit), or ``None`` when it is."""
    if len(uln) != ULN_LENGTH or not uln.isdigit():
        return f"A ULN has {ULN_LENGTH} digits; {uln!r} does not."
    expected = uln_check_digit(uln[:-1])
    if expected is None or int(uln[-1]) != expected:
        return f"The check digit of ULN {uln} does not match its other digits: it was probably mistyped."
    return None
