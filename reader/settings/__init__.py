"""Settings: input limits, the style profile, and the user's config folder and its files."""
