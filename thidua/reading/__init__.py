"""Reading launch documents (directives, plans, news articles) into a draft movement.

``read_document(data, filename)`` and ``read_text(text)`` need no database: the command
line (``python -m thidua.reading FILE… [--json]``) and the review page both use them.
"""


def read_text(text: str):
    from .reader import read_text as _read_text

    return _read_text(text)


def read_document(data: bytes, filename: str):
    from .reader import read_document as _read_document

    return _read_document(data, filename)
