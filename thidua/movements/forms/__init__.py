"""Forms of the movements app, one module per feature (like ``views/``)."""
