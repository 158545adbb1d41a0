"""The self-evaluation: a section per framework theme, with evidence and linked measures."""

from sendhub.strategy.models import SefSection


def test_a_section_is_written_with_its_measures_and_shown_under_its_theme(
    client, login, manager, plan, health_checks_linked
):
    measure = health_checks_linked.linked_to.get()
    login(client, manager)
    form = client.get("/strategy/self-evaluation/next_steps/").content.decode()
    assert "2024 action 3.12: 14+ with an annual health check" in form
    page = client.post(
        "/strategy/self-evaluation/next_steps/",
        {
            "strengths": "Supported internships up to 21",
            "areas_for_development": "Health checks below target",
            "evidence": "Board minutes January 2025",
            "measures": [str(measure.pk)],
        },
    )
    assert page.status_code == 302
    body = client.get("/strategy/self-evaluation/").content.decode()
    section = body.split("well prepared for their next steps and achieve strong outcomes", 1)[1].split(
        "summary-card__title", 1
    )[0]
    assert "Supported internships up to 21" in section and "Board minutes January 2025" in section
    assert "14+ with an annual health check: 70% (2024-25), target 75%" in section and "Off target" in section
    assert (
        "Not written yet."
        in body.split("valued, visible and included", 1)[1].split("summary-card__title", 1)[0]
    )


def test_an_empty_section_is_refused_and_an_unknown_theme_is_404(client, login, manager):
    login(client, manager)
    page = client.post("/strategy/self-evaluation/leadership/", {"strengths": ""})
    assert "Enter the strengths, the areas for development or the evidence" in page.content.decode()
    assert not SefSection.objects.exists()
    assert client.get("/strategy/self-evaluation/nonsense/").status_code == 404


def test_staff_read_the_self_evaluation_but_only_plan_keepers_change_it(client, login, officer):
    login(client, officer)
    assert client.get("/strategy/self-evaluation/").status_code == 200
    assert client.get("/strategy/self-evaluation/leadership/").status_code == 403
