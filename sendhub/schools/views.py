from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sendhub.core.access import requires
from sendhub.core.paging import page_of
from sendhub.core.params import search_terms
from sendhub.schools import selectors


@requires("schools.view_schools")
def school_list(request: HttpRequest) -> HttpResponse:
    query = " ".join(search_terms(request.GET.get("q")))
    schools = selectors.search_schools(query)
    page = page_of(request, schools, 50)
    return render(
        request,
        "schools/school_list.html",
        {"page_obj": page, "q": query, "query": f"q={query}" if query else ""},
    )
