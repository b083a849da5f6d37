"""dutygraph: read Chinese government work plans and show who is responsible for what.

The checkout's root folder is this package (setup.cfg maps it with ``package_dir``):
``dutygraph.loaders``, ``dutygraph.graph``, ``dutygraph.reports``, ``dutygraph.data``,
``dutygraph.main`` (the command line). The public API (``dutygraph.api``) is reached from
here, loaded on first use so that ``import dutygraph`` (and the command line) pays for
nothing it does not call::

    import dutygraph
    plans = dutygraph.read(["data/plans"])
    dutygraph.frame(plans).groupby("role").size()
"""
__version__ = "0.1.0"  # the one place; setup.cfg reads it (version = attr:)

__all__ = ["read", "load", "audit", "audit_settings", "run_audit", "compare", "frame",
           "archive", "Plan", "__version__"]

_API = {"read", "load", "audit", "audit_settings", "run_audit", "compare", "frame"}


def __getattr__(name):
    """The API functions and ``Plan``, imported when first asked for (PEP 562)."""
    if name in _API:
        from dutygraph import api

        return getattr(api, name)
    if name == "Plan":
        from dutygraph.model import Plan

        return Plan
    raise AttributeError(f"module 'dutygraph' has no attribute '{name}'")


def __dir__():
    return sorted({*globals(), *__all__})
