"""View: the pure display model the app draws (the grid of rows and cells); no Textual here."""
