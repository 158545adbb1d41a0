"""First versions of the Local Offer's staff-edited pages (plain English, synthetic, edited later by staff)."""

from __future__ import annotations

PAGES: dict[str, tuple[str, str, str]] = {
    "glossary": (
        "Glossary of SEND words",
        "What the words and short forms used about special educational needs and disabilities mean.",
        """We try to use plain words. When we cannot, this list explains what we mean. The partnership agreed these meanings with parents and carers so that everyone uses words the same way.

## Annual review
A meeting, at least once a year, to check an EHC plan is still right for the child or young person. Everyone who supports them is asked for their views.

## ARP (additionally resourced provision)
A special unit or class inside a mainstream school, with extra staff and space for children with a particular kind of need, such as autism or hearing loss.

## EHC needs assessment
A detailed look at a child or young person's needs by education, health and social care, to decide whether they need an EHC plan. The council must decide within 6 weeks whether to assess.

## EHC plan (education, health and care plan)
A legal document that describes a child or young person's needs, the outcomes they are working towards and the support they must get. It can last from birth to age 25.

## Exceptional Needs Grant
Extra money the council gives a school quickly, without an EHC plan, so it can support a child with high needs.

## Ordinarily available provision
The support every nursery, school and college should give to any child who needs it, without extra funding or a plan.

## Preparing for adulthood
Planning, from year 9, for the things that matter as a young person grows up: work, where they will live, friends and community, and good health.

## SENCO (special educational needs co-ordinator)
The teacher in every school who organises support for pupils with SEND. Speak to them first if you are worried.

## SEN Support
Extra help a school gives a pupil with SEND without an EHC plan, planned in a cycle of assess, plan, do and review.

## SENDIASS
A free, confidential and impartial information, advice and support service for children, young people and parents about SEND. It is separate from the council's decision-makers.

## Short breaks
Time away from caring for a disabled child, and a chance for the child to do something they enjoy.

## Tribunal
The First-tier Tribunal (SEND) is an independent court that hears appeals about EHC needs assessments and plans.""",
    ),
    "ordinarily-available-provision": (
        "What schools ordinarily provide",
        "The support every nursery, school and college in the borough should offer, without an EHC plan.",
        """Every setting in the borough has agreed to offer the support on this page to any child who needs it. You do not need a diagnosis or an EHC plan to get it. If you think your child needs more, talk to the SENCO.

## Teaching and the classroom
Lessons planned so every pupil can take part: clear instructions, broken into small steps, with visual timetables, word banks and extra time where needed. Seating planned around a pupil's needs, for example near the front or away from the door.

## Communication and interaction
Simple, consistent language; warning before changes to routine; social stories; small-group work on listening and attention. Staff trained in the basics of speech, language and communication needs.

## Cognition and learning
Short, regular catch-up sessions in reading, writing and maths; coloured overlays and assistive technology; checking understanding often; homework adapted when needed.

## Social, emotional and mental health
A named adult the pupil can go to; a calm space; clear and fair behaviour plans that take account of need; early help from the school's mental health lead.

## Sensory and physical needs
Reasonable adjustments under the Equality Act 2010: movement breaks, ear defenders, a quiet place to eat, changes to PE kit, accessible toilets and exits.

## Working with families
The school meets families at least three times a year to review support, writes down what was agreed, and tells families how to raise a concern.""",
    ),
    "specialist-admissions": (
        "Admissions to specialist places",
        "How places in special schools and additionally resourced provision are decided.",
        """Most children with SEND go to their local mainstream school. Some need a place in a special school or an additionally resourced provision (ARP). This page explains how those places are offered.

## Who can get a specialist place
A specialist place is usually named in a child's EHC plan. Parents and young people have the right to ask for a particular school to be named. The council must agree unless the school is unsuitable, or the place would affect other children's education or would not be an efficient use of resources (Children and Families Act 2014, section 39).

## How decisions are made
A panel of head teachers, health and social care professionals and SEND officers looks at each request. Parents are told the outcome in writing, with the reasons.

## Key dates
For a move to secondary school, the EHC plan must be changed to name the new school by 15 February of year 6. For other phase transfers the date is 31 March.

## If you disagree
You can talk to your case officer, ask for mediation, or appeal to the SEND Tribunal. SENDIASS can help you at every step, free of charge.""",
    ),
    "short-breaks-statement": (
        "Short breaks statement",
        "The short breaks the council offers disabled children and their families, and how to get them.",
        """Short breaks give disabled children and young people the chance to have fun, make friends and try new things, and give their families a break from caring. The Breaks for Carers of Disabled Children Regulations 2011 ask every council to publish this statement.

## Universal short breaks
Open to everyone: inclusive play schemes, youth clubs, swimming sessions and holiday activities listed in this directory. You do not need a referral.

## Targeted short breaks
For children with a disability that has a big effect on daily life. Families can ask for these directly through a short form; we reply within 20 working days. Examples are after-school clubs with extra staff and Saturday activity groups.

## Specialist short breaks
For children with complex needs, after a social care assessment: overnight stays, care at home and direct payments so families can arrange their own support.

## How to ask
Fill in the short breaks request form, call the SEND service on the number below, or ask any professional who works with your child to refer you.

## How we listened
We reviewed this statement with the parent carer forum and young people. Tell us what works and what should change using the feedback link on any page.""",
    ),
    "post-16-prospectus": (
        "Post-16 prospectus",
        "Education, training, work and things to do for young people with SEND aged 16 to 25.",
        """Leaving school is a big step. This prospectus brings together what is available for young people with SEND after year 11.

## Staying in education
Sixth forms, further education colleges and specialist colleges offer courses from entry level to A level. Many colleges have learning support teams; ask to meet them before you apply.

## Supported internships
A year-long study programme based mainly at an employer, with a job coach, for young people aged 16 to 24 with an EHC plan who want to move into paid work.

## Apprenticeships and traineeships
Paid jobs with training. Adjustments can be made to the English and maths requirements for apprentices with an EHC plan.

## Things to do
Youth clubs, sport, arts and volunteering groups where young people can meet others and build confidence.

## Planning ahead
From year 9, every annual review should include preparing for adulthood. Ask your school or college about the careers adviser and the transition worker.""",
    ),
    "accessibility-statement": (
        "Accessibility statement for the Local Offer",
        "How accessible this directory is and how to tell us about a problem.",
        """The council runs this Local Offer directory. We want as many people as possible to be able to use it. You should be able to change colours, fonts and text size, zoom in up to 400% without the text spilling off the screen, and use the whole site with a keyboard, speech recognition software or a screen reader.

## How accessible this website is
We test every page against the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, with automated tools and by hand. Every page works without JavaScript.

## What to do if you cannot use part of this website
If you need information in a different format, such as large print, easy read, audio or another language, email the Local Offer team and we will reply within 5 working days.

## Reporting problems
Every service page has a link to report a problem. We read every report.

## Enforcement procedure
The Equality and Human Rights Commission enforces the Public Sector Bodies (Websites and Mobile Applications) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).""",
    ),
}
