"""Word lists for the synthetic Local Offer demo (no real organisations, people or addresses)."""

from __future__ import annotations

CATEGORIES = [
    ("education", "Education and schools", "Nurseries, schools, colleges and support for learning."),
    ("health", "Health and therapies", "NHS and community health services, therapies and clinics."),
    ("care", "Social care and family support", "Support for families at home and from social care."),
    ("short-breaks", "Short breaks", "Time out for disabled children and a break for their families."),
    ("leisure", "Leisure and activities", "Clubs, sport, arts and things to do."),
    ("post-16", "Post-16 and preparing for adulthood", "Education, training, work and independence from 16."),
    (
        "advice",
        "Information, advice and support",
        "Impartial advice, parent groups and help with the SEND system.",
    ),
    ("early-years", "Early years", "Support for babies and young children before they start school."),
]

NEEDS = [
    ("autism", "Autism", "Autistic children and young people, with or without a diagnosis."),
    ("adhd", "ADHD", "Attention deficit hyperactivity disorder."),
    ("slcn", "Speech, language and communication", "Difficulty talking, understanding or using language."),
    ("semh", "Social, emotional and mental health", "Anxiety, low mood, trauma and other emotional needs."),
    ("mld", "Moderate learning difficulty", "Finding learning harder than most children of the same age."),
    ("sld", "Severe learning difficulty", "Significant learning needs that affect everyday life."),
    (
        "pmld",
        "Profound and multiple learning difficulty",
        "Complex learning needs with physical or sensory needs.",
    ),
    ("spld", "Dyslexia and specific learning difficulty", "Dyslexia, dyspraxia and dyscalculia."),
    ("hi", "Hearing impairment", "Deaf children and children with hearing loss."),
    ("vi", "Vision impairment", "Blind and partially sighted children."),
    ("pd", "Physical disability", "Children who use a wheelchair or have other physical needs."),
]

LOCAL_TERMS = [
    ("family-hub", "Family hub", "Runs from or with one of the borough's family hubs."),
    ("sensory-friendly", "Sensory friendly", "Quieter, calmer sessions with adapted lighting and sound."),
    ("holiday", "School holidays", "Runs in the school holidays."),
    ("parent-carers", "For parents and carers", "A service for the adults who care for a child with SEND."),
]

