"""fibrolog."""
