from django.urls import path

from sendhub.strategy.views import adulthood as views_adulthood
from sendhub.strategy.views import board as views_board
from sendhub.strategy.views import edit as views_edit
from sendhub.strategy.views import evidence as views_evidence
from sendhub.strategy.views import measures as views_measures
from sendhub.strategy.views import plan as views_plan
from sendhub.strategy.views import reporting as views_reporting

app_name = "strategy"

urlpatterns = [
    path("strategy/", views_plan.action_list, name="action_list"),
    path("strategy/plan-<int:year>.xlsx", views_plan.plan_export, name="plan_export"),
    path("strategy/actions/<int:pk>/", views_plan.action_detail, name="action_detail"),
    path("strategy/actions/<int:pk>/update/", views_plan.update_create, name="update_create"),
    path("strategy/actions/<int:pk>/measures/new/", views_plan.measure_create, name="measure_create"),
    path("strategy/actions/<int:pk>/carry-forward/", views_plan.carry_forward, name="carry_forward"),
    path("strategy/partner-measures/", views_measures.partner_measure_list, name="partner_measure_list"),
    path("strategy/partner-measures/upload/", views_measures.value_upload, name="value_upload"),
    path(
        "strategy/partner-measures/<int:pk>/",
        views_measures.partner_measure_detail,
        name="partner_measure_detail",
    ),
    path("strategy/partner-measures/<int:pk>/values/new/", views_measures.value_create, name="value_create"),
    path("strategy/actions/<int:pk>/edit/", views_edit.action_edit, name="action_edit"),
    path("strategy/actions/<int:pk>/remove/", views_edit.action_remove, name="action_remove"),
    path("strategy/board/<int:pk>/edit/", views_edit.meeting_edit, name="meeting_edit"),
    path("strategy/board/<int:pk>/remove/", views_edit.meeting_remove, name="meeting_remove"),
    path("strategy/updates/<int:pk>/edit/", views_edit.update_edit, name="update_edit"),
    path("strategy/updates/<int:pk>/remove/", views_edit.update_remove, name="update_remove"),
    path("strategy/updates/<int:pk>/evidence/new/", views_evidence.evidence_upload, name="evidence_upload"),
    path("strategy/evidence/<int:pk>/", views_evidence.evidence_download, name="evidence_download"),
    path("strategy/evidence/<int:pk>/remove/", views_edit.evidence_remove, name="evidence_remove"),
    path("strategy/partner-measures/values/<int:pk>/edit/", views_edit.value_edit, name="value_edit"),
    path("strategy/partner-measures/values/<int:pk>/remove/", views_edit.value_remove, name="value_remove"),
    path("strategy/board/items/<int:pk>/edit/", views_edit.item_edit, name="item_edit"),
    path("strategy/board/items/<int:pk>/remove/", views_edit.item_remove, name="item_remove"),
    path("strategy/adulthood/", views_adulthood.adulthood, name="adulthood"),
    path("strategy/adulthood/internships/new/", views_adulthood.internship_create, name="internship_create"),
    path("strategy/adulthood/reviews/new/", views_adulthood.pfa_review_create, name="pfa_review_create"),
    path("strategy/annual-report/", views_plan.annual_report, name="annual_report"),
    path("strategy/annual-report/<int:year>/publish/", views_reporting.report_publish, name="report_publish"),
    path(
        "strategy/annual-report/<int:year>/withdraw/", views_reporting.report_withdraw, name="report_withdraw"
    ),
    path("strategy/local-offer-visits/", views_reporting.local_offer_visits, name="local_offer_visits"),
    path("local-offer/progress-reports/", views_reporting.public_report_list, name="public_report_list"),
    path("local-offer/progress-reports/<int:year>/", views_reporting.public_report, name="public_report"),
    path("strategy/self-evaluation/", views_plan.sef, name="sef"),
    path("strategy/self-evaluation/<slug:theme>/", views_plan.sef_edit, name="sef_edit"),
    path("strategy/board/", views_board.meeting_list, name="meeting_list"),
    path("strategy/board/quality-assurance/", views_board.qa_meeting_list, name="qa_meeting_list"),
    path("strategy/board/new/", views_board.meeting_create, name="meeting_create"),
    path("strategy/board/<int:pk>/", views_board.meeting_detail, name="meeting_detail"),
    path("strategy/board/<int:pk>/pack.pdf", views_board.meeting_pack_pdf, name="meeting_pack_pdf"),
    path("strategy/board/<int:pk>/items/new/", views_board.item_create, name="item_create"),
    path("strategy/board/items/<int:pk>/complete/", views_board.item_complete, name="item_complete"),
]
