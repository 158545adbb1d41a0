from django.urls import path

from sendhub.funding.views import budget, eng, places

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
    path("funding/payments/<int:pk>/paid/", eng.payment_record, name="payment_record"),
    path("funding/packages/", places.package_list, name="package_list"),
    path("funding/packages/new/", places.package_create, name="package_create"),
    path("funding/packages/<int:pk>/end/", places.package_end, name="package_end"),
    path("funding/places/", places.places, name="places"),
    path("funding/referrals/<int:pk>/move/", places.referral_move, name="referral_move"),
    path("funding/capital/", places.capital, name="capital"),
]
