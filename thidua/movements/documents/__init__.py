"""Documents the movements app drafts: the review report (.docx, from a committed docxtpl
template built by ``build_templates.py``)."""
