"""About 60 synthetic schools and settings of the council, and 16 in other areas (independent, non-maintained
special, specialist post-16). Names are invented; URNs are in the 9xxxxx range no real school uses."""

from __future__ import annotations

import random
from typing import Any

from django.conf import settings

from sendhub.schools.models import Phase, School, SettingType

WARDS = [
    "Belsize",
    "Bloomsbury",
    "Camden Square",
    "Camden Town",
    "Fortune Green",
    "Frognal",
    "Gospel Oak",
    "Hampstead Town",
    "Haverstock",
    "Highgate",
    "Holborn and Covent Garden",
    "Kentish Town North",
    "Kentish Town South",
    "Kilburn",
    "King's Cross",
    "Primrose Hill",
    "Regent's Park",
    "St Pancras and Somers Town",
    "South Hampstead",
    "West Hampstead",
    "Swiss Cottage",
]
STEMS = [
    "Oakfield",
    "Riverside",
    "Hillcrest",
    "Willowbank",
    "Elmstead",
    "Ashgrove",
    "Brookside",
    "Cedar Park",
    "Fernhill",
    "Greenway",
    "Hazelwood",
    "Larchmont",
    "Maple Court",
    "Northgate",
    "Orchard Vale",
    "Parkside",
    "Queensmead",
    "Rosebank",
    "Silverbirch",
    "Thornfield",
    "Upland",
    "Valley Road",
    "Westbury",
    "Yewtree",
    "Alder",
    "Beechcroft",
    "Chestnut",
    "Dovecote",
    "Eastfield",
    "Foxglove",
    "Glenmore",
    "Heathview",
    "Ivydene",
    "Juniper",
    "Kingfisher",
    "Lavender Hill",
    "Meadowside",
    "Nightingale",
    "Old Mill",
    "Pinewood",
]

# (how many, phase, setting type, suffix, GIAS establishment type)
MIX = [
    (34, Phase.PRIMARY, SettingType.MAINSTREAM, "Primary School", "Community school"),
    (4, Phase.PRIMARY, SettingType.RESOURCED, "Primary School", "Academy converter"),
    (9, Phase.SECONDARY, SettingType.MAINSTREAM, "Secondary School", "Academy converter"),
    (2, Phase.SECONDARY, SettingType.RESOURCED, "Academy", "Academy sponsor led"),
    (3, Phase.ALL_THROUGH, SettingType.SPECIAL, "School", "Community special school"),
    (2, Phase.NOT_APPLICABLE, SettingType.INDEPENDENT_SPECIAL, "College", "Non-maintained special school"),
    (1, Phase.NOT_APPLICABLE, SettingType.AP_PRU, "Centre", "Pupil referral unit"),
    (2, Phase.SIXTEEN_PLUS, SettingType.FE, "College", "Further education"),
    (3, Phase.NURSERY, SettingType.EARLY_YEARS, "Nursery School", "Local authority nursery school"),
]


