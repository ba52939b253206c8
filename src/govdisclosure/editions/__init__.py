"""The official table definitions, one module per edition."""