# category -> [(name pattern, description, min age, max age, cost kind, extra needs)]
TEMPLATES: dict[str, list[tuple[str, str, int, int, str, tuple[str, ...]]]] = {
    "education": [
        (
            "{place} Primary autism resource base",
            "A class of up to twelve autistic pupils inside a mainstream primary school, with a specialist teacher and teaching assistants. Pupils join mainstream lessons when they are ready.",
            4,
            11,
            "free",
            ("autism",),
        ),
        (
            "{place} School sensory and physical support",
            "Specialist teachers visit schools to advise on pupils with hearing, vision or physical needs, and train staff.",
            0,
            19,
            "free",
            ("hi", "vi", "pd"),
        ),
        (
            "Dyslexia outreach from {place}",
            "Assessment advice, teacher training and small-group literacy programmes for pupils with dyslexia and other specific learning difficulties.",
            5,
            16,
            "free",
            ("spld",),
        ),
        (
            "{place} special school",
            "A special school for pupils with severe and complex learning needs, with therapists on site and a hydrotherapy pool.",
            2,
            19,
            "free",
            ("sld", "pmld"),
        ),
        (
            "Homework club at {place} Library",
            "A quiet after-school homework club with volunteers who have had SEND awareness training.",
            8,
            16,
            "free",
            ("mld", "spld"),
        ),
    ],
    "health": [
        (
            "Children's speech and language therapy, {place} clinic",
            "NHS speech and language therapists assess and support children who have difficulty talking, understanding or swallowing. Drop-in advice sessions every week.",
            0,
            18,
            "free",
            ("slcn",),
        ),
        (
            "Occupational therapy for children, {place}",
            "Help with everyday skills such as dressing, writing and sensory processing, in clinic, at school or at home.",
            0,
            18,
            "free",
            ("pd", "autism"),
        ),
        (
            "{place} child development centre",
            "Assessments for babies and young children whose development is delayed, with paediatricians, therapists and nursery nurses.",
            0,
            5,
            "free",
            ("pmld", "slcn"),
        ),
        (
            "Neurodevelopmental assessment pathway, {place}",
            "Assessment for autism and ADHD after a referral from a GP, school or health visitor.",
            4,
            18,
            "free",
            ("autism", "adhd"),
        ),
        (
            "Children's physiotherapy, {place}",
            "Physiotherapy for children with movement difficulties, including equipment advice and exercise programmes.",
            0,
            19,
            "free",
            ("pd",),
        ),
        (
            "Wellbeing and mental health team, {place}",
            "Short-term talking therapy and advice for children and young people with anxiety or low mood, and their families.",
            5,
            18,
            "free",
            ("semh",),
        ),
    ],
    "care": [
        (
            "Children's disability social work, {place}",
            "Social workers assess the needs of disabled children and their families and plan support, including short breaks and direct payments.",
            0,
            18,
            "free",
            ("sld", "pmld", "pd"),
        ),
        (
            "Family support workers, {place} family hub",
            "Practical and emotional support at home for families of children with SEND, from sleep routines to managing behaviour.",
            0,
            18,
            "free",
            ("adhd", "autism", "semh"),
        ),
        (
            "Sleep advice service, {place}",
            "Sleep practitioners help families with children who find it hard to settle or stay asleep.",
            2,
            16,
            "free",
            ("autism", "adhd"),
        ),
    ],
    "short-breaks": [
        (
            "Saturday club at {place}",
            "A Saturday activity club for disabled children with one-to-one support where needed: cooking, games, art and outings.",
            5,
            17,
            "some_free",
            ("sld", "autism", "pd"),
        ),
        (
            "{place} holiday play scheme",
            "An inclusive play scheme in the school holidays with extra staff trained in SEND.",
            5,
            14,
            "paid",
            ("autism", "adhd", "mld"),
        ),
        (
            "Overnight short breaks, {place} house",
            "Planned overnight stays in a small home-from-home for children with complex needs, after a social care assessment.",
            8,
            18,
            "free",
            ("pmld", "sld"),
        ),
        (
            "After-school club with support, {place}",
            "An after-school club with extra staff so that disabled children can join in with their friends.",
            5,
            12,
            "some_free",
            ("autism", "pd"),
        ),
    ],
    "leisure": [
        (
            "Inclusive swimming at {place} Leisure Centre",
            "Quiet swimming sessions with a warm pool, changing places toilet and a hoist.",
            3,
            25,
            "paid",
            ("pd", "autism", "sld"),
        ),
        (
            "Sensory-friendly cinema at {place}",
            "Films with the lights up, the sound down and freedom to move around.",
            3,
            25,
            "paid",
            ("autism",),
        ),
        (
            "Wheelchair basketball, {place} sports club",
            "Weekly training and friendly matches for wheelchair users and their friends.",
            8,
            25,
            "paid",
            ("pd",),
        ),
        (
            "Youth club for young people with SEND, {place}",
            "A weekly youth club with games, music, trips and a quiet room.",
            11,
            25,
            "free",
            ("mld", "autism", "semh"),
        ),
        (
            "Relaxed music and drama group, {place}",
            "A music and drama group for children who communicate in different ways, including signing and symbols.",
            4,
            16,
            "some_free",
            ("slcn", "hi"),
        ),
        (
            "Adapted cycling at {place} Park",
            "Adapted bikes, trikes and tandems with instructors, so everyone can ride.",
            4,
            25,
            "paid",
            ("pd", "vi"),
        ),
    ],
    "post-16": [
        (
            "Supported internships, {place} College",
            "A one-year study programme based mainly with an employer, with a job coach, for young people with an EHC plan.",
            16,
            24,
            "free",
            ("mld", "autism"),
        ),
        (
            "Independent travel training, {place}",
            "Travel trainers teach young people to make journeys on their own safely.",
            14,
            25,
            "free",
            ("mld", "sld", "autism"),
        ),
        (
            "Foundation learning at {place} College",
            "Entry-level courses in English, maths and life skills, with a learning support team.",
            16,
            25,
            "free",
            ("mld", "sld"),
        ),
        (
            "Preparing for adulthood team, {place}",
            "Advice for young people aged 14 to 25 on work, housing, health and friendships.",
            14,
            25,
            "free",
            ("sld", "pmld", "pd"),
        ),
    ],
    "advice": [
        (
            "SEND information, advice and support service (SENDIASS), {place}",
            "Free, confidential and impartial advice about SEND for parents, children and young people, including help with EHC needs assessments, plans and appeals.",
            0,
            25,
            "free",
            ("autism", "mld", "semh"),
        ),
        (
            "Parent carer forum coffee morning, {place}",
            "Meet other parents and carers, share experiences and hear from local services.",
            0,
            25,
            "free",
            ("autism", "adhd"),
        ),
        (
            "Autism parent support group, {place}",
            "A monthly group for parents and carers of autistic children, after diagnosis or while waiting.",
            0,
            18,
            "free",
            ("autism",),
        ),
        (
            "Deaf children's family group, {place}",
            "Family days and signing classes for deaf children and their families.",
            0,
            18,
            "free",
            ("hi",),
        ),
    ],
    "early-years": [
        (
            "Portage home visiting, {place}",
            "Home visits to help babies and young children with SEND learn through play.",
            0,
            5,
            "free",
            ("pmld", "slcn"),
        ),
        (
            "Stay and play for children with SEND, {place} family hub",
            "A welcoming play session with sensory toys, songs and advice from early years practitioners.",
            0,
            5,
            "free",
            ("slcn", "autism"),
        ),
        (
            "Early years inclusion advice, {place}",
            "Advisers support nurseries and childminders to include children with SEND.",
            0,
            5,
            "free",
            ("slcn", "semh"),
        ),
    ],
}

