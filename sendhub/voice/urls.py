from django.urls import path

from sendhub.voice.views import complaints, contacts, public, staff, survey_changes, surveys

app_name = "voice"

urlpatterns = [
    # Public: no sign-in
    path("contact/", public.contact_public, name="contact_public"),
    path("contact/sent/", public.contact_public_sent, name="contact_public_sent"),
    path("survey/<str:token>/", public.survey_answer, name="survey_answer"),
    path("you-said-we-did/", public.you_said_we_did, name="you_said_we_did"),
    path("sen-surgeries/", public.surgery_public_list, name="surgery_public_list"),
    path("sen-surgeries/<int:pk>/book/", public.surgery_book, name="surgery_book"),
    path("sen-surgeries/booking/<str:token>/", public.surgery_booking, name="surgery_booking"),
    # A signed-in parent's own messages
    path("your-messages/", contacts.own_contact_list, name="own_contact_list"),
    path("your-messages/<int:pk>/", contacts.own_contact_detail, name="own_contact_detail"),
    path("your-messages/add/<str:token>/", contacts.own_contact_claim, name="own_contact_claim"),
    # The Duty Line
    path("duty-line/", contacts.contact_list, name="contact_list"),
    path("duty-line/new/", contacts.contact_create, name="contact_create"),
    path("duty-line/find/", contacts.contact_find, name="contact_find"),
    path("duty-line/<int:pk>/", contacts.contact_detail, name="contact_detail"),
    path("duty-line/<int:pk>/reply/", contacts.contact_reply, name="contact_reply"),
    path("duty-line/<int:pk>/note/", contacts.contact_note, name="contact_note"),
    path("duty-line/<int:pk>/close/", contacts.contact_close, name="contact_close"),
    path("duty-line/<int:pk>/assign/", contacts.contact_assign, name="contact_assign"),
    path("duty-line/<int:contact_pk>/complaint/", complaints.complaint_create, name="complaint_create"),
    # Complaints and compliments
    path("complaints/", complaints.complaint_list, name="complaint_list"),
    path("complaints/<int:pk>/", complaints.complaint_detail, name="complaint_detail"),
    path("compliments/", complaints.compliment_list, name="compliment_list"),
    path("compliments/new/", complaints.compliment_create, name="compliment_create"),
    # Surveys and "you said, we did"
    path("surveys/", surveys.survey_list, name="survey_list"),
    path("surveys/new/", surveys.survey_create, name="survey_create"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/questions/new/", surveys.question_create, name="question_create"),
    path("surveys/<int:pk>/change/", survey_changes.survey_edit, name="survey_edit"),
    path("surveys/<int:pk>/copy/", survey_changes.survey_copy, name="survey_copy"),
    path(
        "surveys/<int:pk>/questions/<int:question>/change/",
        survey_changes.question_edit,
        name="question_edit",
    ),
    path(
        "surveys/<int:pk>/questions/<int:question>/remove/",
        survey_changes.question_remove,
        name="question_remove",
    ),
    path(
        "surveys/<int:pk>/questions/<int:question>/move/", survey_changes.question_move, name="question_move"
    ),
    path("surveys/<int:pk>/send/", surveys.survey_invite, name="survey_invite"),
    path("surveys/<int:pk>/answers/<int:answer_pk>/themes/", surveys.answer_themes, name="answer_themes"),
    path("surveys/you-said-we-did/", surveys.yswd_list, name="yswd_list"),
    path("surveys/you-said-we-did/new/", surveys.yswd_create, name="yswd_create"),
    path("surveys/you-said-we-did/<int:pk>/publish/", surveys.yswd_publish, name="yswd_publish"),
    # Surgeries, outbox, reports
    path("surgeries/", staff.surgery_list, name="surgery_list"),
    path("surgeries/new/", staff.surgery_create, name="surgery_create"),
    path("surgeries/<int:pk>/", staff.surgery_detail, name="surgery_detail"),
    path("surgeries/<int:pk>/change/", staff.surgery_edit, name="surgery_edit"),
    path("surgeries/<int:pk>/cancel/", staff.surgery_cancel, name="surgery_cancel"),
    path(
        "surgeries/<int:pk>/bookings/<int:booking>/cancel/",
        staff.surgery_booking_cancel,
        name="surgery_booking_cancel",
    ),
    path("outbox/", staff.outbox_list, name="outbox_list"),
    path("outbox/<int:pk>/", staff.outbox_detail, name="outbox_detail"),
    path("family-voice/reports/", staff.voice_reports, name="reports"),
]
