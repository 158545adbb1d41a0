"""The search index and the API's stored documents, kept current by services.reindex_service() and
documents.refresh_documents()."""

from __future__ import annotations

from django.db import models

from sendhub.localoffer.models.directory import Service


class SearchPosting(models.Model):
    """One indexed term of a service (search.index_terms); services.reindex_service() keeps it current."""

    service = models.ForeignKey(Service, models.CASCADE, related_name="+")
    term = models.CharField(max_length=60)
    weight = models.FloatField()

    class Meta:
        # selectors.search_sql.ranked_page reads (term, service, weight) from the index alone (an index-only scan)
        indexes = [models.Index(fields=["term", "service", "weight"], name="search_posting_cover")]

    def __str__(self) -> str:
        return self.term


class SearchKey(models.Model):
    """Vocabulary: each indexed term and its one-letter deletions (typo lookup, search.vocabulary_keys)."""

    key = models.CharField(max_length=60)
    term = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "term"], name="search_key_unique")]
        indexes = [models.Index(fields=["term"], name="search_key_term")]

    def __str__(self) -> str:
        return f"{self.key} -> {self.term}"


class ServiceDocument(models.Model):
    """The service's ORUK JSON, stored ready to send (documents.refresh_documents keeps it current).

    The API's list pages are concatenations of `summary`; `/services/{id}` sends `full` as it is.
    """

    service = models.OneToOneField(Service, models.CASCADE, primary_key=True, related_name="document")
    summary = models.TextField()  # a /services list item: the service and its organisation
    full = models.TextField()  # /services/{id}: everything nested
    refreshed_at = models.DateTimeField()

    def __str__(self) -> str:
        return str(self.service_id)


class DirectoryVersion(models.Model):
    """One row, bumped whenever the published directory changes: the API's ETag and cache key."""

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return str(self.number)
