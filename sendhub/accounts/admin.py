from django.contrib import admin

from sendhub.accounts.models import Team, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "full_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active"]
    search_fields = ["email", "full_name"]
    filter_horizontal = ["schools"]
    exclude = ["password", "user_permissions", "groups"]


admin.site.register(Team)
admin.site.site_header = "SEND Hub administration"
