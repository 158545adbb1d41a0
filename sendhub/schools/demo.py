"""About 60 synthetic schools and settings. Names are invented; URNs are in the 9xxxxx range no real school uses."""

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
                    ward=rng.choice(WARDS),
                    postcode=f"ZZ9 {n % 10}{chr(65 + n % 26)}{chr(65 + (n * 7) % 26)}",
                )
            )
    existing = set(School.objects.filter(urn__in=[s.urn for s in schools]).values_list("urn", flat=True))
    School.objects.bulk_create([s for s in schools if s.urn not in existing])
    stdout.write(f"Schools: {len(schools) - len(existing)} created, {len(existing)} already there")
