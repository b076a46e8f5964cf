"""Data out: the filtered lists as CSV, JSON and JSON Lines, streamed, and the strict filtering that
exports, feeds and the API share."""
