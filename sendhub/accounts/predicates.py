"""The role predicates moved to `sendhub.core.predicates` (core imports no app); this keeps the old import path."""

from sendhub.core.predicates import *  # noqa: F403  (the old import path, for callers not yet moved)
