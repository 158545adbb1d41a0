from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sendhub.core.access import requires
from sendhub.core.paging import page_of
from sendhub.core.params import search_terms
from sendhub.schools.models import School


@requires("schools.view_schools")
def school_list(request: HttpRequest) -> HttpResponse:
    query = " ".join(search_terms(request.GET.get("q")))
    schools = School.objects.order_by("name")
    if query:
        schools = schools.filter(name__icontains=query) | schools.filter(urn__startswith=query.strip())
    page = page_of(request, schools, 50)
    return render(
        request,
        "schools/school_list.html",
        {"page_obj": page, "q": query, "query": f"q={query}" if query else ""},
    )
