"""Who looked at whose data, when and from where: an append-only, hash-chained trail."""
