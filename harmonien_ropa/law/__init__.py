"""The legal engine: every legal conclusion the outputs and the checker draw, made in one place.

Plain functions and tables over the model (this package imports only :mod:`..model` and the
standard library):

* :mod:`.terms`: each legal term once, with its article and labels; :func:`~.terms.cite` and
  :func:`~.terms.label_cite`;
* :mod:`.rights`: which rights apply to which activities and their limits (erasure);
* :mod:`.countries` and :mod:`.transfers`: the EEA, adequacy, the effective mechanism of a flow,
  whether a copy of the safeguards is owed, who the importer is, ours or a recipient's own;
* :mod:`.requirements`: each Art. 30(1)/(2), 13 and 14 item, when it applies and its status for
  an entry (the record's gaps, ``check --coverage`` and the rules reporting a missing item);
* :mod:`.wording`: statements the law contradicts, recognised in a map's texts (ROPA410);
* :mod:`.adviser`: a data-protection adviser is not the Art. 37 officer (ROPA707).
"""
