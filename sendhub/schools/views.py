from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sendhub.core.access import requires
from sendhub.schools import selectors


@requires("schools.view_schools")
def school_list(request: HttpRequest) -> HttpResponse:
    query = (request.GET.get("q") or "").strip()
    schools = selectors.search_schools(query)
    page = Paginator(schools, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "schools/school_list.html",
        {"page_obj": page, "q": query, "query": f"q={query}" if query else ""},
    )
