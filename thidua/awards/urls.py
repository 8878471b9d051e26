"""Pages of the award registry. Each views module lists its own ``urlpatterns``."""

from .views import catalogue, certificates, decisions, eligibility, facts, imports, registry

app_name = "awards"
urlpatterns = [
    *registry.urlpatterns,  # registry search, a person's / unit's / household's history
    *facts.urlpatterns,  # ratings, discipline, initiatives, households
    *eligibility.urlpatterns,  # one check, batch check and its export
    *catalogue.urlpatterns,  # titles and forms, the province's own forms
    *decisions.urlpatterns,  # decisions, their awards, .docx/.pdf, revoking
    *certificates.urlpatterns,  # certificate PDFs and the print layout
    *imports.urlpatterns,  # legacy import of award history from Excel
]
