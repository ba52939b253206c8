"""HTML import and rendering for govdisclosure (filled in below)."""
