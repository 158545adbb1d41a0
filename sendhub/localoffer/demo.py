"""Synthetic Local Offer: taxonomies, organisations, places, ~400 services and the content pages."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal
from typing import Any

from django.utils import timezone

from sendhub.localoffer import rules, services
from sendhub.localoffer import synthetic as words
from sendhub.localoffer.content import PAGES
from sendhub.localoffer.indexing import reindex_services
from sendhub.localoffer.models import (
    AccessibilityFeature,
    Area,
    Contact,
    ContentPage,
    ContentPageChange,
    ContentPageVersion,
    CostOption,
    Language,
    Location,
    Organisation,
    Schedule,
    ScheduleKind,
    Service,
    ServiceAtLocation,
    ServiceRevision,
    ServiceTerm,
    Taxonomy,
    TaxonomyKind,
    TaxonomyTerm,
)

NAMESPACE = uuid.UUID("6f1c3b1e-5a5e-4c1d-9a53-1f4c2d7b0a42")
FULL_SIZE = 400


def demo_id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts))


def load(*, seed: int, scale: float, stdout: Any) -> None:
    count = max(12, round(FULL_SIZE * scale))
    created = build_directory(seed=seed, count=count, today=timezone.localdate())
    load_content_pages()
    link_demo_provider()
    load_pending_changes()
    stdout.write(f"localoffer: {created} new services ({count} in the demo directory)\n")


def load_taxonomies() -> dict[str, TaxonomyTerm]:
    specs = [
        ("SEND Local Offer categories", TaxonomyKind.CATEGORY, words.CATEGORIES, "kinds of support"),
        ("SEND needs", TaxonomyKind.NEED, words.NEEDS, "special educational needs and disabilities"),
        ("Local terms", TaxonomyKind.LOCAL, words.LOCAL_TERMS, "local words families use"),
    ]
    terms: dict[str, TaxonomyTerm] = {}
    for name, kind, rows, about in specs:
        taxonomy, _ = Taxonomy.objects.get_or_create(
            id=demo_id("taxonomy", kind),
            defaults={
                "name": name,
                "kind": kind,
                "version": "1.0",
                "description": f"The Local Offer's taxonomy of {about}.",
            },
        )
        for code, label, description in rows:
            term, _ = TaxonomyTerm.objects.get_or_create(
                id=demo_id("term", kind, code),
                defaults={"taxonomy": taxonomy, "code": code, "name": label, "description": description},
            )
            terms[code] = term
    return terms


def _locations(rng: random.Random) -> list[Location]:
    out = []
    for n, place in enumerate(words.PLACES):
        outward = words.OUTWARD[n % len(words.OUTWARD)]
        location, _ = Location.objects.get_or_create(
            id=demo_id("location", place),
            defaults={
                "name": f"{place} Community Centre",
                "description": f"A community building in {place}.",
                "address_1": f"{rng.randint(1, 120)} {rng.choice(words.STREETS)}",
                "city": "London",
                "postcode": f"{outward} {rng.randint(1, 9)}Z{'ABDEFGHJ'[n % 8]}",
                "latitude": round(51.535 + rng.uniform(-0.02, 0.02), 5),
                "longitude": round(-0.145 + rng.uniform(-0.03, 0.03), 5),
            },
        )
        if not location.accessibility.exists():
            for desc, details in rng.sample(words.ACCESS, 2):
                AccessibilityFeature.objects.create(
                    id=demo_id("access", place, desc), location=location, description=desc, details=details
                )
        out.append(location)
    return out


def _organisations(rng: random.Random) -> list[Organisation]:
    orgs = []
    for n in range(60):
        place, kind = words.PLACES[n % len(words.PLACES)], words.ORG_KINDS[n % len(words.ORG_KINDS)]
        slug = f"{place}-{kind}".lower().replace(" ", "-").replace("'", "")
        org, _ = Organisation.objects.get_or_create(
            id=demo_id("org", n),
            defaults={
                "name": f"{place} {kind}",
                "email": f"hello@{slug}.example.org",
                "website": f"https://{slug}.example.org",
                "description": f"A local {kind.lower()} working with children, young people and families.",
            },
        )
        orgs.append(org)
    return orgs


# Who runs what: a kind of provider only runs the kinds of service it would (an arts collective runs no NHS
# therapy; only community health services run health services).
PROVIDERS_FOR: dict[str, tuple[str, ...]] = {
    "education": ("Children's Trust", "College", "Disability Charity"),
    "health": ("Community Health Services",),
    "care": ("Children's Trust", "Family Centre", "Disability Charity"),
    "short-breaks": (
        "Play Association",
        "Inclusive Sports",
        "Youth Project",
        "Disability Charity",
        "Arts Collective",
    ),
    "leisure": ("Play Association", "Inclusive Sports", "Arts Collective", "Youth Project"),
    "advice": ("Parents' Network", "Disability Charity", "Family Centre", "Children's Trust"),
    "early-years": ("Family Centre", "Children's Trust", "Community Health Services"),
    "post-16": ("College", "Youth Project", "Disability Charity"),
}

# Camden's postcode districts and the part of the borough each is in (every demo location is in Camden).
AREA_OF_DISTRICT = {
    "WC1": "south",
    "NW1": "central",
    "NW5": "central",
    "N7": "central",
    "NW3": "north",
    "NW6": "north",
    "N6": "north",
    "N19": "north",
}


def service_place(n: int, templates: int) -> int:
    """The place in a demo service's name: each kind of service appears once per place (no service listed
    twice under two providers) for up to 30 of each kind."""
    return (n % templates + 7 * (n // templates)) % len(words.PLACES)


def provider_fits(organisation_name: str, category: str) -> bool:
    return any(organisation_name.endswith(kind) for kind in PROVIDERS_FOR[category])


def area_of(postcode: str) -> str:
    return AREA_OF_DISTRICT.get(postcode.split(" ", 1)[0], "borough")


def build_directory(*, seed: int, count: int, today: dt.date) -> int:
    """Create `count` services (ids derived from the seed and position, so re-running adds nothing)."""
    rng = random.Random(seed)
    terms = load_taxonomies()
    locations, orgs = _locations(rng), _organisations(rng)
    templates = [(cat, t) for cat, ts in words.TEMPLATES.items() for t in ts]
    wanted = [demo_id("service", seed, n) for n in range(count)]
    existing = set(Service.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    new: list[Service] = []
    for n, service_id in enumerate(wanted):
        category, (pattern, description, low, high, cost, needs) = templates[n % len(templates)]
        place = words.PLACES[service_place(n, len(templates))]
        r = random.Random(f"{seed}-{n}")
        if service_id in existing:
            continue
        fitting = [o for o in orgs if provider_fits(o.name, category)]
        org = fitting[r.randrange(len(fitting))]
        service = Service(
            id=service_id,
            organisation=org,
            name=pattern.format(place=place),
            description=description,
            url=f"{org.website}/services/{n}",
            email=org.email,
            cost_kind=cost,
            fees={
                "free": "Free",
                "paid": f"£{r.choice([3, 4, 5, 8, 12])} a session",
                "some_free": "Free for families with a short breaks assessment; £5 a session otherwise",
            }[cost],
            minimum_age=low,
            maximum_age=high,
            area=r.choice(Area.values),
            eligibility=f"Children and young people aged {low} to {high} who live in or go to school in the borough.",
            how_to_access=r.choice(
                [
                    "Just turn up.",
                    "Book a place by email or phone.",
                    "Ask your GP, school or health visitor to refer you.",
                    "Fill in the online request form; we reply within 10 working days.",
                ]
            ),
            referral_needed=r.random() < 0.35,
            how_decisions_are_made="Places are offered in the order requests arrive; where a session is full we keep a waiting list.",
            support_for_send="Staff have SEND training; tell us what helps your child and we will plan around it.",
            how_to_give_feedback="Speak to the session leader, email us, or use 'report a problem' on this page.",
            last_reviewed=today - dt.timedelta(days=r.randint(5, 480)),
            last_modified=timezone.now() - dt.timedelta(days=r.randint(1, 400)),
        )
        service.full_clean()
        new.append(service)
    Service.objects.bulk_create(new)
    links, places, schedules = [], [], []
    located: list[Service] = []
    extras: list[Contact | CostOption | Language] = []
    for service in new:
        n = wanted.index(service.pk)
        category, (_p, _d, _l, _h, cost, needs) = templates[n % len(templates)]
        r = random.Random(f"{seed}-{n}-details")
        codes = [category, *needs] + (["holiday"] if category == "short-breaks" and r.random() < 0.5 else [])
        links += [
            ServiceTerm(id=demo_id("attr", service.pk, c), service=service, term=terms[c]) for c in codes
        ]
        chosen = r.sample(locations, r.choice([1, 1, 2]))
        for location in chosen:
            places.append(
                ServiceAtLocation(
                    id=demo_id("sal", service.pk, location.pk), service=service, location=location
                )
            )
        service.area = area_of(chosen[0].postcode)
        located.append(service)
        days = r.choice(["MO,WE", "TU,TH", "SA", "MO,TU,WE,TH,FR", "FR", "SU", "WE"])
        opens = dt.time(r.choice([9, 10, 13, 15, 16]), r.choice([0, 30]))
        closes = dt.time(min(opens.hour + r.choice([2, 3, 4]), 21), opens.minute)
        schedules.append(
            Schedule(
                id=demo_id("schedule", service.pk),
                service=service,
                byday=days,
                opens_at=opens,
                closes_at=closes,
                description=rules.schedule_text(days, opens, closes),
            )
        )
        if category in ("short-breaks", "leisure") and r.random() < 0.5:
            schedules.append(
                Schedule(
                    id=demo_id("holiday", service.pk),
                    service=service,
                    kind=ScheduleKind.HOLIDAY,
                    byday="MO,TU,WE,TH,FR",
                    opens_at=dt.time(10),
                    closes_at=dt.time(15),
                    description=rules.schedule_text("MO,TU,WE,TH,FR", dt.time(10), dt.time(15)),
                )
            )
        extras.append(
            Contact(
                id=demo_id("contact", service.pk),
                service=service,
                title="Duty worker",
                email=service.email,
                phone=f"020 7946 {r.randint(0, 999):04d}",
            )
        )
        if cost != "free":
            extras.append(
                CostOption(
                    id=demo_id("cost", service.pk),
                    service=service,
                    option="Per session",
                    amount=Decimal(r.choice([3, 4, 5, 8, 12])),
                    amount_description="per child",
                )
            )
        for name, code in [words.LANGUAGES[0], *r.sample(words.LANGUAGES[1:], r.randint(0, 2))]:
            extras.append(
                Language(id=demo_id("lang", service.pk, code), service=service, name=name, code=code)
            )
    Service.objects.bulk_update(located, ["area"])
    ServiceTerm.objects.bulk_create(links)
    ServiceAtLocation.objects.bulk_create(places)
    Schedule.objects.bulk_create(schedules)
    Contact.objects.bulk_create([e for e in extras if isinstance(e, Contact)])
    CostOption.objects.bulk_create([e for e in extras if isinstance(e, CostOption)])
    Language.objects.bulk_create([e for e in extras if isinstance(e, Language)])
    for start in range(0, len(new), 500):
        chunk = Service.objects.filter(pk__in=[s.pk for s in new[start : start + 500]])
        reindex_services(chunk.select_related("organisation").prefetch_related("terms"))
    return len(new)


def link_demo_provider() -> None:
    """The accounts app's demo provider manages the two demo organisations with the most services
    (at a small demo scale the first organisations may have none, leaving the provider nothing to edit)."""
    from django.db.models import Count

    from sendhub.accounts.models import User

    provider = User.objects.filter(email="provider@demo.sendhub.test").first()
    if provider is not None and not Organisation.objects.filter(members=provider).exists():
        busiest = Organisation.objects.annotate(n=Count("services")).order_by("-n", "pk")[:2]
        for org in busiest:
            org.members.add(provider)


def load_pending_changes() -> None:
    """Three changes waiting in the moderation queue, so moderators have something to look at: two to a
    service's own details and one adding school-holiday opening times; and an administrator's edit to a
    content page, which the moderator approves (nobody approves their own)."""
    _load_pending_content_change()
    if ServiceRevision.objects.exists():
        return
    from sendhub.accounts.models import User

    provider = User.objects.filter(email="provider@demo.sendhub.test").first()
    edits = [("fees", "£2 a session; free for siblings"), ("how_to_access", "Book online or just turn up.")]
    for service, (name, value) in zip(Service.objects.order_by("name")[:2], edits, strict=False):
        data = services.service_snapshot(service) | {name: value}
        ServiceRevision.objects.create(
            service=service,
            organisation=service.organisation,
            data=data,
            submitted_by=provider,
            submitted_at=timezone.now(),
        )
    own = (
        Service.objects.filter(organisation__members=provider).order_by("name").first() if provider else None
    )
    if own is not None:
        holiday = {
            "kind": ScheduleKind.HOLIDAY,
            "byday": "MO,TU,WE,TH",
            "opens_at": dt.time(10),
            "closes_at": dt.time(14),
            "valid_from": dt.date(2026, 7, 27),
            "valid_to": dt.date(2026, 8, 27),
            "description": "Summer holiday club; book a week at a time",
        }
        services.submit_record_change(
            service=own, kind="schedules", item_id=None, values=holiday, by=provider
        )


def _load_pending_content_change() -> None:
    from sendhub.accounts.models import User

    page = ContentPage.objects.filter(pk="glossary").first()
    author = User.objects.filter(email="admin@demo.sendhub.test").first()
    if page is None or author is None or ContentPageChange.objects.exists():
        return
    services.propose_content_change(
        page=page,
        title=page.title,
        summary=page.summary,
        body=page.body + "\n\nSENCO: the special educational needs co-ordinator at a school or nursery.",
        version=page.version,
        by=author,
    )


def load_content_pages() -> None:
    now = timezone.now()
    for slug, (title, summary, body) in PAGES.items():
        page, made = ContentPage.objects.get_or_create(
            slug=slug, defaults={"title": title, "summary": summary, "body": body, "updated_at": now}
        )
        if made:
            ContentPageVersion.objects.create(
                page=page, number=1, title=title, summary=summary, body=body, edited_at=now
            )
