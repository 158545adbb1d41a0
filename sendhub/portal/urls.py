from django.urls import path

from sendhub.portal.views import family, staff

app_name = "portal"

urlpatterns = [
    path("family/", family.home, name="home"),
    path("family/children/<int:pk>/", family.child, name="child"),
    path("family/children/<int:pk>/views/", family.give_views, name="views"),
    path("family/children/<int:pk>/assessment/", family.ask_for_assessment, name="assessment"),
    path("family/children/<int:pk>/draft-plan/", family.draft_comments, name="draft"),
    path("family/children/<int:pk>/review/", family.review_contribution, name="review"),
    path("family/children/<int:pk>/messages/new/", family.thread_new, name="thread_new"),
    path("family/messages/<int:pk>/", family.thread, name="thread"),
    # Staff: the family tasks, and answering on the case page.
    path("family/tasks/", staff.tasks, name="tasks"),
    path("family/tasks/<int:pk>/done/", staff.task_done, name="task_done"),
    path("family/messages/<int:pk>/reply/", staff.reply, name="reply"),
]
