"""The Alliance: national bodies' actions against national themes."""
