"""UI texts, one module per page, each registering its own zh/en messages."""