PLACES = [
    "Ashgrove", "Beacon Hill", "Brookside", "Cedar Park", "Chalkfield", "Elmwood", "Fernbank", "Foxley", "Greenway",
    "Hazelmere", "Hollybush", "Kingsmead", "Larkrise", "Linden", "Maple Court", "Meadowbank", "Northgate", "Oakfield",
    "Orchard Rise", "Parkside", "Quarry Hill", "Riverside", "Rosebank", "Southfield", "Springvale", "Thornbury",
    "Upton Green", "Westbrook", "Willowmere", "Woodlands",
]  # fmt: skip

ORG_KINDS = [
    "Children's Trust", "Community Health Services", "Play Association", "Inclusive Sports", "Family Centre",
    "Arts Collective", "Youth Project", "College", "Parents' Network", "Disability Charity",
]  # fmt: skip

STREETS = ["Larkspur Road", "Quill Lane", "Tannery Street", "Mill Walk", "Station Parade", "Garden Row",
           "Foundry Place", "Canal Side", "Church Terrace", "Market Yard"]  # fmt: skip
OUTWARD = ["NW1", "NW3", "NW5", "NW6", "WC1", "N6", "N19", "N7"]
LANGUAGES = [
    ("English", "en"),
    ("Bengali", "bn"),
    ("Somali", "so"),
    ("Arabic", "ar"),
    ("British Sign Language", "sgn"),
]
ACCESS = [
    ("Step-free access", "Level entrance and a lift to every floor."),
    ("Changing Places toilet", "Hoist, adult-sized changing bench and space for two carers."),
    ("Hearing loop", "Induction loop at reception and in the main hall."),
    ("Quiet room", "A calm room with low lighting you can use at any time."),
    ("Accessible parking", "Two blue badge bays next to the entrance."),
]
