"""The privacy notice as data: one typed view per language (:mod:`.view`), laid out by the
notice renderer and read by the checks."""

from .view import NoticeView, build, places

__all__ = ["NoticeView", "build", "places"]
