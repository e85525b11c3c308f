"""Reference data: quality markers, the pattern typology and national themes, as versioned data files."""
