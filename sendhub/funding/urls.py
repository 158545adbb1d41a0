from django.urls import path

from sendhub.funding.views import (
    admissions,
    budget,
    commitments,
    eng,
    eng_panels,
    evidence,
    maintain,
    places,
    removals,
)

app_name = "funding"

urlpatterns = [
    path("funding/", budget.position, name="position"),
    path("funding/scenarios/", budget.scenarios, name="scenarios"),
    path("funding/scenarios/new/", budget.scenario_create, name="scenario_create"),
    path("funding/banding/", budget.banding_page, name="banding"),
    path("funding/plans/<int:plan_id>/band/", budget.plan_band, name="plan_band"),
    path(
        "funding/plans/<int:plan_id>/band/<int:pk>/remove/",
        removals.plan_band_remove,
        name="plan_band_remove",
    ),
    path("funding/clusters/", eng.cluster_list, name="cluster_list"),
    path("funding/clusters/<int:pk>/", eng.cluster_detail, name="cluster_detail"),
    path("funding/clusters/<int:pk>/apply/", eng.application_create, name="application_create"),
    path("funding/clusters/<int:pk>/panels/new/", eng_panels.eng_panel_create, name="eng_panel_create"),
    path("funding/cluster-panels/<int:pk>/", eng_panels.eng_panel_detail, name="eng_panel_detail"),
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
    path("funding/packages/<int:pk>/", places.package_edit, name="package_edit"),
    path("funding/packages/<int:pk>/end/", places.package_end, name="package_end"),
    path("funding/places/", places.places, name="places"),
    path("funding/places/sufficiency/", places.sufficiency, name="sufficiency"),
    path("funding/admissions/panels/new/", admissions.panel_create, name="panel_create"),
    path("funding/referrals/new/", admissions.referral_create, name="referral_create"),
    path("funding/referrals/<int:pk>/", admissions.referral_step, name="referral_step"),
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
    path("funding/maintain/provisions/<int:pk>/remove/", removals.provision_remove, name="provision_remove"),
    path("funding/maintain/targets/<slug:kind>/", maintain.target_edit, name="target_edit"),
    path("funding/maintain/capital/new/", maintain.capital_create, name="capital_create"),
    path("funding/maintain/capital/<int:pk>/", maintain.capital_edit, name="capital_edit"),
    path("funding/maintain/commitments/new/", commitments.commitment_create, name="commitment_create"),
    path("funding/maintain/commitments/<int:pk>/", commitments.commitment_edit, name="commitment_edit"),
    path(
        "funding/maintain/commitments/<int:pk>/remove/", removals.commitment_remove, name="commitment_remove"
    ),
    path("funding/maintain/adjustments/new/", commitments.adjustment_create, name="adjustment_create"),
    path("funding/maintain/adjustments/<int:pk>/", commitments.adjustment_edit, name="adjustment_edit"),
    path(
        "funding/maintain/adjustments/<int:pk>/remove/", removals.adjustment_remove, name="adjustment_remove"
    ),
]
