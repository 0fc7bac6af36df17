"""The built gazetteer, installed with geomap as package data (see gazetteer/README.md)."""
