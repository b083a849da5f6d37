"""Bundled data: sample plans (plans/) and the default unit registry (registry/)."""
from pathlib import Path

DATA_DIR = Path(__file__).parent
PLANS_DIR = DATA_DIR / "plans"
REGISTRY_DIR = DATA_DIR / "registry"
SAMPLE_PLANS = tuple(sorted(p for p in PLANS_DIR.iterdir()
                            if p.suffix in (".txt", ".md") and p.stem != "README"))
"""The bundled sample plans (data/plans/ without its README)."""
