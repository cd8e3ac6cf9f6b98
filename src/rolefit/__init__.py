"""rolefit: which data role fits you? ``you.fit(jobs)``, literally.

>>> from rolefit import Profile, load_roles
>>> you = Profile.from_file("examples/answers/researcher.yaml")  # doctest: +SKIP
>>> jobs = load_roles()
>>> you.fit(jobs).top.role.name  # doctest: +SKIP
'R&D data scientist'
"""

from rolefit.answers import Answers, load_answers
from rolefit.catalogue import Catalogue, load_catalogue, load_roles, load_tasks
from rolefit.errors import RolefitError
from rolefit.profile import Profile
from rolefit.scoring import FitResult, RoleFit

__version__ = "1.0.0"

__all__ = [
    "Answers",
    "Catalogue",
    "FitResult",
    "Profile",
    "RoleFit",
    "RolefitError",
    "__version__",
    "load_answers",
    "load_catalogue",
    "load_roles",
    "load_tasks",
]
