"""Keeps the portable search index (SearchPosting, SearchKey) and the API documents in step with services."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from sendhub.localoffer.documents import refresh_documents
from sendhub.localoffer.models import SearchKey, SearchPosting, Service
from sendhub.localoffer.oruk import search


def service_fields(service: Service) -> dict[str, str]:
    terms = " ".join(t.name for t in service.terms.all())
    text = " ".join(
        [
            service.description,
            service.eligibility,
            service.support_for_send,
            service.organisation.name,
            service.fees,
        ]
    )
    return {"name": service.name, "category": terms, "text": text}


def reindex_services(services: Iterable[Service]) -> int:
    """Rebuild postings and API documents for these services and add any new vocabulary.

    Call inside the writer's transaction, after every change to the services (or their places, contacts,
    schedules, costs, languages, terms or organisation) is saved."""
    services = list(services)
    SearchPosting.objects.filter(service__in=services).delete()
    postings, vocabulary = [], set()
    for service in services:
        for term, weight in search.index_terms(service_fields(service)).items():
            term = term[:60]
            postings.append(SearchPosting(service=service, term=term, weight=weight))
            vocabulary.add(term)
    SearchPosting.objects.bulk_create(postings, batch_size=2000)
    known = set(
        SearchKey.objects.filter(term__in=vocabulary, key__in=vocabulary).values_list("term", flat=True)
    )
    keys = [SearchKey(key=k, term=t) for t in sorted(vocabulary - known) for k in search.vocabulary_keys(t)]
    SearchKey.objects.bulk_create(keys, batch_size=2000, ignore_conflicts=True)
    refresh_documents([s.pk for s in services])
    return len(postings)


def reindex_where(condition: Q) -> int:
    """Reindex (and re-render) every service matching `condition`, e.g. all services at a place."""
    services = Service.objects.filter(condition).distinct().select_related("organisation")
    return reindex_services(services.prefetch_related("terms"))
