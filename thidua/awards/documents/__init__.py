"""Award decision documents: the .docx decision and annex list (docxtpl templates built by
``build_templates.py``) and the decision in PDF."""
