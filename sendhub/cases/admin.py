from django.contrib import admin

from sendhub.cases.models import LetterTemplate


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "updated_at"]
