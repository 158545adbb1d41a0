from django.urls import path

from sendhub.funding.views import budget, eng, evidence, maintain, places

app_name = "funding"

urlpatterns = [
    path("funding/", budget.position, name="position"),
    path("funding/scenarios/", budget.scenarios, name="scenarios"),
    path("funding/scenarios/new/", budget.scenario_create, name="scenario_create"),
    path("funding/banding/", budget.banding_page, name="banding"),
    path("funding/plans/<int:plan_id>/band/", budget.plan_band, name="plan_band"),
    path("funding/clusters/", eng.cluster_list, name="cluster_list"),
    path("funding/clusters/<int:pk>/", eng.cluster_detail, name="cluster_detail"),
    path("funding/clusters/<int:pk>/apply/", eng.application_create, name="application_create"),
    path("funding/applications/<int:pk>/", eng.application_detail, name="application_detail"),
    path("funding/applications/<int:pk>/decide/", eng.application_decide, name="application_decide"),
    path("funding/applications/<int:pk>/review/", eng.grant_review, name="grant_review"),
    path("funding/applications/<int:pk>/evidence/new/", evidence.evidence_upload, name="evidence_upload"),
    path(
        "funding/applications/<int:pk>/evidence/<int:evidence_pk>/",
        evidence.evidence_download,
        name="evidence_download",
    ),
    path("funding/payments/<int:pk>/paid/", eng.payment_record, name="payment_record"),
    path("funding/packages/", places.package_list, name="package_list"),
    path("funding/packages/new/", places.package_create, name="package_create"),
    path("funding/packages/<int:pk>/end/", places.package_end, name="package_end"),
    path("funding/places/", places.places, name="places"),
    path("funding/places/sufficiency/", places.sufficiency, name="sufficiency"),
    path("funding/referrals/<int:pk>/move/", places.referral_move, name="referral_move"),
    path("funding/capital/", places.capital, name="capital"),
    path("funding/maintain/", maintain.maintain, name="maintain"),
    path("funding/maintain/year/", maintain.year_edit, name="year_edit"),
    path("funding/maintain/lines/<slug:line>/", maintain.budget_line_edit, name="budget_line_edit"),
    path("funding/maintain/clusters/new/", maintain.cluster_create, name="cluster_create"),
    path("funding/maintain/clusters/<int:pk>/", maintain.cluster_edit, name="cluster_edit"),
    path("funding/maintain/bands/new/", maintain.band_create, name="band_create"),
    path("funding/maintain/bands/<int:pk>/", maintain.band_edit, name="band_edit"),
    path("funding/maintain/provisions/new/", maintain.provision_create, name="provision_create"),
    path("funding/maintain/provisions/<int:pk>/", maintain.provision_edit, name="provision_edit"),
    path("funding/maintain/targets/<slug:kind>/", maintain.target_edit, name="target_edit"),
    path("funding/maintain/capital/new/", maintain.capital_create, name="capital_create"),
    path("funding/maintain/capital/<int:pk>/", maintain.capital_edit, name="capital_edit"),
]
