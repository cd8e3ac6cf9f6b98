"""rolefit: which data role fits you? ``you.fit(jobs)``, literally.

>>> from rolefit import Profile, load_roles
>>> you = Profile.from_file("examples/answers/researcher.yaml")  # doctest: +SKIP
>>> jobs = load_roles()
>>> you.fit(jobs).top.role.name  # doctest: +SKIP
'R&D data scientist'

The names below are imported on first use, so that ``import rolefit`` (and the
command line's start) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "1.0.0"

_EXPORTS = {
    "Answers": "rolefit.model.answers",
    "load_answers": "rolefit.files.answers",
    "Catalogue": "rolefit.model.catalogue",
    "load_catalogue": "rolefit.catalogue.load",
    "load_roles": "rolefit.catalogue.load",
    "load_tasks": "rolefit.catalogue.load",
    "RolefitError": "rolefit.errors",
    "Profile": "rolefit.api",
    "FitResult": "rolefit.scoring.fit",
    "RoleFit": "rolefit.scoring.fit",
    "read_postings": "rolefit.postings.read",
    "audit_files": "rolefit.audit",
    "audit_answers": "rolefit.audit",
}

__all__ = [
    "Answers",
    "Catalogue",
    "FitResult",
    "Profile",
    "RoleFit",
    "RolefitError",
    "__version__",
    "audit_answers",
    "audit_files",
    "load_answers",
    "load_catalogue",
    "load_roles",
    "load_tasks",
    "read_postings",
]

if TYPE_CHECKING:
    from rolefit.api import Profile
    from rolefit.audit import audit_answers, audit_files
    from rolefit.catalogue.load import load_catalogue, load_roles, load_tasks
    from rolefit.errors import RolefitError
    from rolefit.files.answers import load_answers
    from rolefit.model.answers import Answers
    from rolefit.model.catalogue import Catalogue
    from rolefit.postings.read import read_postings
    from rolefit.scoring.fit import FitResult, RoleFit


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rolefit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
