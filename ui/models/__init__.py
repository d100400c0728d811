"""Qt item models over the controllers' data (tables the screens show)."""
