import pytest

from sendhub.accounts.oidc import EntraIdBackend, email_from_claims


@pytest.mark.parametrize(
    ("claims", "email"),
    [
        ({"email": "A.Person@Camden.gov.uk"}, "a.person@camden.gov.uk"),
        ({"preferred_username": "b@council.test"}, "b@council.test"),
        ({}, ""),
    ],
)
def test_email_from_claims(claims, email):
    assert email_from_claims(claims) == email


@pytest.mark.django_db
def test_only_existing_active_accounts_match(officer, colleague):
    colleague.is_active = False
    colleague.save()
    backend = EntraIdBackend.__new__(EntraIdBackend)  # no network settings needed to match users
    assert list(backend.filter_users_by_claims({"email": officer.email.upper()})) == [officer]
    assert not backend.filter_users_by_claims({"email": colleague.email}).exists()
    assert not backend.filter_users_by_claims({"email": "stranger@example.test"}).exists()
    assert backend.verify_claims({"email": "x@y.z"}) and not backend.verify_claims({})
