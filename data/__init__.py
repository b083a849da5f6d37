"""Bundled data: sample plans (plans/) and the default unit registry (registry/)."""
from pathlib import Path

DATA_DIR = Path(__file__).parent
PLANS_DIR = DATA_DIR / "plans"
REGISTRY_DIR = DATA_DIR / "registry"
