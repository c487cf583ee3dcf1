"""fibrolog: a self-hosted fibromyalgia diary with honest, calibrated statistics."""

__version__ = "0.1.0"
