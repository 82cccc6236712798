"""The local web explorer and JSON API (``communique serve``)."""
from communique.web.app import create_app  # noqa: F401
