"""Pages of the movements app, one module per feature."""
