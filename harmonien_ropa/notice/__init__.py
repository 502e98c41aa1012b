"""The privacy notice as data: one typed view per language (:mod:`.view`, made of the values in
:mod:`.facts`), laid out by the notice renderer and read by the checks."""

from .facts import NoticeView
from .view import build, places

__all__ = ["NoticeView", "build", "places"]
