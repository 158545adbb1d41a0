"""National benchmark data, loaded from DfE files by `sendhub benchmarks load`.

`NationalValue` holds every published figure (or the marker that stands in for it) exactly as the file
gave it; `Benchmark` holds the computed comparison for every LA row (rank, quartile, neighbours, England),
so pages read one indexed row instead of recomputing the country.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class Polarity(models.TextChoices):
    HIGH = "High", "Higher is better"
    LOW = "Low", "Lower is better"
    NONE = "", "No judgement"


class Level(models.TextChoices):
    LA = "la", "Local authority"
    REGION = "region", "Region"
    ENGLAND = "england", "England"


class Quartile(models.TextChoices):
    A = "A", "A (best quarter)"
    B = "B", "B"
    C = "C", "C"
    D = "D", "D (worst quarter)"
    NONE = "", "No band"


class NationalIndicator(models.Model):
    name = models.SlugField(max_length=80, unique=True)
    label = models.CharField(max_length=250)
    topic = models.CharField(max_length=120, blank=True)
    unit = models.CharField(max_length=10)
    polarity = models.CharField(max_length=4, choices=Polarity.choices, blank=True)
    year_type = models.CharField(max_length=60, blank=True)
    source = models.CharField(max_length=10)
    source_file = models.CharField(max_length=200)
    source_column = models.CharField(max_length=120, blank=True)
    quartiles = models.BooleanField(default=True)
    board = models.CharField(max_length=20, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="indicator_polarity_valid", condition=Q(polarity__in=Polarity.values)
            ),
        ]

    def __str__(self) -> str:
        return self.name


class NationalValue(models.Model):
    indicator = models.ForeignKey(NationalIndicator, models.CASCADE, related_name="values")
    time_period = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=8, choices=Level.choices)
    area_code = models.CharField(max_length=12)
    area_name = models.CharField(max_length=120)
    value = models.FloatField(null=True, blank=True)
    marker = models.CharField(
        max_length=12, blank=True, help_text="Suppression marker when there is no value"
    )
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "time_period", "level", "area_code"], name="national_value_unique"
            ),
            models.CheckConstraint(name="national_value_level_valid", condition=Q(level__in=Level.values)),
            # A figure or the reason there is none; a marker is never a zero.
            models.CheckConstraint(
                name="national_value_or_marker",
                condition=Q(value__isnull=False, marker="") | Q(value__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_code} {self.time_period}"


class StatisticalNeighbour(models.Model):
    la_code = models.CharField(max_length=3)
    neighbour_la_code = models.CharField(max_length=3)
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["la_code", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["la_code", "rank"], name="neighbour_rank_unique"),
            models.UniqueConstraint(fields=["la_code", "neighbour_la_code"], name="neighbour_pair_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.la_code} → {self.neighbour_la_code}"


class Benchmark(models.Model):
    """The comparison for one indicator, LA and period (see `rules.benchmarks.compute.compute_benchmarks`)."""

    indicator = models.ForeignKey(NationalIndicator, models.CASCADE, related_name="benchmarks")
    time_period = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    la_code = models.CharField(max_length=3)
    la_name = models.CharField(max_length=120)
    value = models.FloatField(null=True, blank=True)
    marker = models.CharField(max_length=12, blank=True)
    england = models.FloatField(null=True, blank=True)
    sn_average = models.FloatField(null=True, blank=True)
    sn_count = models.PositiveSmallIntegerField(default=0)
    sn_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    sn_rank_of = models.PositiveSmallIntegerField(null=True, blank=True)
    rank = models.PositiveSmallIntegerField(null=True, blank=True)
    rank_of = models.PositiveSmallIntegerField(default=0)
    q1 = models.FloatField(null=True, blank=True)
    q2 = models.FloatField(null=True, blank=True)
    q3 = models.FloatField(null=True, blank=True)
    quartile = models.CharField(max_length=1, choices=Quartile.choices, blank=True)
    previous_time_period = models.CharField(max_length=20, blank=True)
    previous_value = models.FloatField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "la_code", "time_period"], name="benchmark_unique"),
            models.CheckConstraint(
                name="benchmark_quartile_valid", condition=Q(quartile__in=Quartile.values)
            ),
        ]
        indexes = [  # the board tables and the indicator page read one LA's history of one indicator
            models.Index(fields=["la_code", "indicator", "year"], name="benchmark_la_history"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.la_code} {self.time_period}"


class DataLoad(models.Model):
    """One run of `sendhub benchmarks load`, for the data's provenance on every page."""

    loaded_at = models.DateTimeField()
    source = models.CharField(max_length=500)
    indicators = models.PositiveIntegerField()
    values = models.PositiveIntegerField()
    benchmarks = models.PositiveIntegerField()

    class Meta:
        ordering = ["-loaded_at"]
        get_latest_by = "loaded_at"

    def __str__(self) -> str:
        return f"{self.loaded_at:%Y-%m-%d %H:%M} {self.source}"


class LocalAuthority(models.Model):
    """Every LA in the loaded national data, for the pickers (filled by `sendhub benchmarks load`)."""

    code = models.CharField(max_length=3, unique=True)
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"
