from django.urls import path

from sendhub.cases.views import children, documents, letters, panel, plan_content, plans, registers, requests

app_name = "cases"

urlpatterns = [
    path("cases/", children.worklist, name="worklist"),
    path("cases/children/", children.child_list, name="child_list"),
    path("cases/children/<int:pk>/", children.child_detail, name="child_detail"),
    path("cases/children/<int:pk>/edit/", children.child_edit, name="child_edit"),
    path("cases/children/<int:pk>/reassign/", children.reassign, name="reassign"),
    path("cases/children/<int:pk>/requests/new/", requests.child_request_new, name="child_request_new"),
    path("cases/children/<int:pk>/appeals/new/", registers.appeal_new, name="appeal_new"),
    path(
        "cases/children/<int:pk>/appeals/<int:appeal_pk>/outcome/",
        registers.appeal_outcome,
        name="appeal_outcome",
    ),
    path("cases/children/<int:pk>/transfers/new/", registers.transfer_new, name="transfer_new"),
    path("cases/children/<int:pk>/parents/new/", children.parent_new, name="parent_new"),
    path("cases/children/<int:pk>/parents/<int:parent_pk>/edit/", children.parent_edit, name="parent_edit"),
    path(
        "cases/children/<int:pk>/parents/<int:parent_pk>/remove/",
        children.parent_remove,
        name="parent_remove",
    ),
    path("cases/children/<int:pk>/professionals/new/", children.professional_new, name="professional_new"),
    path(
        "cases/children/<int:pk>/professionals/<int:professional_pk>/edit/",
        children.professional_edit,
        name="professional_edit",
    ),
    path(
        "cases/children/<int:pk>/professionals/<int:professional_pk>/remove/",
        children.professional_remove,
        name="professional_remove",
    ),
    path("cases/children/<int:pk>/placements/new/", children.placement_new, name="placement_new"),
    path(
        "cases/children/<int:pk>/placements/<int:placement_pk>/edit/",
        children.placement_edit,
        name="placement_edit",
    ),
    path(
        "cases/children/<int:pk>/placements/<int:placement_pk>/remove/",
        children.placement_remove,
        name="placement_remove",
    ),
    path("cases/children/<int:pk>/documents/", documents.document_list, name="document_list"),
    path("cases/children/<int:pk>/documents/new/", documents.document_upload, name="document_upload"),
    path("cases/documents/<int:pk>/", documents.document_download, name="document_download"),
    path("cases/documents/<int:pk>/remove/", documents.document_remove, name="document_remove"),
    path("cases/requests/new/", children.request_new, name="request_new"),
    path("cases/requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path("cases/requests/<int:pk>/decision/", requests.request_decision, name="request_decision"),
    path("cases/requests/<int:pk>/advice/new/", requests.advice_new, name="advice_new"),
    path(
        "cases/requests/<int:pk>/advice/<int:advice_pk>/received/",
        requests.advice_received,
        name="advice_received",
    ),
    path("cases/requests/<int:pk>/exceptions/new/", requests.exception_new, name="exception_new"),
    path("cases/requests/<int:pk>/issue-decision/", requests.issue_decision, name="issue_decision"),
    path("cases/requests/<int:pk>/draft/", requests.draft_issue, name="draft_issue"),
    path("cases/requests/<int:pk>/consultation/", requests.consultation, name="consultation"),
    path("cases/requests/<int:pk>/final/", requests.final_issue, name="final_issue"),
    path("cases/requests/<int:pk>/withdraw/", requests.request_withdraw, name="request_withdraw"),
    path("cases/panel/", panel.panel_agenda, name="panel_agenda"),
    path("cases/panel/requests/<int:pk>/list/", panel.panel_listing, name="panel_listing"),
    path("cases/panel/requests/<int:pk>/", panel.panel_decision, name="panel_decision"),
    path("cases/panel/decisions/<int:pk>/", panel.panel_decision_detail, name="panel_decision_detail"),
    path("cases/letters/<int:pk>/", letters.letter_detail, name="letter_detail"),
    path("cases/letters/<int:pk>/pdf/", letters.letter_pdf, name="letter_pdf"),
    path("cases/letters/print-queue/", letters.print_queue, name="print_queue"),
    path("cases/letters/print-queue/pdf/", letters.print_queue_pdf, name="print_queue_pdf"),
    path("cases/letters/batches/", letters.letter_batch_new, name="letter_batch_new"),
    path("cases/letters/batches/<int:pk>/", letters.letter_batch_detail, name="letter_batch_detail"),
    path("cases/plans/<int:pk>/review-invitation/", letters.review_invitation, name="review_invitation"),
    path("cases/letter-templates/", panel.letter_template_list, name="letter_template_list"),
    path("cases/letter-templates/<int:pk>/", panel.letter_template_edit, name="letter_template_edit"),
    path("cases/plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path(
        "cases/plans/<int:pk>/versions/<int:number>/", plans.plan_version_detail, name="plan_version_detail"
    ),
    path("cases/plans/<int:pk>/versions/<int:number>/audit/", plans.qa_audit_new, name="qa_audit_new"),
    path(
        "cases/plans/<int:pk>/versions/<int:number>/document/",
        letters.plan_version_document,
        name="plan_version_document",
    ),
    path(
        "cases/plans/<int:pk>/versions/<int:number>/pdf/", letters.plan_version_pdf, name="plan_version_pdf"
    ),
    path("cases/plans/<int:pk>/reviews/new/", plans.review_new, name="review_new"),
    path("cases/plans/<int:pk>/reviews/<int:review_pk>/report/", plans.review_report, name="review_report"),
    path(
        "cases/plans/<int:pk>/reviews/<int:review_pk>/decision/",
        plans.review_decision,
        name="review_decision",
    ),
    path("cases/plans/<int:pk>/amendments/", plans.amendments_propose, name="amendments_propose"),
    path("cases/plans/<int:pk>/amended/", plans.amended_issue, name="amended_issue"),
    path("cases/plans/<int:pk>/cease/", plans.cease_notice, name="cease_notice"),
    path("cases/plans/<int:pk>/outcomes/new/", plans.outcome_new, name="outcome_new"),
    path("cases/plans/<int:pk>/provision/new/", plans.provision_new, name="provision_new"),
    path(
        "cases/plans/<int:pk>/outcomes/<int:outcome_pk>/edit/", plan_content.outcome_edit, name="outcome_edit"
    ),
    path(
        "cases/plans/<int:pk>/outcomes/<int:outcome_pk>/remove/",
        plan_content.outcome_remove,
        name="outcome_remove",
    ),
    path(
        "cases/plans/<int:pk>/provision/<int:provision_pk>/edit/",
        plan_content.provision_edit,
        name="provision_edit",
    ),
    path(
        "cases/plans/<int:pk>/provision/<int:provision_pk>/remove/",
        plan_content.provision_remove,
        name="provision_remove",
    ),
    path("cases/plans/<int:pk>/budget/", plans.budget_edit, name="budget_edit"),
    path("cases/plans/<int:pk>/setting/", plans.setting_edit, name="setting_edit"),
    path("cases/phase-transfers/", plans.phase_transfers, name="phase_transfers"),
    path("cases/quality/", plans.qa_overview, name="qa_overview"),
    path("cases/appeals/", registers.appeal_list, name="appeal_list"),
    path("cases/transfers/", registers.transfer_list, name="transfer_list"),
]
