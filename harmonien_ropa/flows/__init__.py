"""The map as a graph of data flows, the questions asked of it (``locate``, ``impact``) and their
reports."""