# Settings in other areas that a London borough's plans name: neighbouring boroughs' special schools,
# independent and non-maintained special schools further out, specialist post-16 institutions and
# colleges. (name, phase, setting type, GIAS establishment type, LA code, LA name); all names invented.
OUT_OF_AREA = [
    (
        "Brookside Special School",
        Phase.ALL_THROUGH,
        SettingType.SPECIAL,
        "Community special school",
        "302",
        "Barnet",
    ),
    ("Hazelwood Academy", Phase.SECONDARY, SettingType.SPECIAL, "Academy special converter", "304", "Brent"),
    ("Glenmore School", Phase.PRIMARY, SettingType.SPECIAL, "Foundation special school", "206", "Islington"),
    (
        "Queensmead Special School",
        Phase.ALL_THROUGH,
        SettingType.SPECIAL,
        "Community special school",
        "213",
        "Westminster",
    ),
    ("Valley Road School", Phase.SECONDARY, SettingType.SPECIAL, "Free schools special", "309", "Haringey"),
    (
        "Heathview House School",
        Phase.NOT_APPLICABLE,
        SettingType.INDEPENDENT_SPECIAL,
        "Other independent special school",
        "919",
        "Hertfordshire",
    ),
    (
        "Foxglove Farm School",
        Phase.NOT_APPLICABLE,
        SettingType.INDEPENDENT_SPECIAL,
        "Other independent special school",
        "886",
        "Kent",
    ),
    (
        "Juniper Lodge School",
        Phase.NOT_APPLICABLE,
        SettingType.INDEPENDENT_SPECIAL,
        "Other independent special school",
        "936",
        "Surrey",
    ),
    (
        "Meadowside Learning Centre",
        Phase.NOT_APPLICABLE,
        SettingType.INDEPENDENT_SPECIAL,
        "Other independent special school",
        "825",
        "Buckinghamshire",
    ),
    (
        "Kingfisher Hall School",
        Phase.NOT_APPLICABLE,
        SettingType.NON_MAINTAINED_SPECIAL,
        "Non-maintained special school",
        "881",
        "Essex",
    ),
    (
        "Dovecote School for the Deaf",
        Phase.NOT_APPLICABLE,
        SettingType.NON_MAINTAINED_SPECIAL,
        "Non-maintained special school",
        "938",
        "West Sussex",
    ),
    (
        "Beechcroft College",
        Phase.SIXTEEN_PLUS,
        SettingType.SPECIALIST_POST16,
        "Special post 16 institution",
        "919",
        "Hertfordshire",
    ),
    (
        "Ivydene Specialist College",
        Phase.SIXTEEN_PLUS,
        SettingType.SPECIALIST_POST16,
        "Special post 16 institution",
        "931",
        "Oxfordshire",
    ),
    ("Northgate College", Phase.SIXTEEN_PLUS, SettingType.FE, "Further education", "206", "Islington"),
    (
        "Westbury Sixth Form College",
        Phase.SIXTEEN_PLUS,
        SettingType.FE,
        "Academy 16-19 converter",
        "302",
        "Barnet",
    ),
    (
        "Cedar Park School",
        Phase.ALL_THROUGH,
        SettingType.INDEPENDENT,
        "Other independent school",
        "213",
        "Westminster",
    ),
]


def load(*, seed: int, scale: float, stdout: Any) -> None:
    rng = random.Random(seed)
    stems = STEMS[:]
    rng.shuffle(stems)
    schools = []
    n = 0
    for count, phase, setting_type, suffix, establishment in MIX:
        for _ in range(count):
            stem = stems[n % len(stems)] + ("" if n < len(stems) else " Park")
            n += 1
            schools.append(
                School(
                    urn=900000 + n,
                    ukprn=f"{19000000 + n}",
                    name=f"{stem} {suffix}",
                    phase=phase,
                    setting_type=setting_type,
                    establishment_type=establishment,
                    la_code=settings.SENDHUB_LA_CODE,
                    la_name=settings.SENDHUB_LA_NAME,
                    ward=rng.choice(WARDS),
                    postcode=f"ZZ9 {n % 10}{chr(65 + n % 26)}{chr(65 + (n * 7) % 26)}",
                )
            )
    for i, (name, phase, setting_type, establishment, la_code, la_name) in enumerate(OUT_OF_AREA, start=1):
        schools.append(
            School(
                urn=950000 + i,
                ukprn="",
                name=name,
                phase=phase,
                setting_type=setting_type,
                establishment_type=establishment,
                la_code=la_code,
                la_name=la_name,
                postcode=f"ZZ8 {i % 10}{chr(65 + i % 26)}{chr(65 + (i * 5) % 26)}",
            )
        )
    existing = set(School.objects.filter(urn__in=[s.urn for s in schools]).values_list("urn", flat=True))
    School.objects.bulk_create([s for s in schools if s.urn not in existing])
    stdout.write(f"Schools: {len(schools) - len(existing)} created, {len(existing)} already there")
